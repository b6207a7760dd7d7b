package mx.supplierportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import mx.supplierportal.support.Browser;
import mx.supplierportal.support.BrowserJourney;
import mx.supplierportal.support.MciFixture;
import mx.supplierportal.support.Pdf;
import org.junit.jupiter.api.Test;

/**
 * The supplier uploads the shared sample invoice with its PDF, sees the purchase order missing (orange), uploads
 * it (blue) and sends; accounts payable review and approve in the real Tasklist; the supplier sees the stage
 * advance, with each dot's tooltip.
 */
class InvoiceJourneyTest extends BrowserJourney {

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    @Test
    void sampleInvoiceFromUploadToApproved() throws Exception {
        MciFixture.ensure(this);
        // Accounts payable start from an empty task list (other tests leave MCI invoices under review)
        runtimeService.createProcessInstanceQuery().processDefinitionKey("invoice-reception").tenantIdIn("mci").list()
                .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "journey set-up"));
        String uuid = UUID.randomUUID().toString().toUpperCase();
        Page supplier = browser.newPage(baseUrl());
        supplier.navigate("/login");
        supplier.getByLabel("Correo electrónico").fill(MciFixture.SUPPLIER_EMAIL);
        supplier.getByLabel("Contraseña").fill(MciFixture.SUPPLIER_PASSWORD);
        supplier.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();
        supplier.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mis CFDI")).click();

        // Too large: a 13 MB XML gets the rule's sentence with sizes in MB, its code after it; a 30 MB one (above
        // the server's multipart limit) the portal's own message on the same page, not a bare 413
        byte[] thirteen = new byte[13 * 1024 * 1024];
        java.util.Arrays.fill(thirteen, (byte) 'x');
        supplier.locator("#xml").setInputFiles(new FilePayload("grande.xml", "text/xml", thirteen));
        supplier.locator("#pdf").setInputFiles(new FilePayload("factura.pdf", "application/pdf", Pdf.withText("x")));
        supplier.locator("#upload button[type=submit]").click();
        assertThat(supplier.locator("#problems")).containsText("El archivo pesa 13.0 MB; el máximo es 5.0 MB.");
        assertThat(supplier.locator("#problems .rule-code")).hasText("XML-TOO-LARGE");
        // the files the person chose are still chosen (only the message changed)
        org.assertj.core.api.Assertions.assertThat(((Number) supplier.evaluate(
                "document.querySelector('#pdf').files.length")).intValue()).isEqualTo(1);
        supplier.locator("#xml").setInputFiles(new FilePayload("enorme.xml", "text/xml", new byte[30 * 1024 * 1024]));
        supplier.locator("#pdf").setInputFiles(new FilePayload("factura.pdf", "application/pdf", Pdf.withText("x")));
        supplier.locator("#upload button[type=submit]").click();
        assertThat(supplier.locator("#problems")).containsText("El archivo es demasiado grande");
        org.assertj.core.api.Assertions.assertThat(supplier.url()).endsWith("/to-send");
        Browser.screenshot(supplier, "29-invoice-too-large");

        supplier.locator("#xml").setInputFiles(new FilePayload("factura.xml", "text/xml",
                MciFixture.freshInvoice(uuid).getBytes(StandardCharsets.UTF_8)));
        supplier.locator("#pdf").setInputFiles(new FilePayload("factura.pdf", "application/pdf",
                Pdf.withText("Factura " + uuid)));
        supplier.locator("#upload button[type=submit]").click();
        assertThat(supplier.getByText("Se cargó la factura.")).isVisible();
        Locator purchaseOrder = supplier.locator("[data-requirement=purchaseOrder]");
        assertThat(purchaseOrder).hasClass(Pattern.compile("requirement-missing"));
        assertThat(purchaseOrder.locator(".requirement-label")).hasCSS("color", "rgb(160, 74, 0)"); // orange text
        // "Borrar" asks first: dismissed, the invoice stays
        supplier.onceDialog(dialog -> {
            org.assertj.core.api.Assertions.assertThat(dialog.message()).startsWith("¿Borrar la factura ");
            dialog.dismiss();
        });
        supplier.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Borrar")).click();
        assertThat(supplier.locator("#send")).isVisible();
        Browser.screenshot(supplier, "30-invoice-uploaded");

        supplier.locator("#send").click();
        assertThat(supplier.locator("#problems")).containsText("Falta cargar: Orden de compra.");
        purchaseOrder.locator("input[type=file]").setInputFiles(new FilePayload("oc-778.pdf", "application/pdf",
                Pdf.withText("OC 778")));
        purchaseOrder.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Actualizar")).click();
        assertThat(supplier.locator("[data-requirement=purchaseOrder]")).hasClass(Pattern.compile("requirement-done"));
        assertThat(supplier.locator("[data-requirement=purchaseOrder] .requirement-label")).hasCSS("color",
                "rgb(10, 88, 202)"); // blue once uploaded
        supplier.locator("#send").click();
        assertThat(supplier.locator("#sent")).containsText("Esto no significa que esté aprobada");
        Browser.screenshot(supplier, "31-invoice-sent");
        runJobs();

        // Accounts payable: review, then approve (3,327.01 pesos are theirs to approve)
        Page payables = browser.newPage(baseUrl());
        payables.navigate("/login");
        payables.getByLabel("Correo electrónico").fill("mcipayables");
        payables.getByLabel("Contraseña").fill(ADMIN_PASSWORD);
        payables.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();
        payables.waitForURL("**/");
        // 3,327.01 pesos: accounts payable's review is the approval (one decision, invoice-approval.dmn)
        for (String task : new String[] {"Revisar factura "}) {
            payables.navigate("/camunda/app/tasklist/default/");
            // Tasklist in Spanish; the task says which invoice, whose and how much
            assertThat(payables.getByText(task).first()).containsText(Pattern.compile(
                    "^\\s*" + task + "\\S+ — Escuela Kemper Urgate, [\\d,]+\\.\\d{2} MXN\\s*$"));
            Browser.screenshot(payables, "32a-tasklist-list-" + task.strip().replace(' ', '-').toLowerCase());
            payables.getByText(task).first().click();
            assertThat(payables.getByLabel("UUID", new Page.GetByLabelOptions().setExact(true))).hasValue(uuid);
            Locator claim = payables.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName(Pattern.compile("^\\s*Tomar\\s*$")));
            claim.click();
            payables.getByLabel("Aprobar", new Page.GetByLabelOptions().setExact(true)).check();
            Browser.screenshot(payables, "32-tasklist-" + task.replace(' ', '-').toLowerCase());
            payables.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^\\s*Completar\\s*$")))
                    .click();
            assertThat(payables.getByText(task)).hasCount(0);
        }
        payables.navigate("/camunda/app/tasklist/default/");
        assertThat(payables.getByText("Ninguna tarea coincide con los filtros.")).isVisible(); // no second decision
        supplier.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Volver a Mis CFDI")).click();
        supplier.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("En proceso")).click();
        Locator dots = supplier.locator("tr[data-uuid='" + uuid + "'] .stage-dot");
        assertThat(dots.nth(1)).hasClass(Pattern.compile("done"));
        assertThat(dots.nth(4)).hasAttribute("title", "Pagada"); // not reached: no status, no date
        runJobs();
        supplier.reload();
        Locator row = supplier.locator("tr[data-uuid='" + uuid + "']");
        assertThat(row).containsText("Aprobada");
        assertThat(row.locator(".stage-dot").nth(2)).hasAttribute("title", Pattern.compile("^Aprobación · Aprobada · \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}$"));
        Browser.screenshot(supplier, "33-invoice-in-process");

        // On a phone (390 × 844) every list fits the screen: one card per invoice, each value labelled
        supplier.setViewportSize(390, 844);
        for (String list : new String[] {"En proceso", "Por enviar"}) {
            supplier.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(list)).click();
            supplier.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            Browser.screenshot(supplier, "34-" + (list.equals("En proceso") ? "in-process" : "to-send") + "-390");
            org.assertj.core.api.Assertions.assertThat(((Number) supplier.evaluate(
                    "document.documentElement.scrollWidth")).intValue()).as(list + " at 390 px").isLessThanOrEqualTo(390);
        }
        supplier.navigate("/invoices/" + MciFixture.registrationId(this) + "/in-process");
        assertThat(supplier.locator("tr[data-uuid='" + uuid + "'] td").first()).hasAttribute("data-label",
                "Serie / Folio");
        supplier.setViewportSize(1280, 900);
    }
}
