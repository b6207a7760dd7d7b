package mx.supplierportal.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import mx.supplierportal.api.ApiScope;
import mx.supplierportal.api.ApiTokens;
import mx.supplierportal.support.ApiClient;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.MciFixture;
import mx.supplierportal.support.Pdf;
import mx.supplierportal.support.TestMail;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** /api/v1/invoices as an ERP uses it: upload with documents and send, idempotency, lists, details, files. */
class InvoiceApiIntegrationTest extends IntegrationTest {

    static final String MCI_RFC = "MCI7306249Y1";

    @Autowired
    ApiTokens tokens;
    @Autowired
    RuntimeService runtime;
    @Autowired
    javax.sql.DataSource dataSource;

    private ApiClient api;
    private String token;

    @BeforeEach
    void supplier() throws Exception {
        MciFixture.ensure(this);
        MciFixture.revokeApiTokens(this);
        api = new ApiClient(port);
        long userId = jdbc.queryForObject("select id from supplier_user where email = ?", Long.class,
                MciFixture.SUPPLIER_EMAIL);
        token = tokens.create(userId, "ERP " + unique(), EnumSet.allOf(ApiScope.class), 90).secret();
    }

    private static ApiClient.File xml(String content) {
        return new ApiClient.File("factura.xml", "application/xml", content.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiClient.File pdf(String text) {
        return new ApiClient.File("factura.pdf", "application/pdf", Pdf.withText(text));
    }

    private ApiClient.Response upload(String uuid, boolean send, String... headers) {
        return api.multipart("/api/v1/invoices", token, ApiClient.parts("client", MCI_RFC, "send", send,
                "xml", xml(MciFixture.freshInvoice(uuid)), "pdf", pdf(uuid),
                "purchaseOrder", new ApiClient.File("oc.pdf", "application/pdf", Pdf.withText("OC 77"))), headers);
    }

    private Integer invoicesWith(String uuid) {
        return jdbc.queryForObject("select count(*) from invoice where uuid = ?", Integer.class,
                uuid.toUpperCase());
    }

    @Test
    void anInvoiceWithItsDocumentsIsReceivedAndSentInOneCall() {
        String uuid = UUID.randomUUID().toString();
        ApiClient.Response created = upload(uuid, true);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode invoice = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/v1/invoices/" + invoice.get("id").asLong());
        assertThat(invoice.get("uuid").asText()).isEqualTo(uuid.toUpperCase());
        assertThat(invoice.get("status").asText()).isEqualTo("IN_PROCESS");
        assertThat(invoice.get("stage").asText()).isEqualTo("RECEIVED");
        assertThat(invoice.get("client").get("rfc").asText()).isEqualTo(MCI_RFC);
        assertThat(invoice.get("missingDocuments")).isEmpty();
        assertThat(invoice.get("links").has("send")).isFalse();
        // the reception process runs for it, as after the pages' Enviar
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(Invoices.PROCESS)
                .processInstanceBusinessKey(uuid.toUpperCase()).count()).isEqualTo(1);

        // its stages and files
        JsonNode one = api.get("/api/v1/invoices/" + invoice.get("id").asLong(), token).json();
        assertThat(one.get("stages").get(0).get("stage").asText()).isEqualTo("RECEIVED");
        assertThat(one.get("stages").get(0).get("at").asText()).endsWith("-06:00"); // Mexico City time
        ApiClient.Response file = api.get("/api/v1/invoices/" + invoice.get("id").asLong() + "/xml", token);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.text()).containsIgnoringCase(uuid);
        assertThat(api.get("/api/v1/invoices/" + invoice.get("id").asLong() + "/pdf", token).header("Content-Type"))
                .startsWith("application/pdf");
    }

    @Test
    void withoutSendTheInvoiceWaitsAsADraftAndIsSentLater() {
        String uuid = UUID.randomUUID().toString();
        ApiClient.Response response = api.multipart("/api/v1/invoices", token, ApiClient.parts("client", MCI_RFC,
                "xml", xml(MciFixture.freshInvoice(uuid)), "pdf", pdf(uuid)));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode draft = response.json();
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("missingDocuments").get(0).asText()).isEqualTo("purchaseOrder");
        long id = draft.get("id").asLong();

        ApiClient.Response refused = api.post("/api/v1/invoices/" + id + "/send", token, "Accept-Language", "es");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asText()).isEqualTo("/api/problems/refused");
        assertThat(refused.json().get("detail").asText()).contains("Orden de compra");

        // the same CFDI again with the missing document and send=true completes and sends that draft
        ApiClient.Response completed = api.multipart("/api/v1/invoices", token, ApiClient.parts("client", MCI_RFC,
                "send", "true", "xml", xml(MciFixture.freshInvoice(uuid)), "purchaseOrder",
                new ApiClient.File("oc.pdf", "application/pdf", Pdf.withText("OC 78"))));
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.json().get("id").asLong()).isEqualTo(id);
        assertThat(completed.json().get("status").asText()).isEqualTo("IN_PROCESS");
        assertThat(completed.json().get("total").asText()).isEqualTo("3327.01");

        // send=true with a document missing keeps the draft and says what is missing
        String other = UUID.randomUUID().toString();
        JsonNode kept = api.multipart("/api/v1/invoices", token, ApiClient.parts("client", MCI_RFC, "send", "true",
                "xml", xml(MciFixture.freshInvoice(other)), "pdf", pdf(other))).json();
        assertThat(kept.get("status").asText()).isEqualTo("DRAFT");
        assertThat(kept.get("links").get("send").asText()).endsWith("/send");
    }

    @Test
    void theSameCfdiOrTheSameKeyAgainFindsTheFirstInvoice() {
        String uuid = UUID.randomUUID().toString();
        long id = upload(uuid, false, "Idempotency-Key", "erp-doc-" + uuid).json().get("id").asLong();

        ApiClient.Response again = upload(uuid, false);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(id);

        ApiClient.Response sameKey = upload(uuid, false, "Idempotency-Key", "erp-doc-" + uuid);
        assertThat(sameKey.status()).isEqualTo(200);
        assertThat(sameKey.json().get("id").asLong()).isEqualTo(id);
        assertThat(invoicesWith(uuid)).isEqualTo(1);

        // the key again with another invoice is refused, and that invoice is not stored
        String other = UUID.randomUUID().toString();
        ApiClient.Response reused = upload(other, false, "Idempotency-Key", "erp-doc-" + uuid);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asText()).isEqualTo("/api/problems/idempotency-key-reused");
        assertThat(invoicesWith(other)).isZero();
    }

    @Test
    void theSameCfdiTwiceAtTheSameMomentIsOneInvoiceAndNoError() throws Exception {
        long first = upload(UUID.randomUUID().toString(), false).json().get("id").asLong();
        String uuid = UUID.randomUUID().toString();
        String columns = jdbc.queryForObject("select string_agg(column_name, ', ') from information_schema.columns"
                + " where table_name = 'invoice' and column_name not in ('id', 'uuid')", String.class);
        // another request with this CFDI has inserted its invoice and not yet committed (its row copies a draft)
        try (java.sql.Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var insert = other.prepareStatement("insert into invoice (uuid, " + columns + ") select ?, "
                    + columns + " from invoice where id = ?")) {
                insert.setString(1, uuid.toUpperCase());
                insert.setLong(2, first);
                insert.executeUpdate();
            }
            var concurrent = java.util.concurrent.CompletableFuture.supplyAsync(() -> upload(uuid, false));
            // the upload validates the CFDI, then its insert waits on the unique index for the other request
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from pg_stat_activity where datname = current_database()"
                    + " and wait_event_type = 'Lock'", Integer.class) > 0);
            other.commit();

            ApiClient.Response response = concurrent.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(response.json().get("id").asLong()).isEqualTo(jdbc.queryForObject(
                    "select id from invoice where uuid = ?", Long.class, uuid.toUpperCase()));
        }
        assertThat(invoicesWith(uuid)).isEqualTo(1);
    }

    @Test
    void aRefusedCfdiIsA422WithEveryFindingAndNothingIsStored() {
        String uuid = UUID.randomUUID().toString();
        String wrongReceiver = MciFixture.freshInvoice(uuid).replace("Rfc=\"MCI7306249Y1\"", "Rfc=\"XAXX010101000\"");
        Integer before = jdbc.queryForObject("select count(*) from stored_document", Integer.class);
        ApiClient.Response refused = api.multipart("/api/v1/invoices", token, ApiClient.parts("client", MCI_RFC,
                "xml", xml(wrongReceiver), "pdf", pdf(uuid), "purchaseOrder",
                new ApiClient.File("oc.pdf", "application/pdf", Pdf.withText("OC"))), "Accept-Language", "en");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asText()).isEqualTo("/api/problems/invalid-cfdi");
        assertThat(problem.get("title").asText()).isEqualTo("The CFDI cannot be received");
        List<String> codes = new ArrayList<>();
        problem.get("findings").forEach(f -> codes.add(f.get("code").asText()));
        // the receiver changed: it is not the client, and the issuer's seal no longer verifies
        assertThat(codes).contains("CTX-RECEPTOR", "SEAL-INVALID");
        assertThat(problem.get("findings").get(0).get("message").asText()).isNotBlank();
        assertThat(invoicesWith(uuid)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from stored_document", Integer.class)).isEqualTo(before);
    }

    @Test
    void aRefusedDocumentLeavesNoDraftBehind() {
        String uuid = UUID.randomUUID().toString();
        ApiClient.Response refused = api.multipart("/api/v1/invoices", token, ApiClient.parts("client", MCI_RFC,
                "xml", xml(MciFixture.freshInvoice(uuid)), "pdf", pdf(uuid), "purchaseOrder",
                new ApiClient.File("oc.exe", "application/octet-stream", Pdf.executable())));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asText()).isEqualTo("/api/problems/refused");
        assertThat(invoicesWith(uuid)).isZero();

        ApiClient.Response unknown = api.multipart("/api/v1/invoices", token, ApiClient.parts("client", MCI_RFC,
                "xml", xml(MciFixture.freshInvoice(uuid)), "contrato", pdf("x")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("contrato").contains("purchaseOrder");
        ApiClient.Response noPdf = api.multipart("/api/v1/invoices", token, ApiClient.parts("client", MCI_RFC,
                "xml", xml(MciFixture.freshInvoice(uuid))), "Accept-Language", "es");
        assertThat(noPdf.status()).isEqualTo(422); // the municipality asks for the PDF
        assertThat(noPdf.json().get("detail").asText()).contains("PDF");
        ApiClient.Response noXml = api.multipart("/api/v1/invoices", token, ApiClient.parts("client", MCI_RFC));
        assertThat(noXml.status()).isEqualTo(400);
        assertThat(noXml.json().get("detail").asText()).isEqualTo("Falta «xml».");
        ApiClient.Response otherClient = api.multipart("/api/v1/invoices", token, ApiClient.parts("client",
                "AAA010101AAA", "xml", xml(MciFixture.freshInvoice(uuid))));
        assertThat(otherClient.status()).isEqualTo(422);
        assertThat(otherClient.json().get("detail").asText()).contains("AAA010101AAA");
        assertThat(invoicesWith(uuid)).isZero();
    }

    @Test
    void aFileAboveTheServersLimitIsA413Problem() {
        ApiClient.Response tooLarge = api.multipart("/api/v1/invoices", token, ApiClient.parts("client", MCI_RFC,
                "xml", new ApiClient.File("huge.xml", "application/xml", new byte[26 * 1024 * 1024])));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooLarge.json().get("type").asText()).isEqualTo("/api/problems/too-large");
        assertThat(tooLarge.json().get("detail").asText()).contains("10 MB");
    }

    @Test
    void theListIsFilteredAndPagedByCursor() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        long firstId = upload(first, false).json().get("id").asLong();
        long secondId = upload(second, true).json().get("id").asLong();

        JsonNode page = api.get("/api/v1/invoices?limit=1", token).json();
        assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(secondId); // newest first
        assertThat(page.get("items").get(0).has("stages")).isFalse();
        JsonNode next = api.get("/api/v1/invoices?limit=1&after=" + page.get("next").asText(), token).json();
        assertThat(next.get("items").get(0).get("id").asLong()).isEqualTo(firstId);

        JsonNode drafts = api.get("/api/v1/invoices?status=DRAFT&client=" + MCI_RFC + "&limit=100", token).json();
        List<Long> ids = new ArrayList<>();
        drafts.get("items").forEach(i -> {
            ids.add(i.get("id").asLong());
            assertThat(i.get("status").asText()).isEqualTo("DRAFT");
        });
        assertThat(ids).contains(firstId).doesNotContain(secondId);
        assertThat(api.get("/api/v1/invoices?client=AAA010101AAA", token).json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/invoices?from=2999-01-01", token).json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/invoices?status=NADA", token).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/invoices?after=zzz", token).status()).isEqualTo(400);
    }

    @Test
    void anotherSuppliersInvoicesAreNotFoundNeverForbidden() throws Exception {
        long mine = upload(UUID.randomUUID().toString(), false).json().get("id").asLong();
        TestClient client = newClient();
        String email = "ajeno-" + unique() + "@proveedor.test";
        registerSupplier(client, "Proveedor Ajeno", newRfc(), email, "es");
        mvc.perform(post("/activate").with(csrf()).param("token", tokenOf(TestMail.link(onlyMailTo(email),
                "/activate"))).param("password", "clave ajena segura 2026").param("confirmation",
                "clave ajena segura 2026"));
        long otherUser = jdbc.queryForObject("select id from supplier_user where email = ?", Long.class, email);
        String otherToken = tokens.create(otherUser, "Ajeno", EnumSet.allOf(ApiScope.class), 90).secret();

        for (String path : new String[] {"/api/v1/invoices/" + mine, "/api/v1/invoices/" + mine + "/xml",
                "/api/v1/invoices/" + mine + "/pdf", "/api/v1/invoices/999999999"}) {
            ApiClient.Response response = api.get(path, otherToken);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.json().get("type").asText()).isEqualTo("/api/problems/not-found");
        }
        assertThat(api.post("/api/v1/invoices/" + mine + "/send", otherToken).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/invoices", otherToken).json().get("items")).isEmpty();
        // nor can it upload to a client that did not register it
        assertThat(api.multipart("/api/v1/invoices", otherToken, ApiClient.parts("client", MCI_RFC, "xml",
                xml(MciFixture.freshInvoice(UUID.randomUUID().toString())))).status()).isEqualTo(422);
    }

    @Test
    void readingNeedsTheReadScopeAndWritingTheWriteScope() {
        long userId = jdbc.queryForObject("select id from supplier_user where email = ?", Long.class,
                MciFixture.SUPPLIER_EMAIL);
        String readOnly = tokens.create(userId, "Lectura", Set.of(ApiScope.INVOICES_READ), 90).secret();
        String uuid = UUID.randomUUID().toString();
        assertThat(api.multipart("/api/v1/invoices", readOnly, ApiClient.parts("client", MCI_RFC, "xml",
                xml(MciFixture.freshInvoice(uuid)))).status()).isEqualTo(403);
        assertThat(invoicesWith(uuid)).isZero();
        String writeOnly = tokens.create(userId, "Escritura", Set.of(ApiScope.INVOICES_WRITE), 90).secret();
        assertThat(api.get("/api/v1/invoices", writeOnly).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/invoices", readOnly).status()).isEqualTo(200);
    }
}
