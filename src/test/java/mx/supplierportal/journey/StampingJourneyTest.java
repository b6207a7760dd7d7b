package mx.supplierportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import mx.supplierportal.cfdi.CfdiReader;
import mx.supplierportal.cfdi.TestCfdis;
import mx.supplierportal.support.Browser;
import mx.supplierportal.support.BrowserJourney;
import mx.supplierportal.support.SignupFixture;
import mx.supplierportal.support.TestClock;
import mx.supplierportal.support.TestCsds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A business with SAT's test CSD stamps in Chromium: a wrong upload is explained on the page, an unsealed CFDI goes in,
 * is "en proceso", then stamped; the stamped XML and its PDF download, Mis timbres lists it — at 1280 and 390 px, in
 * Spanish and English.
 */
class StampingJourneyTest extends BrowserJourney {

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aBusinessStampsAnUnsealedCfdiAndDownloadsIt() throws Exception {
        clock.at(TestCsds.IN_FORCE);
        String email = "viaje-" + unique() + "@kemper.test";
        SignupFixture.stampingAccount(this, email, 50);
        Page page = browser.newPage(baseUrl());
        page.navigate("/login");
        page.getByLabel("Correo electrónico").fill(email);
        page.getByLabel("Contraseña").fill(SignupFixture.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mis timbres")).first().click();
        assertThat(page.getByText("Aún no ha timbrado ningún CFDI.")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Timbrar CFDI")).click();
        assertThat(page.locator("#test-pac")).containsText("Timbrado de PRUEBAS");

        // a CFDI of another régimen: explained, the chosen file kept, nothing spent
        String unsealed = TestCfdis.unsealedInvoice();
        page.getByLabel("XML del CFDI 4.0").setInputFiles(new FilePayload("factura.xml", "application/xml",
                unsealed.replace("RegimenFiscal=\"601\"", "RegimenFiscal=\"612\"").getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Timbrar")).click();
        assertThat(page.locator("#problems")).containsText("El régimen fiscal del emisor es 612, pero el de su cuenta"
                + " es 601");
        assertThat(page.locator("#balance")).hasText("50 timbres disponibles");
        // the chosen file is still chosen (the page was not replaced)
        org.assertj.core.api.Assertions.assertThat(page.getByLabel("XML del CFDI 4.0").evaluate("e => e.files.length"))
                .isEqualTo(1);
        Browser.screenshot(page, "90-stamp-refused-es");
        page.setViewportSize(390, 844);
        Browser.screenshot(page, "90-stamp-refused-es-390");
        page.setViewportSize(1280, 900);

        page.getByLabel("XML del CFDI 4.0").setInputFiles(new FilePayload("factura.xml", "application/xml",
                unsealed.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Timbrar")).click();
        assertThat(page.locator("#stamp-status")).containsText("En proceso");
        Browser.screenshot(page, "91-stamp-pending-es");
        runJobs();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Actualizar")).click();
        assertThat(page.locator("#stamp-status")).containsText("Timbrado");
        String uuid = page.locator("#uuid").innerText().strip();
        Browser.screenshot(page, "92-stamp-stamped-es");
        Download download = page.waitForDownload(() -> page.locator("#download-xml").click());
        var cfdi = new CfdiReader().read(Files.readAllBytes(download.path()));
        org.assertj.core.api.Assertions.assertThat(cfdi.timbre().orElseThrow().uuid()).isEqualTo(uuid);
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("A-1_" + uuid + ".xml");

        // the PDF opens in a new tab, in the browser's viewer; its bytes as that tab gets them
        Page viewer = page.context().waitForPage(() -> page.locator("#download-pdf").click());
        byte[] pdf = page.request().get(viewer.url()).body();
        viewer.close();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            // looked at as the person will: the first page as an image
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0,
                    110), "png", Browser.SCREENSHOTS.resolve("96-stamp-pdf.png").toFile());
            org.assertj.core.api.Assertions.assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains(uuid, "PRUEBAS");
        }

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Mis timbres")).click();
        assertThat(page.locator("#stamps")).containsText(uuid);
        assertThat(page.locator("#balance")).hasText("49 timbres disponibles");
        Browser.screenshot(page, "93-stamps-list-es");
        page.setViewportSize(390, 844);
        Browser.screenshot(page, "93-stamps-list-es-390");
        page.setViewportSize(1280, 900);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My stamps"))).isVisible();
        assertThat(page.locator("#stamps")).containsText("Stamped");
        Browser.screenshot(page, "93-stamps-list-en");
        page.navigate("/stamps/new");
        assertThat(page.locator("#test-pac")).containsText("TEST stamping");
        Browser.screenshot(page, "94-stamp-new-en");
        page.setViewportSize(390, 844);
        Browser.screenshot(page, "94-stamp-new-en-390");
    }

    @Test
    void aStampedCfdiForAClientThatRegisteredTheBusinessGoesToItsPorEnviar() throws Exception {
        clock.at(TestCsds.IN_FORCE);
        String email = "cliente-viaje-" + unique() + "@kemper.test";
        SignupFixture.stampingAccount(this, email, 50);
        // a client registers the business with the same email (and invoices without waiting for its record)
        TestClient client = newClient();
        String clientRfc = jdbc.queryForObject("select rfc from client where code = ?", String.class, client.code());
        registerSupplier(client, "ESCUELA KEMPER URGATE", TestCsds.RFC, email, "es");
        jdbc.update("update record_template set approved_before_invoicing = false where client_id = (select id from "
                + "client where code = ?)", client.code());
        Page page = browser.newPage(baseUrl());
        page.navigate(pathOf(mx.supplierportal.support.TestMail.link(lastMailTo(email), "/activate")));
        // the person already has an account: the client's link only confirms
        assertThat(page.getByText("Usted ya tiene una cuenta en el portal.")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmar")).click();
        page.waitForURL("**/login?activated");
        assertThat(page.getByLabel("Correo electrónico")).hasValue(email); // filled in for the person
        page.getByLabel("Contraseña").fill(SignupFixture.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();
        page.waitForURL("**/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mis timbres")).first().click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Timbrar CFDI")).click();
        String forTheClient = TestCfdis.unsealedInvoice().replace("Rfc=\"MCI7306249Y1\"", "Rfc=\"" + clientRfc + "\"")
                .replace("Nombre=\"MUNICIPIO DE CUAUTITLAN IZCALLI\"", "Nombre=\"" + client.name().toUpperCase() + "\"")
                .replace("DomicilioFiscalReceptor=\"54700\" RegimenFiscalReceptor=\"603\"",
                        "DomicilioFiscalReceptor=\"01000\" RegimenFiscalReceptor=\"601\"");
        page.getByLabel("XML del CFDI 4.0").setInputFiles(new FilePayload("factura.xml", "application/xml",
                forTheClient.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Timbrar")).click();
        assertThat(page.locator("#stamp-status")).containsText("En proceso");
        runJobs();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Actualizar")).click();
        String uuid = page.locator("#uuid").innerText().strip();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar a mi cliente (" + client.name()
                + ")")).click();
        assertThat(page.locator("#sent-to-client")).containsText("está en Mis CFDI › Por enviar para " + client.name());
        Browser.screenshot(page, "97-stamp-sent-to-client");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ir a Mis CFDI")).click();
        assertThat(page.getByText(uuid)).isVisible();
        assertThat(page.locator("main")).containsText("Por enviar");
        Browser.screenshot(page, "98-por-enviar-with-the-stamped-cfdi");
    }
}
