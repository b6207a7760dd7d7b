package mx.supplierportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.util.regex.Pattern;
import mx.supplierportal.support.Browser;
import mx.supplierportal.support.BrowserJourney;
import mx.supplierportal.support.Pdf;
import mx.supplierportal.support.TestMail;
import org.junit.jupiter.api.Test;

/**
 * A supplier fills every tab of its digital record in Chromium and sends it; the reviewer opens the task in the
 * real Tasklist, rejects one document on the review page and asks for changes in the Camunda Form; the supplier
 * sees why, fixes it and sends again; the reviewer approves; the supplier sees "Approved".
 */
class DigitalRecordJourneyTest extends BrowserJourney {

    private static final String PASSWORD = "mi expediente completo";

    @Test
    void supplierCompletesTheRecordAndTheReviewerApprovesAfterOneCorrection() throws Exception {
        TestClient client = newClient();
        String email = "exp-" + unique() + "@proveedor.test";
        registerSupplier(client, "Servicios del Bajío", newRfc(), email, "es");
        Page supplier = browser.newPage(baseUrl());
        supplier.navigate(pathOf(TestMail.link(onlyMailTo(email), "/activate")));
        supplier.getByLabel("Contraseña nueva").fill(PASSWORD);
        supplier.getByLabel("Repita la contraseña").fill(PASSWORD);
        supplier.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activar mi cuenta")).click();
        // inside the portal at once
        assertThat(supplier.getByText("Faltan 9 datos obligatorios")).isVisible();
        supplier.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Abrir el expediente")).click();
        Browser.screenshot(supplier, "20-record-empty");

        uploadInTab(supplier, "Situación fiscal", "Constancia de situación fiscal", "csf.pdf");
        uploadInTab(supplier, "Situación fiscal", "Opinión de cumplimiento (32-D)", "opinion.pdf");
        uploadInTab(supplier, "Documentos legales", "Acta constitutiva", "acta.pdf");
        edit(supplier, "Nombre del representante legal");
        supplier.locator(".edit-form input[name=value]").fill("Lucía Bajío Ruiz");
        supplier.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Actualizar")).click();
        uploadInTab(supplier, "Documentos legales", "Poder del representante legal", "poder.pdf");
        uploadInTab(supplier, "Documentos legales", "Identificación oficial del representante", "ine.pdf");
        uploadInTab(supplier, "Domicilio", "Comprobante de domicilio", "recibo-viejo.pdf");
        uploadInTab(supplier, "Cuentas bancarias", "Carátula del estado de cuenta", "caratula.pdf");
        supplier.locator("#mx-holder").fill("Servicios del Bajío SA de CV");
        supplier.locator("#mx-clabe").fill("012180001234567899");
        supplier.locator("#mx-account").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Agregar cuenta")).click();
        assertThat(supplier.getByText("BBVA MEXICO")).isVisible();
        assertThat(supplier.locator(".missing-dot")).hasCount(0);
        Browser.screenshot(supplier, "21-record-complete");

        supplier.locator("#send").click();
        supplier.locator("#confirm-send").click();
        assertThat(supplier.locator("#record-status")).hasText("En revisión");

        // The reviewer: Tasklist → review page → reject one document → back in Tasklist, request changes
        Page reviewer = browser.newPage(baseUrl());
        signIn(reviewer, client.admin());
        reviewer.navigate("/camunda/app/tasklist/default/");
        reviewer.getByText("Revisar expediente — ").first().click();
        // the opened task's header names its process (the list's item names it too, in an h6)
        assertThat(reviewer.locator("h4.process-definition")).containsText("Revisión del expediente digital");
        Browser.screenshot(reviewer, "22-tasklist-review");
        // The form links to the review page (the path is filled in from the process variable)
        String reviewPath = reviewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Abrir el expediente en el portal")).getAttribute("href");
        org.assertj.core.api.Assertions.assertThat(reviewPath).matches(".*/staff/records/\\d+$");
        Page reviewPage = reviewer.context().newPage();
        reviewPage.navigate(reviewPath);
        reviewPage.evaluate("window.samePage = true"); // each decision updates its own item, the page stays
        reviewPage.locator("[data-field=opinion32d] button[value=accept]").click(); // without its validity date
        assertThat(reviewPage.locator("#problem")).containsText("Escriba hasta qué fecha es válido este documento.");
        reviewPage.locator("[data-field=proofOfAddress] input[name=reason]").fill("Tiene más de tres meses");
        reviewPage.locator("[data-field=proofOfAddress] button[value=reject]").click();
        reviewPage.locator("[data-field=opinion32d] input[name=validUntil]").fill(
                java.time.LocalDate.now().plusDays(25).toString());
        reviewPage.locator("[data-field=opinion32d] button[value=accept]").click();
        for (String key : new String[] {"csf", "incorporation", "representative", "powerOfAttorney", "representativeId",
                "bankStatement"}) {
            reviewPage.locator("[data-field=" + key + "] button[value=accept]").click();
            // as a person does: see the decision land before the next click (the entries above change height as
            // they are decided, so a click sent while one is being replaced can land between two buttons)
            assertThat(reviewPage.locator("[data-field=" + key + "]")).containsText("Aceptado");
        }
        reviewPage.locator(".review-entry:not([data-field]) button[value=accept]").first().click(); // the account
        assertThat(reviewPage.locator("[data-field=proofOfAddress]")).containsText("Rechazado");
        assertThat(reviewPage.locator("[data-field=opinion32d]")).containsText("Aceptado");
        assertThat(reviewPage.locator(".review-entry:not([data-field])").first()).containsText("Aceptado");
        org.assertj.core.api.Assertions.assertThat(reviewPage.evaluate("window.samePage === true")).isEqualTo(true);
        Browser.screenshot(reviewPage, "23-review-page");
        reviewer.bringToFront();
        claimIfNeeded(reviewer);
        reviewer.getByLabel("Pedir cambios", new Page.GetByLabelOptions().setExact(true)).check();
        reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^\\s*Completar\\s*$")))
                .click();
        assertThat(reviewer.getByText("Revisar expediente — ")).hasCount(0);
        // Tasklist's list can be empty for a moment while it reloads: the engine says whether the task was completed
        reviewTaskCompleted(reviewer, client);

        // The supplier sees why, fixes it and sends again (the email job exists once Tasklist's completion committed)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            runJobs();
            // a job that failed is retried only minutes later: say why, so that a failure here explains itself
            java.util.List<String> failed = managementService.createJobQuery().withException().list().stream()
                    .map(job -> job.getId() + " " + job.getExceptionMessage()).toList();
            org.assertj.core.api.Assertions.assertThat(TestMail.text(lastMailTo(email)))
                    .as("failed jobs: %s; the client's executions: %s; its jobs: %s", failed,
                            jdbc.queryForList("select act_id_ from act_ru_execution where tenant_id_ = ?",
                                    client.code()),
                            jdbc.queryForList("select handler_type_, retries_, lock_owner_, duedate_ from act_ru_job "
                                    + "where tenant_id_ = ?", client.code()))
                    .contains("Comprobante de domicilio: Tiene más de tres meses");
        });
        supplier.navigate("/record");
        tab(supplier, "Domicilio");
        assertThat(supplier.getByText("Tiene más de tres meses")).isVisible();
        Browser.screenshot(supplier, "24-record-changes-requested");
        uploadInTab(supplier, "Domicilio", "Comprobante de domicilio", "recibo-nuevo.pdf");
        supplier.locator("#send").click();
        supplier.locator("#confirm-send").click();

        // The reviewer tries to approve in Tasklist without looking at the new file: refused, naming it
        reviewer.navigate("/camunda/app/tasklist/default/");
        reviewer.getByText("Revisar expediente — ").first().click();
        claimIfNeeded(reviewer);
        reviewer.getByLabel("Aprobar", new Page.GetByLabelOptions().setExact(true)).check();
        reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^\\s*Completar\\s*$")))
                .click();
        assertThat(reviewer.getByText(Pattern.compile("decida primero en la página de revisión del portal: "
                + "Comprobante de domicilio\\."))).isVisible();
        Browser.screenshot(reviewer, "26-tasklist-approval-refused");
        // ... opens the review page, accepts the new proof of address, and approves
        reviewPage.navigate(reviewPath);
        reviewPage.locator("[data-field=proofOfAddress] button[value=accept]").click();
        assertThat(reviewPage.locator("[data-field=proofOfAddress]")).containsText("Aceptado");
        reviewer.bringToFront();
        // (Tasklist's error notice still covers the button, as it does for a person until it fades)
        reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^\\s*Completar\\s*$")))
                .dispatchEvent("click");
        assertThat(reviewer.getByText("Revisar expediente — ")).hasCount(0);
        reviewTaskCompleted(reviewer, client);
        runJobs();

        supplier.navigate("/");
        assertThat(supplier.getByText("Su expediente está aprobado.")).isVisible();
        supplier.navigate("/record");
        assertThat(supplier.locator("#record-status")).hasText("Aprobado");
        Browser.screenshot(supplier, "25-record-approved");
    }

    /**
     * Waits until Tasklist's completion has committed (no review task left for this client); when it does not, the
     * failure quotes what Tasklist showed the reviewer (its notices say why a completion was refused).
     */
    private void reviewTaskCompleted(Page reviewer, TestClient client) {
        // polled on this thread: Playwright's objects belong to the thread that made them
        org.awaitility.Awaitility.await().pollInSameThread().atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() ->
                org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select count(*) from act_ru_task "
                                + "where tenant_id_ = ? and name_ like 'Revisar expediente%'", Integer.class,
                                client.code()))
                        .as("review task still open; Tasklist shows: %s", reviewer.locator(".notifications")
                                .allInnerTexts())
                        .isZero());
    }

    private static void claimIfNeeded(Page page) {
        var claim = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^\\s*Tomar\\s*$")));
        claim.waitFor();
        claim.click();
    }

    private static void tab(Page page, String name) {
        page.locator(".nav-tabs .nav-link").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(name)).click();
    }

    /**
     * Opens a field's edit form and waits until its page has loaded: a click on "Actualizar" while the page is still
     * loading (its scripts not yet run, the browser still scrolling to the field) was seen to be lost in Chromium 156.
     */
    private static void edit(Page page, String field) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Editar " + field)).click();
        page.waitForURL(Pattern.compile(".*[?&]edit=\\d+.*"));
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
    }

    private static void uploadInTab(Page page, String tab, String field, String fileName) {
        tab(page, tab);
        edit(page, field);
        page.locator("input[type=file]").setInputFiles(new FilePayload(fileName, "application/pdf",
                Pdf.withText(fileName)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Actualizar")).click();
        assertThat(page.getByText(fileName)).isVisible();
    }

    private static void signIn(Page page, String user) {
        page.navigate("/login");
        page.getByLabel("Correo electrónico").fill(user);
        page.getByLabel("Contraseña").fill(ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();
        page.waitForURL("**/");
    }
}
