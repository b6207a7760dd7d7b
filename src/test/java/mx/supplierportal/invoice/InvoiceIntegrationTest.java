package mx.supplierportal.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.MciFixture;
import mx.supplierportal.support.Pdf;
import mx.supplierportal.support.TestMail;
import mx.supplierportal.support.TestSat;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Invoice reception with the shared stamped sample: receptor Municipio de Cuautitlán Izcalli (MCI7306249Y1),
 * issuer Escuela Kemper Urgate (EKU9003173C9). Each test gives the sample a new stamp UUID (the stamp is not part of
 * the issuer's seal, so the seal stays valid) so that every upload is a new invoice.
 */
class InvoiceIntegrationTest extends IntegrationTest {

    static final String PASSWORD = MciFixture.SUPPLIER_PASSWORD;
    static final String MCI = MciFixture.CODE;
    static final String EKU_EMAIL = MciFixture.SUPPLIER_EMAIL;

    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;

    Authentication supplier;
    long registrationId;

    @BeforeEach
    void mciAndEku() throws Exception {
        MciFixture.ensure(this);
        supplier = signIn(EKU_EMAIL, PASSWORD);
        registrationId = MciFixture.registrationId(this);
    }

    static String sample(String name) {
        try (InputStream in = InvoiceIntegrationTest.class.getResourceAsStream("/cfdi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String freshInvoice(String uuid) {
        return MciFixture.freshInvoice(uuid);
    }

    ResultActions upload(String xml, byte[] pdf, Authentication who) throws Exception {
        return mvc.perform(multipart("/invoices/{r}", registrationId)
                .file(new MockMultipartFile("xml", "factura.xml", "text/xml", xml.getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("pdf", "factura.pdf", "application/pdf", pdf))
                .with(authentication(who)).with(csrf()));
    }

    long invoiceId(String uuid) {
        return jdbc.queryForObject("select id from invoice where uuid = ?", Long.class, uuid.toUpperCase());
    }

    long requirement(String key) {
        return jdbc.queryForObject("select r.id from invoice_requirement r join client c on c.id = r.client_id "
                + "where c.code = ? and r.req_key = ?", Long.class, MCI, key);
    }

    String invoiceStatus(String uuid) {
        return jdbc.queryForObject("select status from invoice where uuid = ?", String.class, uuid.toUpperCase());
    }

    @Test
    void uploadAttachSendReviewApprove() throws Exception {
        String uuid = UUID.randomUUID().toString();
        upload(freshInvoice(uuid), Pdf.withText("factura"), supplier)
                .andExpect(flash().attribute("uploaded", true));
        long id = invoiceId(uuid);
        runJobs(); // SAT is asked in the background
        mvc.perform(get("/invoice/{i}", id).with(authentication(supplier)))
                .andExpect(content().string(containsString("Estado en el SAT: Vigente")))
                .andExpect(content().string(containsString("Orden de compra")))
                .andExpect(content().string(containsString("requirement-missing")))
                .andExpect(content().string(containsString("Portable tetris gamepad pro++")));

        // Sending without the mandatory purchase order names what is missing
        mvc.perform(post("/invoice/{i}/send", id).with(authentication(supplier)).with(csrf()))
                .andExpect(flash().attribute("problems", hasItem("Falta cargar: Orden de compra.")));
        assertThat(invoiceStatus(uuid)).isEqualTo("DRAFT");

        mvc.perform(multipart("/invoice/{i}/documents/{r}", id, requirement("purchaseOrder"))
                .file(new MockMultipartFile("file", "oc-123.pdf", "application/pdf", Pdf.withText("OC 123")))
                .with(authentication(supplier)).with(csrf()));
        mvc.perform(post("/invoice/{i}/send", id).with(authentication(supplier)).with(csrf()))
                .andExpect(flash().attribute("sent", true));
        mvc.perform(post("/invoice/{i}/send", id).with(authentication(supplier)).with(csrf())); // twice: harmless
        assertThat(jdbc.queryForObject("select count(*) from invoice where uuid = ?", Integer.class,
                uuid.toUpperCase())).isEqualTo(1);
        runJobs();
        assertThat(TestMail.subject(lastMailTo(EKU_EMAIL))).isEqualTo("Se envió su factura a Municipio de Cuautitlán Izcalli");

        Task review = taskService.createTaskQuery().processInstanceBusinessKey(uuid.toUpperCase())
                .taskDefinitionKey("Task_PayablesReview").singleResult();
        assertThat(review.getTenantId()).isEqualTo(MCI);
        mvc.perform(get("/invoices/{r}/in-process", registrationId).with(authentication(supplier)))
                .andExpect(content().string(containsString(uuid.toUpperCase())))
                .andExpect(content().string(containsString("Revisión · En proceso")));

        taskService.complete(review.getId(), Map.of("decision", "approve"));
        // 3,327.01 pesos: accounts payable approve (invoice-approval.dmn), and they just did in the review
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(uuid.toUpperCase())
                .taskDefinitionKey("Task_Approve").count()).isZero();
        runJobs();
        assertThat(invoiceStatus(uuid)).isEqualTo("APPROVED");
        assertThat(TestMail.subject(lastMailTo(EKU_EMAIL))).isEqualTo("Municipio de Cuautitlán Izcalli aprobó su factura");
        mvc.perform(get("/invoice/{i}", id).with(authentication(supplier)))
                .andExpect(content().string(containsString("Aprobación · Aprobada")));
    }

    @Test
    void moreInformationThenRejection() throws Exception {
        String uuid = UUID.randomUUID().toString();
        upload(freshInvoice(uuid), Pdf.withText("factura"), supplier);
        long id = invoiceId(uuid);
        mvc.perform(multipart("/invoice/{i}/documents/{r}", id, requirement("purchaseOrder"))
                .file(new MockMultipartFile("file", "oc.pdf", "application/pdf", Pdf.withText("OC")))
                .with(authentication(supplier)).with(csrf()));
        mvc.perform(post("/invoice/{i}/send", id).with(authentication(supplier)).with(csrf()));
        runJobs();
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(uuid.toUpperCase()).singleResult();
        taskService.complete(review.getId(), Map.of("decision", "moreInfo", "reason", "Falta el acuse de entrega"));
        runJobs();
        assertThat(invoiceStatus(uuid)).isEqualTo("MORE_INFO");
        assertThat(TestMail.text(lastMailTo(EKU_EMAIL))).contains("Falta el acuse de entrega");
        mvc.perform(get("/invoices/{r}/to-send", registrationId).with(authentication(supplier)))
                .andExpect(content().string(containsString("Falta información")));

        mvc.perform(multipart("/invoice/{i}/documents/{r}", id, requirement("deliveryReceipt"))
                .file(new MockMultipartFile("file", "acuse.pdf", "application/pdf", Pdf.withText("acuse")))
                .with(authentication(supplier)).with(csrf()));
        mvc.perform(post("/invoice/{i}/send", id).with(authentication(supplier)).with(csrf()))
                .andExpect(flash().attribute("sent", true));
        review = taskService.createTaskQuery().processInstanceBusinessKey(uuid.toUpperCase())
                .taskDefinitionKey("Task_PayablesReview").singleResult();
        taskService.complete(review.getId(), Map.of("decision", "reject", "reason", "No corresponde al pedido"));
        runJobs();
        assertThat(invoiceStatus(uuid)).isEqualTo("REJECTED");
        assertThat(TestMail.text(lastMailTo(EKU_EMAIL))).contains("No corresponde al pedido");
        // A rejected invoice leaves "In process" for "Rejected", with its reason
        mvc.perform(get("/invoices/{r}/rejected", registrationId).with(authentication(supplier)))
                .andExpect(content().string(containsString("No corresponde al pedido")))
                .andExpect(content().string(containsString(uuid.toUpperCase())));
        mvc.perform(get("/invoices/{r}/in-process", registrationId).with(authentication(supplier)))
                .andExpect(content().string(not(containsString(uuid.toUpperCase()))));
    }

    /**
     * The walk-through: re-uploading a rejected invoice's CFDI after fixing its documents was refused as a duplicate
     * UUID, so the supplier could never be paid for it. Now the same CFDI reopens the invoice as a new attempt.
     */
    @Test
    void aRejectedInvoiceIsCorrectedAndSentAgainWithItsHistoryKept() throws Exception {
        String uuid = UUID.randomUUID().toString();
        long id = sentForReview(uuid);
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(uuid.toUpperCase()).singleResult();
        taskService.complete(review.getId(), Map.of("decision", "reject", "reason", "La orden de compra no es la"));
        runJobs();
        mvc.perform(get("/invoice/{i}", id).with(authentication(supplier)))
                .andExpect(content().string(containsString("id=\"reopen\"")));

        // The same CFDI again, with a new PDF: the same invoice, attempt 2, back in "to send"
        upload(freshInvoice(uuid), Pdf.withText("factura corregida " + uuid.toUpperCase()), supplier)
                .andExpect(flash().attribute("reopened", true))
                .andExpect(redirectedUrl("/invoice/" + id));
        assertThat(jdbc.queryForObject("select count(*) from invoice where uuid = ?", Integer.class,
                uuid.toUpperCase())).isEqualTo(1);
        assertThat(invoiceStatus(uuid)).isEqualTo("DRAFT");
        assertThat(jdbc.queryForObject("select attempt from invoice where id = ?", Integer.class, id)).isEqualTo(2);
        mvc.perform(get("/invoice/{i}", id).with(authentication(supplier)))
                .andExpect(content().string(containsString("Motivo del rechazo anterior:")))
                .andExpect(content().string(containsString("La orden de compra no es la")))
                .andExpect(content().string(not(containsString("id=\"reopen\""))))
                .andExpect(content().string(not(containsString("/delete")))); // its history stays
        mvc.perform(post("/invoice/{i}/delete", id).param("registrationId", String.valueOf(registrationId))
                .with(authentication(supplier)).with(csrf()))
                .andExpect(flash().attribute("problems", hasItem(
                        "Esta factura ya se envió antes y su historial se conserva, así que no se puede borrar.")));

        mvc.perform(multipart("/invoice/{i}/documents/{r}", id, requirement("purchaseOrder"))
                .file(new MockMultipartFile("file", "oc-correcta.pdf", "application/pdf", Pdf.withText("OC bien")))
                .with(authentication(supplier)).with(csrf()));
        mvc.perform(post("/invoice/{i}/send", id).with(authentication(supplier)).with(csrf()))
                .andExpect(flash().attribute("sent", true));
        runJobs();
        Task again = taskService.createTaskQuery().processInstanceBusinessKey(uuid.toUpperCase())
                .taskDefinitionKey("Task_PayablesReview").singleResult();
        assertThat(again).isNotNull();
        assertThat(invoiceStatus(uuid)).isEqualTo("IN_PROCESS");
        assertThat(jdbc.queryForList("select status from invoice_stage_event where invoice_id = ? order by id",
                String.class, id)).containsSubsequence("IN_PROCESS", "REJECTED", "REOPENED", "IN_PROCESS");
        mvc.perform(get("/invoice/{i}", id).with(authentication(supplier)))
                .andExpect(content().string(containsString("Reabierta para corregirla y enviarla de nuevo")));
    }

    @Test
    void aRejectionThatAsksForANewCfdiCannotBeSentAgain() throws Exception {
        String uuid = UUID.randomUUID().toString();
        long id = sentForReview(uuid);
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(uuid.toUpperCase()).singleResult();
        taskService.complete(review.getId(), Map.of("decision", "reject", "reason", "El RFC del receptor está mal",
                "reissue", true));
        runJobs();
        mvc.perform(get("/invoice/{i}", id).with(authentication(supplier)))
                .andExpect(content().string(not(containsString("id=\"reopen\""))))
                .andExpect(content().string(containsString("Su cliente pide cancelar este CFDI ante el SAT")));
        upload(freshInvoice(uuid), Pdf.withText("factura"), supplier).andExpect(flash().attribute("problems",
                hasItem(containsString("pidió cancelar el CFDI y emitir uno nuevo"))));
        mvc.perform(post("/invoice/{i}/reopen", id).with(authentication(supplier)).with(csrf()))
                .andExpect(flash().attribute("problems", hasItem(containsString("pidió cancelar el CFDI"))));
        assertThat(invoiceStatus(uuid)).isEqualTo("REJECTED");
    }

    /** Uploads the sample with this UUID, attaches the purchase order, sends it; returns the invoice id. */
    private long sentForReview(String uuid) throws Exception {
        upload(freshInvoice(uuid), Pdf.withText("factura"), supplier);
        long id = invoiceId(uuid);
        mvc.perform(multipart("/invoice/{i}/documents/{r}", id, requirement("purchaseOrder"))
                .file(new MockMultipartFile("file", "oc.pdf", "application/pdf", Pdf.withText("OC")))
                .with(authentication(supplier)).with(csrf()));
        mvc.perform(post("/invoice/{i}/send", id).with(authentication(supplier)).with(csrf()))
                .andExpect(flash().attribute("sent", true));
        runJobs();
        return id;
    }

    @Test
    void badInvoicesAreExplainedAndNothingIsStored() throws Exception {
        int before = jdbc.queryForObject("select count(*) from stored_document", Integer.class);
        upload("<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><c>&x;</c>",
                Pdf.withText("x"), supplier)
                .andExpect(flash().attribute("problems", hasItem(org.hamcrest.Matchers.endsWith(" (XML-DTD)"))));
        upload(sample("invoice-with-discounts-unstamped.xml"), Pdf.withText("x"), supplier)
                .andExpect(flash().attribute("problems", hasItem(org.hamcrest.Matchers.endsWith(" (CTX-RECEPTOR)"))))
                .andExpect(flash().attribute("problems", hasItem(org.hamcrest.Matchers.endsWith(" (TFD-MISSING)"))));
        upload(freshInvoice(UUID.randomUUID().toString()).replace("Rfc=\"EKU9003173C9\"", "Rfc=\"SAT970701NN3\""),
                Pdf.withText("x"), supplier)
                .andExpect(flash().attribute("problems", hasItem(org.hamcrest.Matchers.endsWith(" (CTX-EMISOR)"))));
        upload("<cfdi:Comprobante xmlns:cfdi=\"http://www.sat.gob.mx/cfd/3\" Version=\"3.3\"/>", Pdf.withText("x"),
                supplier).andExpect(flash().attribute("problems",
                        hasItem("Es un CFDI versión 3.3; solo se aceptan CFDI 4.0. (CFDI-VERSION)")));
        upload(freshInvoice(UUID.randomUUID().toString()), "<html>no soy un pdf</html>".getBytes(StandardCharsets.UTF_8),
                supplier).andExpect(flash().attribute("problems", hasItem(startsWith("Solo se aceptan PDF"))));
        // a made-up stamp: the sample's TimbreFiscalDigital with another UUID (SAT never signed that)
        upload(sample("invoice-stamped-test-csd.xml").replaceFirst("UUID=\"[0-9A-Fa-f-]{36}\"",
                "UUID=\"" + UUID.randomUUID() + "\""), Pdf.withText("x"), supplier)
                .andExpect(flash().attribute("problems", hasItem("El sello del SAT en el timbre no es válido: el "
                        + "timbre se modificó o no lo emitió el SAT. Pida al emisor el XML tal como se lo entregó su "
                        + "PAC. (TFD-SEAL-INVALID)")));
        String uuid = UUID.randomUUID().toString();
        upload(freshInvoice(uuid), Pdf.withText("x"), supplier).andExpect(flash().attribute("uploaded", true));
        upload(freshInvoice(uuid.toLowerCase()), Pdf.withText("x"), supplier)
                .andExpect(flash().attribute("problems", hasItem(org.hamcrest.Matchers.endsWith(" (CTX-DUPLICATE)"))));
        assertThat(jdbc.queryForObject("select count(*) from stored_document", Integer.class)).isEqualTo(before + 2);
    }

    /** The attack run's amplification: 100,000 Conceptos gave 600,012 findings and a 41 MB session attribute. */
    @Test
    @SuppressWarnings("unchecked")
    void aHugeCfdiGetsOneClearMessageAndStoresNothing() throws Exception {
        int before = jdbc.queryForObject("select count(*) from stored_document", Integer.class);
        String huge = freshInvoice(UUID.randomUUID().toString()).replaceFirst("<cfdi:Conceptos>",
                "<cfdi:Conceptos>" + "<cfdi:Concepto Importe=\"1\"/>".repeat(100_000));
        var result = upload(huge, Pdf.withText("x"), supplier).andExpect(status().is3xxRedirection()).andReturn();
        assertThat((java.util.List<Object>) result.getFlashMap().get("problems")).containsExactly(
                "El CFDI tiene 100001 conceptos; aquí se aceptan hasta 5000. Pida al emisor que lo divida en varios CFDI. "
                + "(CFDI-TOO-MANY-CONCEPTOS)");
        assertThat(jdbc.queryForObject("select count(*) from stored_document", Integer.class)).isEqualTo(before);
    }

    /** A stored CFDI is a download, never a page: an XHTML Addenda with a script must not run in the portal. */
    @Test
    void aStoredCfdiIsDownloadedNotRenderedAndThePdfOpensInTheBrowser() throws Exception {
        String uuid = UUID.randomUUID().toString();
        String withScript = freshInvoice(uuid).replace("</cfdi:Comprobante>", "<cfdi:Addenda><html "
                + "xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(document.cookie)</script></html>"
                + "</cfdi:Addenda></cfdi:Comprobante>");
        upload(withScript, Pdf.withText("Folio fiscal " + uuid), supplier)
                .andExpect(flash().attribute("uploaded", true)); // the Addenda is not sealed: still a valid CFDI
        long id = invoiceId(uuid);
        long xml = jdbc.queryForObject("select xml_document_id from invoice where id = ?", Long.class, id);
        long pdf = jdbc.queryForObject("select pdf_document_id from invoice where id = ?", Long.class, id);
        var download = mvc.perform(get("/invoice/{i}/files/{d}", id, xml).with(authentication(supplier)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;");
        assertThat(download.getHeader("Content-Security-Policy")).startsWith("sandbox");
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        var shown = mvc.perform(get("/invoice/{i}/files/{d}", id, pdf).with(authentication(supplier))).andReturn()
                .getResponse();
        assertThat(shown.getHeader("Content-Disposition")).startsWith("inline;");
        assertThat(shown.getContentType()).isEqualTo("application/pdf");
    }

    @Test
    void toSendIsPagedByKeyset() throws Exception {
        for (int i = 0; i < 21; i++) {
            upload(freshInvoice(UUID.randomUUID().toString()), Pdf.withText("f" + i), supplier)
                    .andExpect(flash().attribute("uploaded", true));
        }
        int total = jdbc.queryForObject("select count(*) from invoice where client_supplier_id = ? and status in "
                + "('DRAFT', 'MORE_INFO')", Integer.class, registrationId);
        String first = mvc.perform(get("/invoices/{r}/to-send", registrationId).with(authentication(supplier)))
                .andReturn().getResponse().getContentAsString();
        assertThat(rows(first)).isEqualTo(20);
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("after=(\\d+_\\d+)").matcher(first);
        assertThat(next.find()).isTrue();
        String second = mvc.perform(get("/invoices/{r}/to-send", registrationId).param("after", next.group(1))
                .with(authentication(supplier))).andReturn().getResponse().getContentAsString();
        assertThat(rows(second)).isEqualTo(Math.min(20, total - 20));
        String oldest = mvc.perform(get("/invoices/{r}/rejected", registrationId).param("sort", "oldest")
                .with(authentication(supplier))).andReturn().getResponse().getContentAsString();
        assertThat(oldest).doesNotContain("ms-1\">Aprobada<").doesNotContain("ms-1\">En proceso<");
    }

    private static int rows(String html) {
        return html.split("<a href=\"/invoice/", -1).length - 1;
    }

    /** A supplier finds an invoice by its folio or UUID and a range of issue days, and exports the list. */
    @Test
    void theListsAreSearchedAndExportedAsCsv() throws Exception {
        String uuid = UUID.randomUUID().toString();
        upload(freshInvoice(uuid), Pdf.withText("factura"), supplier);
        String folio = jdbc.queryForObject("select coalesce(serie, '') || '-' || coalesce(folio, '') from invoice "
                + "where uuid = ?", String.class, uuid.toUpperCase());
        String issued = jdbc.queryForObject("select cast(cast(issued_at as date) as varchar) from invoice where uuid = ?",
                String.class, uuid.toUpperCase());
        String toSend = "/invoices/{r}/to-send";
        mvc.perform(get(toSend, registrationId).param("q", uuid.substring(0, 13).toLowerCase())
                .with(authentication(supplier)))
                .andExpect(content().string(containsString(uuid.toUpperCase())))
                .andExpect(content().string(containsString("coincide")));
        mvc.perform(get(toSend, registrationId).param("q", uuid.substring(0, 8)).param("from", issued)
                .param("to", issued).with(authentication(supplier)))
                .andExpect(content().string(containsString(uuid.toUpperCase())));
        mvc.perform(get(toSend, registrationId).param("q", uuid.substring(0, 8))
                .param("from", java.time.LocalDate.parse(issued).plusDays(1).toString())
                .with(authentication(supplier)))
                .andExpect(content().string(not(containsString(uuid.toUpperCase()))))
                .andExpect(content().string(containsString("Ninguna factura coincide con la búsqueda.")));
        if (!folio.equals("-")) {
            mvc.perform(get(toSend, registrationId).param("q", folio).with(authentication(supplier)))
                    .andExpect(content().string(containsString(uuid.toUpperCase())));
        }

        var csv = mvc.perform(get("/invoices/{r}/to-send/export.csv", registrationId).param("q", uuid)
                .with(authentication(supplier))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).contains("attachment");
        String text = new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFSerie / Folio,UUID,Fecha,Total,Moneda,Estado,Etapa,Pago programado,");
        assertThat(text.lines().count()).isEqualTo(2);
        assertThat(text).contains(uuid.toUpperCase(), ",3327.01,MXN,Por enviar,");
        // another supplier cannot export this supplier's list
        TestClient other = newClient();
        String email = "csv-" + unique() + "@proveedor.test";
        registerSupplier(other, "Otro Proveedor", newRfc(), email, "es");
        mvc.perform(post("/activate").with(csrf()).param("token", tokenOf(TestMail.link(onlyMailTo(email),
                "/activate"))).param("password", PASSWORD).param("confirmation", PASSWORD));
        mvc.perform(get("/invoices/{r}/to-send/export.csv", registrationId)
                .with(authentication(signIn(email, PASSWORD)))).andExpect(status().isNotFound());
    }

    @Test
    void aCfdiCancelledAtSatCannotBeSent() throws Exception {
        String uuid = UUID.randomUUID().toString();
        TestSat.answer(uuid, "Cancelado");
        upload(freshInvoice(uuid), Pdf.withText("factura"), supplier).andExpect(flash().attribute("uploaded", true));
        long id = invoiceId(uuid);
        mvc.perform(get("/invoice/{i}", id).with(authentication(supplier)))
                .andExpect(content().string(containsString("Estado en el SAT: Sin verificar aún")));
        runJobs();
        mvc.perform(multipart("/invoice/{i}/documents/{r}", id, requirement("purchaseOrder"))
                .file(new MockMultipartFile("file", "oc.pdf", "application/pdf", Pdf.withText("OC")))
                .with(authentication(supplier)).with(csrf()));
        mvc.perform(post("/invoice/{i}/send", id).with(authentication(supplier)).with(csrf()))
                .andExpect(flash().attribute("problems", hasItem(startsWith("El SAT informa que este CFDI está cancelado"))));
        assertThat(invoiceStatus(uuid)).isEqualTo("DRAFT");
    }

    @Test
    void sendingWhileSatIsBeingAskedLosesNeitherChange() throws Exception {
        String uuid = UUID.randomUUID().toString();
        upload(freshInvoice(uuid), Pdf.withText("factura"), supplier).andExpect(flash().attribute("uploaded", true));
        long id = invoiceId(uuid);
        mvc.perform(multipart("/invoice/{i}/documents/{r}", id, requirement("purchaseOrder"))
                .file(new MockMultipartFile("file", "oc.pdf", "application/pdf", Pdf.withText("OC")))
                .with(authentication(supplier)).with(csrf()));
        // The background SAT check is under way (SAT answers slowly) when the supplier sends the invoice
        TestSat.Hold slowSat = TestSat.hold(uuid);
        String satCheckInstance = runtimeService.createProcessInstanceQuery().processDefinitionKey("cfdi-sat-check")
                .processInstanceBusinessKey(uuid.toUpperCase()).singleResult().getId();
        String satJob = managementService.createJobQuery().processInstanceId(satCheckInstance).singleResult().getId();
        CompletableFuture<Void> satCheck = CompletableFuture.runAsync(() -> managementService.executeJob(satJob));
        assertThat(slowSat.asked().await(20, TimeUnit.SECONDS)).isTrue();
        mvc.perform(post("/invoice/{i}/send", id).with(authentication(supplier)).with(csrf()))
                .andExpect(flash().attribute("sent", true));
        slowSat.release().countDown();
        satCheck.get(20, TimeUnit.SECONDS); // the check succeeds at the first attempt: no stale-version failure

        assertThat(invoiceStatus(uuid)).isEqualTo("IN_PROCESS");
        assertThat(jdbc.queryForObject("select sat_status from invoice where id = ?", String.class, id))
                .isEqualTo("VIGENTE");
    }

    @Test
    void aPdfThatDoesNotShowTheUuidIsFlaggedButCanBeSent() throws Exception {
        String uuid = UUID.randomUUID().toString();
        upload(freshInvoice(uuid), Pdf.withText("Factura de otro proveedor"), supplier)
                .andExpect(flash().attribute("uploaded", true));
        mvc.perform(get("/invoice/{i}", invoiceId(uuid)).with(authentication(supplier)))
                .andExpect(content().string(containsString("El PDF no muestra el UUID de esta factura ("
                        + uuid.toUpperCase() + ")")));
        String matching = UUID.randomUUID().toString();
        upload(freshInvoice(matching), Pdf.withText("Folio fiscal: " + matching), supplier);
        mvc.perform(get("/invoice/{i}", invoiceId(matching)).with(authentication(supplier)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("pdf-without-uuid"))));
    }

    @Test
    void warningsAreShownInTheReadersLanguageAndDoNotStopSending() throws Exception {
        String uuid = UUID.randomUUID().toString();
        // A complement the portal does not process yet: the seal cannot be checked, which is a warning only
        String withOtherComplement = freshInvoice(uuid).replace("</cfdi:Complemento>",
                "<x:Otro xmlns:x=\"urn:example\" Dato=\"1\"/></cfdi:Complemento>");
        upload(withOtherComplement, Pdf.withText("Folio fiscal " + uuid), supplier)
                .andExpect(flash().attribute("uploaded", true));
        long id = invoiceId(uuid);
        mvc.perform(get("/invoice/{i}", id).with(authentication(supplier)))
                .andExpect(content().string(containsString("Avisos de la validación (no impiden enviarla):")))
                .andExpect(content().string(containsString("No se pudo verificar el sello: el CFDI trae un "
                        + "complemento cuya cadena original no define el SAT (Otro (urn:example)).")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("SEAL-UNVERIFIABLE"))))
                // the client's own RFC check digit is not the supplier's to fix: not shown to the supplier
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("RFC del Receptor"))));
        mvc.perform(get("/invoice/{i}", id).with(authentication(supplier))
                .cookie(new jakarta.servlet.http.Cookie("portal-lang", "en")))
                .andExpect(content().string(containsString("The seal could not be verified: the CFDI has a "
                        + "complement whose cadena original SAT does not define (Otro (urn:example)).")));
        mvc.perform(multipart("/invoice/{i}/documents/{r}", id, requirement("purchaseOrder"))
                .file(new MockMultipartFile("file", "oc.pdf", "application/pdf", Pdf.withText("OC")))
                .with(authentication(supplier)).with(csrf()));
        mvc.perform(post("/invoice/{i}/send", id).with(authentication(supplier)).with(csrf()))
                .andExpect(flash().attribute("sent", true));
        // the reviewer sees the same on the staff page
        mvc.perform(get("/staff/invoices/{i}", id).with(authentication(signIn("mcipayables", ADMIN_PASSWORD))))
                .andExpect(content().string(containsString("No se pudo verificar el sello: el CFDI trae un "
                        + "complemento cuya cadena original no define el SAT (Otro (urn:example)).")))
                .andExpect(content().string(containsString("RFC del Receptor (MCI7306249Y1)")));
        // ... and the client's admins are told once, on their home page
        mvc.perform(get("/").with(authentication(signIn("mciadmin", ADMIN_PASSWORD))))
                .andExpect(content().string(containsString("data-rfc=\"MCI7306249Y1\"")))
                .andExpect(content().string(containsString("no cumple el dígito verificador del SAT")));
        mvc.perform(get("/").with(authentication(signIn("mcipayables", ADMIN_PASSWORD))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("data-rfc="))));
    }

    @Test
    void anApprovedRecordCanBeRequired() throws Exception {
        jdbc.update("update record_template set approved_before_invoicing = true where client_id = "
                + "(select id from client where code = ?)", MCI);
        try {
            upload(freshInvoice(UUID.randomUUID().toString()), Pdf.withText("x"), supplier)
                    .andExpect(flash().attribute("problems", hasItem("Municipio de Cuautitlán Izcalli pide que su "
                            + "expediente digital esté aprobado antes de recibir facturas.")));
        } finally {
            jdbc.update("update record_template set approved_before_invoicing = false where client_id = "
                    + "(select id from client where code = ?)", MCI);
        }
    }

    @Test
    void otherSuppliersAndClientsCannotReachTheInvoice() throws Exception {
        String uuid = UUID.randomUUID().toString();
        upload(freshInvoice(uuid), Pdf.withText("factura"), supplier);
        long id = invoiceId(uuid);
        long xml = jdbc.queryForObject("select xml_document_id from invoice where id = ?", Long.class, id);

        TestClient other = newClient();
        String email = "otro-" + unique() + "@proveedor.test";
        registerSupplier(other, "Otro Proveedor", newRfc(), email, "es");
        String token = tokenOf(TestMail.link(onlyMailTo(email), "/activate"));
        mvc.perform(post("/activate").with(csrf()).param("token", token).param("password", PASSWORD)
                .param("confirmation", PASSWORD));
        Authentication stranger = signIn(email, PASSWORD);
        mvc.perform(get("/invoice/{i}", id).with(authentication(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/invoice/{i}/files/{d}", id, xml).with(authentication(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/invoice/{i}/send", id).with(authentication(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/invoice/{i}/delete", id).param("registrationId", "1").with(authentication(stranger))
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/invoices/{r}/to-send", registrationId).with(authentication(stranger)))
                .andExpect(status().isNotFound());
        assertThat(invoiceStatus(uuid)).isEqualTo("DRAFT");

        // Staff of another client: nothing; staff of this client: not while it is a draft
        mvc.perform(get("/staff/invoices/{i}", id).with(authentication(signIn(other)))).andExpect(status().isNotFound());
        mvc.perform(get("/staff/invoices/{i}", id).with(authentication(signIn("mcipayables", ADMIN_PASSWORD))))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/invoice/{i}/documents/{r}", id, requirement("purchaseOrder"))
                .file(new MockMultipartFile("file", "oc.pdf", "application/pdf", Pdf.withText("OC")))
                .with(authentication(supplier)).with(csrf()));
        mvc.perform(post("/invoice/{i}/send", id).with(authentication(supplier)).with(csrf()));
        MvcResult page = mvc.perform(get("/staff/invoices/{i}", id)
                .with(authentication(signIn("mcipayables", ADMIN_PASSWORD)))).andExpect(status().isOk()).andReturn();
        assertThat(page.getResponse().getContentAsString()).contains(uuid.toUpperCase());
        mvc.perform(get("/staff/invoices/{i}", id).with(authentication(signIn(other)))).andExpect(status().isNotFound());
    }
}
