package mx.supplierportal.stamping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import mx.supplierportal.cfdi.Cfdi;
import mx.supplierportal.cfdi.CfdiReader;
import mx.supplierportal.cfdi.CfdiValidator;
import mx.supplierportal.cfdi.Stamper;
import mx.supplierportal.cfdi.TestCfdis;
import mx.supplierportal.cfdi.ValidationContext;
import mx.supplierportal.cfdi.ValidationReport;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.MciFixture;
import mx.supplierportal.support.SignupFixture;
import mx.supplierportal.support.TestClock;
import mx.supplierportal.support.TestCsds;
import mx.supplierportal.support.TestMail;
import mx.supplierportal.web.MexicoTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Stamping by upload on PostgreSQL with a real SMTP server and the built-in test PAC (signing with the tests' stand-in
 * SAT key, whose certificate the tests trust): a business with SAT's test CSD uploads unsealed and sealed CFDIs, gets
 * them stamped, numbered and emailed, and every bad upload is explained with nothing spent or stored.
 */
class StampingIntegrationTest extends IntegrationTest {

    private static final DateTimeFormatter CFDI_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    @Autowired
    TestClock clock;
    @Autowired
    CfdiValidator validator;
    @Autowired
    Stamper stamper;

    private Authentication business;
    private String email;

    @BeforeEach
    void activeAccountWithSatsTestCsd() throws Exception {
        clock.at(TestCsds.IN_FORCE); // SAT's test CSD is in force then, whatever the day the tests run
        email = "timbra-" + unique() + "@kemper.test";
        business = SignupFixture.stampingAccount(this, email, 50);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The menu's questions are answered while the page renders (not before): what each kind of account sees. */
    @Test
    void theMenuOffersMisTimbresAndNoInvoicesToAnAccountThatOnlyStamps() throws Exception {
        String nav = navOf(mvc.perform(get("/profile").with(authentication(business))).andReturn()
                .getResponse().getContentAsString());
        assertThat(nav).contains("href=\"/stamps\"").doesNotContain("href=\"/invoices\"")
                .doesNotContain("href=\"/record\"").doesNotContain("href=\"/payments\"");

        MciFixture.ensure(this);
        String supplierNav = navOf(mvc.perform(get("/profile").with(authentication(signIn(MciFixture.SUPPLIER_EMAIL,
                MciFixture.SUPPLIER_PASSWORD)))).andReturn().getResponse().getContentAsString());
        assertThat(supplierNav).contains("href=\"/invoices\"", "href=\"/record\"", "href=\"/payments\"")
                .doesNotContain("href=\"/stamps\"");
    }

    private static String navOf(String page) {
        assertThat(page).contains("<nav");
        return page.substring(page.indexOf("<nav"), page.indexOf("</nav>"));
    }

    @Test
    void anUnsealedCfdiIsNumberedSealedStampedAndEmailed() throws Exception {
        mvc.perform(get("/stamps/new").with(authentication(business)))
                .andExpect(content().string(containsString("50 timbres disponibles")))
                .andExpect(content().string(containsString("A — siguiente folio 1")))
                .andExpect(content().string(containsString("Timbrado de PRUEBAS")));
        long id = uploaded(upload(unsealed(), "A"));
        mvc.perform(get("/stamps/" + id + "?sent").with(authentication(business)))
                .andExpect(content().string(containsString("En proceso")))
                .andExpect(content().string(containsString("se envió al PAC")));
        assertThat(balance()).as("one stamp set aside").isEqualTo(49);
        assertThat(reserved()).isEqualTo(1);

        runJobs();
        assertThat(reserved()).as("spent").isZero();
        assertThat(balance()).isEqualTo(49);
        MvcResult download = mvc.perform(get("/stamps/" + id + "/xml").with(authentication(business)))
                .andExpect(status().isOk()).andReturn();
        byte[] stamped = download.getResponse().getContentAsByteArray();
        // the portal's own validator (trusting the tests' stand-in SAT) verifies the issuer seal and the stamp
        ValidationReport report = validator.validate(stamped, ValidationContext.NONE.withRequireStamp(true)
                .withExpectedEmisor(TestCsds.RFC));
        assertThat(report.findings()).as("findings").filteredOn(f -> f.severity().name().equals("ERROR")).isEmpty();
        Cfdi cfdi = report.cfdi().orElseThrow();
        assertThat(cfdi.comprobante().serie()).isEqualTo("A");
        assertThat(cfdi.comprobante().folio()).isEqualTo("1");
        assertThat(cfdi.comprobante().noCertificado()).isEqualTo("30001000000500003416");
        assertThat(cfdi.comprobante().fecha()).as("filled in Mexico City time").isEqualTo(
                LocalDateTime.ofInstant(TestCsds.IN_FORCE, MexicoTime.ZONE).format(CFDI_DATE));
        String uuid = cfdi.timbre().orElseThrow().uuid();
        assertThat(jdbc.queryForObject("select uuid from stamp_request where id = ?", String.class, id)).isEqualTo(uuid);
        assertThat(nextFolio("A")).isEqualTo("2");
        // the process's history carries the UUID as its business key
        assertThat(jdbc.queryForObject("select business_key_ from act_hi_procinst where proc_inst_id_ = (select "
                + "process_instance_id from stamp_request where id = ?)", String.class, id)).isEqualTo(uuid);

        MimeMessage mail = lastMailTo(email);
        assertThat(TestMail.subject(mail)).isEqualTo("Su CFDI está timbrado");
        assertThat(TestMail.text(mail)).contains("Su CFDI A-1 para MCI7306249Y1 está timbrado", uuid,
                "Timbrado de PRUEBAS");
        Map<String, byte[]> files = TestMail.attachments(mail);
        assertThat(files).containsOnlyKeys("A-1_" + uuid + ".xml", "A-1_" + uuid + ".pdf");
        assertThat(files.get("A-1_" + uuid + ".xml")).isEqualTo(stamped);
        byte[] pdf = mvc.perform(get("/stamps/" + id + "/pdf").with(authentication(business)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(files.get("A-1_" + uuid + ".pdf")).isEqualTo(pdf);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains(uuid, "PRUEBAS",
                    "MIL SEISCIENTOS CUARENTA PESOS 00/100 M.N.", "A-1");
        }

        mvc.perform(get("/stamps/" + id).with(authentication(business)))
                .andExpect(content().string(containsString("Timbrado")))
                .andExpect(content().string(containsString(uuid)));
        mvc.perform(get("/stamps").with(authentication(business)))
                .andExpect(content().string(containsString("49 timbres disponibles")))
                .andExpect(content().string(containsString("1 usado")))
                .andExpect(content().string(containsString(uuid)));
        mvc.perform(get("/stamps").param("q", uuid.substring(0, 8).toLowerCase()).with(authentication(business)))
                .andExpect(content().string(containsString(uuid)));
        mvc.perform(get("/stamps").param("q", "a-1").with(authentication(business)))
                .andExpect(content().string(containsString(uuid)));
        mvc.perform(get("/stamps").param("q", "XAXX010101000").with(authentication(business)))
                .andExpect(content().string(not(containsString(uuid))))
                .andExpect(content().string(containsString("Ningún CFDI coincide")));
    }

    @Test
    void aSealedCfdiOfThisRfcIsStampedAsItIsAndTakesNoFolio() throws Exception {
        byte[] sealed = TestCfdis.signed(TestCfdis.invoice().replace("2025-03-10T10:00:00", now()));
        long id = uploaded(upload(sealed, "A"));
        runJobs();
        byte[] stamped = mvc.perform(get("/stamps/" + id + "/xml").with(authentication(business)))
                .andReturn().getResponse().getContentAsByteArray();
        Cfdi cfdi = new CfdiReader().read(stamped);
        assertThat(cfdi.comprobante().serie() + "-" + cfdi.comprobante().folio()).isEqualTo("T-1");
        assertThat(cfdi.comprobante().sello()).isEqualTo(new CfdiReader().read(sealed).comprobante().sello());
        assertThat(nextFolio("A")).as("a sealed CFDI keeps its own folio").isEqualTo("1");
        assertThat(balance()).isEqualTo(49);
    }

    @Test
    void badUploadsAreExplainedAndSpendNothing() throws Exception {
        expectRefused(upload("esto no es XML".getBytes(StandardCharsets.UTF_8), "A"), "El archivo no es XML");
        expectRefused(upload(unsealed().replace("Version=\"4.0\"", "Version=\"3.3\"")
                .replace("http://www.sat.gob.mx/cfd/4", "http://www.sat.gob.mx/cfd/3"), "A"),
                "solo se aceptan CFDI 4.0");
        expectRefused(upload(unsealed().replace("Rfc=\"EKU9003173C9\"", "Rfc=\"AAA010101AAA\""), "A"),
                "El certificado es del RFC EKU9003173C9, pero el emisor es AAA010101AAA");
        expectRefused(upload(unsealed().replace("RegimenFiscal=\"601\"", "RegimenFiscal=\"603\""), "A"),
                "El régimen fiscal del emisor es 603, pero el de su cuenta es 601");
        String fourDaysAgo = LocalDateTime.ofInstant(TestCsds.IN_FORCE.minus(Duration.ofDays(4)), MexicoTime.ZONE)
                .format(CFDI_DATE);
        expectRefused(upload(unsealed().replace("Version=\"4.0\"", "Version=\"4.0\" Fecha=\"" + fourDaysAgo + "\""),
                "A"), "tiene más de 72 horas");
        expectRefused(upload(unsealed().replace("TipoDeComprobante=\"I\"", "TipoDeComprobante=\"E\""), "A"),
                "La serie A es para CFDI de tipo I, pero este CFDI es de tipo E");
        expectRefused(upload(unsealed(), ""), "elija la serie");
        expectRefused(upload(unsealed(), "Z"), "La serie «Z» no es una de sus series activas");
        byte[] big = unsealed().replace("Descripcion=\"Laptop\"", "Descripcion=\"" + "x".repeat(1024 * 1024) + "\"")
                .getBytes(StandardCharsets.UTF_8);
        expectRefused(upload(big, "A"), "los PAC aceptan CFDI de hasta 1 MB");
        byte[] alreadyStamped = Files.readAllBytes(Path.of("src/test/resources/cfdi/invoice-stamped-test-csd.xml"));
        expectRefused(upload(alreadyStamped, "A"), "ya está timbrado");
        // a CFDI sealed with the right CSD and then changed: its seal no longer verifies
        byte[] tampered = new String(TestCfdis.signed(TestCfdis.invoice().replace("2025-03-10T10:00:00", now())),
                StandardCharsets.UTF_8).replace("Descripcion=\"Laptop\"", "Descripcion=\"Laptop usada\"")
                .getBytes(StandardCharsets.UTF_8);
        expectRefused(upload(tampered, "A"), "El sello del emisor no es válido");

        assertThat(balance()).isEqualTo(50);
        assertThat(reserved()).isZero();
        assertThat(nextFolio("A")).isEqualTo("1");
        assertThat(jdbc.queryForObject("select count(*) from stamp_request r join signup_account a on a.id = "
                + "r.account_id join supplier_user u on u.id = a.supplier_user_id where u.email = ?", Integer.class,
                email)).isZero();
    }

    @Test
    void aRetryAfterALostAnswerGetsTheFirstStampAndSpendsOneStamp() throws Exception {
        long id = uploaded(upload(unsealed(), "A"));
        // the PAC stamped this request, but its answer never reached the portal (the job's transaction was lost)
        long sealedId = jdbc.queryForObject("select sealed_document_id from stamp_request where id = ?", Long.class,
                id);
        String requestId = jdbc.queryForObject("select request_id from stamp_request where id = ?", String.class, id);
        byte[] sealed = jdbc.queryForObject("select content from document_content where document_id = ?",
                byte[].class, sealedId);
        String firstUuid = stamper.stamp(sealed, requestId).uuid();

        runJobs(); // the retried job asks again with the same request id
        assertThat(jdbc.queryForObject("select uuid from stamp_request where id = ?", String.class, id))
                .isEqualTo(firstUuid);
        assertThat(balance()).isEqualTo(49);
        assertThat(reserved()).isZero();
    }

    @Test
    void aRefusalByThePacGivesTheStampBackAndSaysWhy() throws Exception {
        long id = uploaded(upload(unsealed(), "A"));
        clock.at(TestCsds.IN_FORCE.plus(Duration.ofHours(73))); // the PAC answers only after SAT's 72 hours
        runJobs();
        assertThat(jdbc.queryForObject("select status from stamp_request where id = ?", String.class, id))
                .isEqualTo("REFUSED");
        assertThat(balance()).isEqualTo(50);
        assertThat(reserved()).isZero();
        mvc.perform(get("/stamps/" + id).with(authentication(business)))
                .andExpect(content().string(containsString("Rechazado")))
                .andExpect(content().string(containsString("Pasaron más de 72 horas desde la fecha del CFDI")))
                .andExpect(content().string(containsString("se devolvió a su saldo")));
        mvc.perform(get("/stamps/" + id + "/xml").with(authentication(business))).andExpect(status().isNotFound());
        MimeMessage mail = lastMailTo(email);
        assertThat(TestMail.subject(mail)).isEqualTo("El PAC no timbró su CFDI");
        assertThat(TestMail.text(mail)).contains("A-1", "Pasaron más de 72 horas", "(DATE_WINDOW)");
        assertThat(TestMail.attachments(mail)).isEmpty();
    }

    @Test
    void anotherAccountsStampsAreNotFoundAndAnInactiveAccountCannotStamp() throws Exception {
        long id = uploaded(upload(unsealed(), "A"));
        runJobs();
        Authentication other = SignupFixture.stampingAccount(this, "otra-" + unique() + "@kemper.test", 50);
        mvc.perform(get("/stamps/" + id).with(authentication(other))).andExpect(status().isNotFound());
        mvc.perform(get("/stamps/" + id + "/xml").with(authentication(other))).andExpect(status().isNotFound());
        mvc.perform(get("/stamps/" + id + "/pdf").with(authentication(other))).andExpect(status().isNotFound());
        mvc.perform(get("/stamps").with(authentication(other)))
                .andExpect(content().string(containsString("Aún no ha timbrado ningún CFDI")));

        // an active account whose stamps are all used: told so, the form is not offered, nothing is reserved
        jdbc.update("update signup_account set stamp_balance = 0 where supplier_user_id = (select id from supplier_user"
                + " where email = ?)", email);
        mvc.perform(get("/stamps/new").with(authentication(business)))
                .andExpect(content().string(containsString("Ya no tiene timbres disponibles")))
                .andExpect(content().string(not(containsString("name=\"xml\""))));
        expectRefused(upload(unsealed(), "A"), "Ya no tiene timbres disponibles");
        assertThat(reserved()).isZero();

        // confirmed, nothing paid yet: not active
        Authentication unpaid = SignupFixture.confirmedAccount(this, TestCsds.RFC, "sinpago-" + unique() + "@kemper.test");
        mvc.perform(multipart("/stamps/new").file(new MockMultipartFile("xml", "f.xml", "application/xml",
                        unsealed().getBytes(StandardCharsets.UTF_8))).param("serie", "A")
                        .with(authentication(unpaid)).with(csrf()))
                .andExpect(content().string(containsString("Su cuenta aún no está activa")));
        // a supplier user a client registered (no stamping account): no such pages
        TestClient client = newClient();
        String supplierEmail = "cliente-" + unique() + "@proveedor.test";
        registerSupplier(client, "Servicios del Bajío", newRfc(), supplierEmail, "es");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/activate").with(csrf())
                .param("token", tokenOf(TestMail.link(onlyMailTo(supplierEmail), "/activate")))
                .param("password", SignupFixture.PASSWORD).param("confirmation", SignupFixture.PASSWORD));
        Authentication supplier = signIn(supplierEmail, SignupFixture.PASSWORD);
        mvc.perform(get("/stamps").with(authentication(supplier))).andExpect(status().isNotFound());
        mvc.perform(get("/stamps/" + id).with(authentication(supplier))).andExpect(status().isNotFound());
    }

    @Test
    void sentToAClientThatRegisteredTheBusinessItWaitsInPorEnviarWithItsPdf() throws Exception {
        TestClient client = newClient();
        String clientRfc = jdbc.queryForObject("select rfc from client where code = ?", String.class, client.code());
        // the client registers the business with the same email; the person activates that registration
        registerSupplier(client, "ESCUELA KEMPER URGATE", TestCsds.RFC, email, "es");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/activate").with(csrf())
                .param("token", tokenOf(TestMail.link(lastMailTo(email), "/activate")))
                .param("password", SignupFixture.PASSWORD).param("confirmation", SignupFixture.PASSWORD));
        runJobs();
        long forAnother = uploaded(upload(unsealed(), "A")); // for MCI7306249Y1, which did not register it
        long forTheClient = uploaded(upload(unsealed().replace("Rfc=\"MCI7306249Y1\"", "Rfc=\"" + clientRfc + "\"")
                .replace("Nombre=\"MUNICIPIO DE CUAUTITLAN IZCALLI\"", "Nombre=\"" + client.name().toUpperCase() + "\"")
                .replace("DomicilioFiscalReceptor=\"54700\" RegimenFiscalReceptor=\"603\"",
                        "DomicilioFiscalReceptor=\"01000\" RegimenFiscalReceptor=\"601\""), "A"));
        runJobs();
        mvc.perform(get("/stamps/" + forAnother).with(authentication(business)))
                .andExpect(content().string(not(containsString("Enviar a mi cliente"))));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/stamps/" + forAnother
                + "/client").with(authentication(business)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/stamps/" + forTheClient).with(authentication(business)))
                .andExpect(content().string(containsString("Enviar a mi cliente (" + client.name() + ")")));

        // this client asks for an approved digital record first: its reception says so, and nothing is kept
        MvcResult refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                "/stamps/" + forTheClient + "/client").with(authentication(business)).with(csrf())).andReturn();
        assertThat(String.valueOf(refused.getFlashMap().get("clientRefused")))
                .contains("pide que su expediente digital esté aprobado antes de recibir facturas");
        jdbc.update("update record_template set approved_before_invoicing = false where client_id = (select id from "
                + "client where code = ?)", client.code());

        MvcResult sent = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                "/stamps/" + forTheClient + "/client").with(authentication(business)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(sent.getFlashMap().get("sentToClient")).as("refused: %s", sent.getFlashMap().get("clientRefused"))
                .isEqualTo(Boolean.TRUE);
        String uuid = jdbc.queryForObject("select uuid from stamp_request where id = ?", String.class, forTheClient);
        Map<String, Object> draft = jdbc.queryForMap("select i.status, i.pdf_document_id from invoice i join client c "
                + "on c.id = i.client_id where c.code = ? and i.uuid = ?", client.code(), uuid);
        assertThat(draft.get("status")).isEqualTo("DRAFT");
        assertThat(draft.get("pdf_document_id")).isNotNull();
        long registration = jdbc.queryForObject("select i.client_supplier_id from invoice i where i.uuid = ?", Long.class,
                uuid);
        mvc.perform(get("/invoices/" + registration + "/to-send").with(authentication(business)))
                .andExpect(content().string(containsString(uuid)))
                .andExpect(content().string(containsString("A-2"))); // the second upload took the next folio
        // once more: the client's reception says it has it already
        MvcResult again = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                "/stamps/" + forTheClient + "/client").with(authentication(business)).with(csrf())).andReturn();
        assertThat(String.valueOf(again.getFlashMap().get("clientRefused"))).contains(uuid, "ya se recibió");
    }

    /** SAT's test issuer's invoice without Serie, Folio, Fecha, certificate or seal: what the portal completes. */
    private static String unsealed() {
        return TestCfdis.unsealedInvoice();
    }

    private String now() {
        return LocalDateTime.ofInstant(clock.instant(), MexicoTime.ZONE).format(CFDI_DATE);
    }

    private ResultActions upload(String xml, String serie) throws Exception {
        return upload(xml.getBytes(StandardCharsets.UTF_8), serie);
    }

    private ResultActions upload(byte[] xml, String serie) throws Exception {
        return mvc.perform(multipart("/stamps/new").file(new MockMultipartFile("xml", "factura.xml", "application/xml", xml))
                .param("serie", serie).with(authentication(business)).with(csrf()));
    }

    private static long uploaded(ResultActions result) throws Exception {
        var response = result.andReturn().getResponse();
        String problems = response.getContentAsString().replaceAll("(?s).*<div[^>]*id=\"problems\"(.*?)</div>.*",
                "$1").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        assertThat(response.getRedirectedUrl()).as("accepted, or refused with: %s", problems)
                .matches("/stamps/\\d+\\?sent");
        String location = response.getRedirectedUrl();
        return Long.parseLong(location.replaceAll("\\D+", " ").strip().split(" ")[0]);
    }

    private static void expectRefused(ResultActions result, String message) throws Exception {
        result.andExpect(status().isOk())
                .andExpect(content().string(containsString("No se timbró: corrija lo siguiente")))
                .andExpect(content().string(containsString(message)));
    }

    private int balance() {
        return jdbc.queryForObject("select a.stamp_balance from signup_account a join supplier_user u on u.id = "
                + "a.supplier_user_id where u.email = ?", Integer.class, email);
    }

    private int reserved() {
        return jdbc.queryForObject("select a.stamps_reserved from signup_account a join supplier_user u on u.id = "
                + "a.supplier_user_id where u.email = ?", Integer.class, email);
    }

    private String nextFolio(String serie) {
        return jdbc.queryForObject("select s.next_folio from signup_series s join signup_account a on a.id = "
                + "s.account_id join supplier_user u on u.id = a.supplier_user_id where u.email = ? and s.serie = ?",
                String.class, email, serie);
    }
}
