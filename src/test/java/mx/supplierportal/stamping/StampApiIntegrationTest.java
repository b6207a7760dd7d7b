package mx.supplierportal.stamping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import mx.supplierportal.api.ApiScope;
import mx.supplierportal.api.ApiTokens;
import mx.supplierportal.cfdi.TestCfdis;
import mx.supplierportal.support.ApiClient;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.MciFixture;
import mx.supplierportal.support.SignupFixture;
import mx.supplierportal.support.TestClock;
import mx.supplierportal.support.TestCsds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** /api/v1/stamps: an ERP sends an unsealed CFDI, polls it until stamped, fetches the XML and the PDF. */
class StampApiIntegrationTest extends IntegrationTest {

    @Autowired
    ApiTokens tokens;
    @Autowired
    TestClock clock;

    private ApiClient api;
    private String token;
    private String email;

    @BeforeEach
    void stampingAccount() throws Exception {
        clock.at(TestCsds.IN_FORCE);
        email = "erp-timbra-" + unique() + "@kemper.test";
        SignupFixture.stampingAccount(this, email, 50);
        api = new ApiClient(port);
        token = tokens.create(userIdOf(email), "ERP", Set.of(ApiScope.STAMPS_WRITE), 90).secret();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long userIdOf(String address) {
        return jdbc.queryForObject("select id from supplier_user where email = ?", Long.class, address);
    }

    private static ApiClient.File xml(String content) {
        return new ApiClient.File("factura.xml", "application/xml", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUnsealedCfdiIsAcceptedStampedInTheBackgroundAndFetched() {
        ApiClient.Response accepted = api.multipart("/api/v1/stamps", token, ApiClient.parts("serie", "A",
                "xml", xml(TestCfdis.unsealedInvoice())));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        JsonNode stamp = accepted.json();
        assertThat(stamp.get("status").asText()).isEqualTo("PENDING");
        assertThat(stamp.get("serie").asText()).isEqualTo("A");
        assertThat(stamp.get("folio").asText()).isEqualTo("1");
        String location = accepted.header("Location");
        assertThat(location).isEqualTo("/api/v1/stamps/" + stamp.get("id").asLong());
        assertThat(api.get(location + "/xml", token).status()).isEqualTo(409);

        runJobs(); // the PAC call
        JsonNode stamped = api.get(location, token).json();
        assertThat(stamped.get("status").asText()).isEqualTo("STAMPED");
        String uuid = stamped.get("uuid").asText();
        assertThat(uuid).hasSize(36);
        ApiClient.Response file = api.get(location + "/xml", token);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.text()).contains(uuid);
        assertThat(api.get(location + "/pdf", token).header("Content-Type")).startsWith("application/pdf");
    }

    @Test
    void aCfdiThatCannotBeStampedIsA422WithItsFindingsAndSpendsNothing() {
        Integer before = jdbc.queryForObject("select count(*) from stamp_request", Integer.class);
        ApiClient.Response refused = api.multipart("/api/v1/stamps", token, ApiClient.parts("serie", "Z",
                "xml", xml(TestCfdis.unsealedInvoice().replace("Rfc=\"EKU9003173C9\"", "Rfc=\"XAXX010101000\""))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asText()).isEqualTo("/api/problems/invalid-cfdi");
        assertThat(refused.json().get("findings")).isNotEmpty();
        refused.json().get("findings").forEach(f -> assertThat(f.get("code").asText()).isNotBlank());
        assertThat(jdbc.queryForObject("select count(*) from stamp_request", Integer.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select a.stamp_balance from signup_account a join supplier_user u on u.id = "
                + "a.supplier_user_id where u.email = ?", Integer.class, email)).isEqualTo(50);
    }

    @Test
    void anotherAccountsStampsAreNotFoundAndASupplierWithoutStampingIsTold() throws Exception {
        long id = api.multipart("/api/v1/stamps", token, ApiClient.parts("serie", "A",
                "xml", xml(TestCfdis.unsealedInvoice()))).json().get("id").asLong();
        String other = "otra-timbra-" + unique() + "@kemper.test";
        SignupFixture.stampingAccount(this, other, 50);
        String otherToken = tokens.create(userIdOf(other), "Otro ERP", EnumSet.allOf(ApiScope.class), 90).secret();
        for (String path : new String[] {"/api/v1/stamps/" + id, "/api/v1/stamps/" + id + "/xml",
                "/api/v1/stamps/" + id + "/pdf"}) {
            assertThat(api.get(path, otherToken).status()).as(path).isEqualTo(404);
        }

        MciFixture.ensure(this); // an invited supplier without the stamping service

        MciFixture.revokeApiTokens(this);
        String invoicing = tokens.create(userIdOf(MciFixture.SUPPLIER_EMAIL), "Sin timbrado",
                EnumSet.allOf(ApiScope.class), 90).secret();
        ApiClient.Response none = api.multipart("/api/v1/stamps", invoicing, ApiClient.parts("xml",
                xml(TestCfdis.unsealedInvoice())));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.json().get("detail").asText()).contains("timbrado");
        assertThat(api.get("/api/v1/stamps/" + id, invoicing).status()).isEqualTo(404);
    }
}
