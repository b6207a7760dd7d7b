package mx.supplierportal.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.UUID;
import mx.supplierportal.api.ApiScope;
import mx.supplierportal.api.ApiTokens;
import mx.supplierportal.support.ApiClient;
import mx.supplierportal.support.ApprovedInvoices;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.MciFixture;
import mx.supplierportal.support.TestMail;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;

/** /api/v1/payments: a payment treasury registered, with the invoices it covers; the REP upload's problems. */
class PaymentApiIntegrationTest extends IntegrationTest {

    @Autowired
    ApiTokens tokens;
    @Autowired
    TaskService taskService;

    private ApiClient api;
    private String token;
    private long paymentId;
    private long invoiceId;
    private String number;

    @BeforeEach
    void aPaidInvoice() throws Exception {
        MciFixture.ensure(this);
        MciFixture.revokeApiTokens(this);
        Authentication supplier = signIn(MciFixture.SUPPLIER_EMAIL, MciFixture.SUPPLIER_PASSWORD);
        String uuid = UUID.randomUUID().toString();
        invoiceId = ApprovedInvoices.approve(this, taskService, supplier, MciFixture.registrationId(this),
                MciFixture.freshInvoice(uuid), uuid);
        taskService.complete(taskService.createTaskQuery().processDefinitionKey("payment-scheduling")
                .processInstanceBusinessKey(uuid.toUpperCase()).taskDefinitionKey("Task_SchedulePayment")
                .singleResult().getId());
        number = "API-" + uuid.substring(0, 8);
        mvc.perform(post("/staff/payments").with(authentication(signIn("mcitreasury", ADMIN_PASSWORD))).with(csrf())
                .param("registrationId", String.valueOf(MciFixture.registrationId(this))).param("number", number)
                .param("paidOn", LocalDate.now(ZoneId.of("America/Mexico_City")).toString()).param("method", "03")
                .param("currency", "MXN").param("amount", "3327.01").param("amount_" + invoiceId, "3327.01"));
        paymentId = jdbc.queryForObject("select id from payment where payment_number = ?", Long.class, number);
        runJobs();
        api = new ApiClient(port);
        long userId = jdbc.queryForObject("select id from supplier_user where email = ?", Long.class,
                MciFixture.SUPPLIER_EMAIL);
        token = tokens.create(userId, "ERP pagos", EnumSet.allOf(ApiScope.class), 90).secret();
    }

    @Test
    void aPaymentIsListedAndShowsTheInvoicesItCovers() {
        JsonNode list = api.get("/api/v1/payments", token).json();
        assertThat(list.get("items").get(0).get("number").asText()).isEqualTo(number); // newest first
        assertThat(list.get("items").get(0).get("invoiceCount").asInt()).isEqualTo(1);

        JsonNode payment = api.get("/api/v1/payments/" + paymentId, token).json();
        assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("3327.01");
        assertThat(payment.get("clientName").asText()).isEqualTo("Municipio de Cuautitlán Izcalli");
        assertThat(payment.get("complementStatus").asText()).isEqualTo("NOT_REQUIRED");
        assertThat(payment.get("invoices").get(0).get("invoiceId").asLong()).isEqualTo(invoiceId);
        assertThat(payment.get("invoices").get(0).get("balanceAfter").decimalValue()).isZero();

        // the invoice it paid says so too
        JsonNode invoice = api.get("/api/v1/invoices/" + invoiceId, token).json();
        assertThat(invoice.get("status").asText()).isEqualTo("PAID");
        assertThat(invoice.get("payments").get(0).get("number").asText()).isEqualTo(number);
    }

    @Test
    void aComplementThePaymentDoesNotOweIsRefusedAndAnotherSuppliersPaymentIsNotFound() throws Exception {
        ApiClient.Response refused = api.multipart("/api/v1/payments/" + paymentId + "/complement", token,
                ApiClient.parts("xml", new ApiClient.File("rep.xml", "application/xml",
                        "<x/>".getBytes(StandardCharsets.UTF_8))), "Accept-Language", "es");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asText()).isEqualTo("/api/problems/refused");
        assertThat(refused.json().get("detail").asText()).isNotBlank();

        TestClient client = newClient();
        String email = "pagos-ajeno-" + unique() + "@proveedor.test";
        registerSupplier(client, "Proveedor Ajeno", newRfc(), email, "es");
        mvc.perform(post("/activate").with(csrf()).param("token", tokenOf(TestMail.link(onlyMailTo(email),
                "/activate"))).param("password", "clave ajena segura 2026").param("confirmation",
                "clave ajena segura 2026"));
        long otherUser = jdbc.queryForObject("select id from supplier_user where email = ?", Long.class, email);
        String other = tokens.create(otherUser, "Ajeno", EnumSet.allOf(ApiScope.class), 90).secret();
        assertThat(api.get("/api/v1/payments/" + paymentId, other).status()).isEqualTo(404);
        assertThat(api.multipart("/api/v1/payments/" + paymentId + "/complement", other, ApiClient.parts("xml",
                new ApiClient.File("rep.xml", "application/xml", "<x/>".getBytes(StandardCharsets.UTF_8))))
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/payments", other).json().get("items")).isEmpty();
        // the record endpoint: the other supplier's own client only
        JsonNode record = api.get("/api/v1/record", other).json();
        assertThat(record.get("clients")).hasSize(1);
        assertThat(record.get("clients").get(0).get("clientName").asText()).isEqualTo(client.name());
        assertThat(record.get("clients").get(0).get("status").asText()).isEqualTo("DRAFT");
        assertThat(record.get("clients").get(0).get("invoicesAccepted").asBoolean()).isFalse();
        assertThat(record.get("clients").get(0).get("missing")).isNotEmpty();
    }
}
