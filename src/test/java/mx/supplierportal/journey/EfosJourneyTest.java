package mx.supplierportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import mx.supplierportal.cfdi.EfosCsv;
import mx.supplierportal.support.Browser;
import mx.supplierportal.support.BrowserJourney;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In Chromium: the operator imports SAT's 69-B list on its page, and the client's admin finds the listed supplier
 * flagged, with the list's cut date, on the supplier list — at 1280 and 390 px, Spanish and English.
 */
class EfosJourneyTest extends BrowserJourney {

    @TempDir
    Path folder;

    @AfterEach
    void forgetTheList() {
        jdbc.update("delete from efos_notice");
        jdbc.update("delete from efos_version");
    }

    private static void signIn(Page page, String user, String password) {
        page.navigate("/login");
        page.getByLabel("Correo electrónico").fill(user);
        page.getByLabel("Contraseña").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();
        page.waitForURL("**/");
    }

    @Test
    void theOperatorImportsTheListAndTheAdminSeesTheSupplierFlagged() throws Exception {
        TestClient client = newClient();
        String rfc = newRfc();
        registerSupplier(client, "Servicios Fantasma del Norte", rfc, "fantasma-" + unique() + "@proveedor.test", "es");
        Path csv = Files.write(folder.resolve("Listado_Completo_69-B.csv"), new EfosCsv("30 de septiembre de 2025")
                .filler(40).add(rfc, "SERVICIOS FANTASMA DEL NORTE SA DE CV", "Definitivo").bytes());

        Page operator = browser.newPage(baseUrl());
        signIn(operator, "ops", "ops-test-password-only");
        operator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lista 69-B")).click();
        assertThat(operator.locator("#current")).containsText("Todavía no se ha importado ninguna lista");
        operator.getByLabel("Archivo CSV del SAT").setInputFiles(csv);
        operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importar la lista")).click();
        assertThat(operator.locator("#imported")).containsText("Lista importada: 41 contribuyentes, corte al 30/09/2025.");
        assertThat(operator.locator("#current")).containsText("41 contribuyentes (definitivos: 1, presuntos: 0)");
        Browser.screenshot(operator, "60-efos-ops-es");
        operator.setViewportSize(390, 844);
        Browser.screenshot(operator, "61-efos-ops-es-390");
        operator.setViewportSize(1280, 900);
        operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(operator.locator("#current")).containsText("41 taxpayers (definitive: 1, presumed: 0)");
        Browser.screenshot(operator, "62-efos-ops-en");

        Page admin = browser.newPage(baseUrl());
        signIn(admin, client.admin(), ADMIN_PASSWORD);
        admin.navigate("/admin/suppliers");
        assertThat(admin.locator("tr[data-rfc='" + rfc + "'] .efos-badge")).hasText("69-B: Definitivo");
        assertThat(admin.locator("tr[data-rfc='" + rfc + "']")).containsText("lista del SAT al 30/09/2025");
        Browser.screenshot(admin, "63-efos-suppliers-es");
        admin.setViewportSize(390, 844);
        Browser.screenshot(admin, "64-efos-suppliers-es-390");

        // the admins' task in the real Tasklist (after the admins' email went out)
        runJobs();
        admin.setViewportSize(1280, 900);
        admin.navigate("/camunda/app/tasklist/default/");
        admin.getByText("Lista 69-B definitiva — Servicios Fantasma del Norte (" + rfc + ")").first().click();
        assertThat(admin.locator("h4.process-definition")).containsText("Cambio en la lista 69-B del SAT");
        assertThat(admin.getByText("Proveedor en la lista definitiva del SAT (art. 69-B CFF)")).isVisible();
        assertThat(admin.getByLabel("Lista del SAT al")).hasValue("30/09/2025");
        Browser.screenshot(admin, "65-efos-tasklist-es");
    }
}
