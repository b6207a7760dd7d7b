package mx.supplierportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import mx.supplierportal.support.Browser;
import mx.supplierportal.support.BrowserJourney;
import mx.supplierportal.support.TestMail;
import org.junit.jupiter.api.Test;

/**
 * The journey a client admin and a new supplier really take, in Chromium: the admin registers the supplier, the
 * activation email arrives, the supplier opens the link, chooses a password, signs in, sees the dashboard and
 * switches to English. Screenshots land in target/screenshots.
 */
class SupplierOnboardingJourneyTest extends BrowserJourney {

    @Test
    void adminRegistersSupplierWhoActivatesSignsInAndSwitchesLanguage() {
        TestClient client = newClient();
        String email = "journey-" + unique() + "@proveedor.test";
        String rfc = newRfc();

        // The client admin signs in and registers the supplier
        Page admin = browser.newPage(baseUrl());
        admin.navigate("/login");
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Iniciar sesión")))
                .isVisible();
        admin.getByLabel("Correo electrónico").fill(client.admin());
        admin.getByLabel("Contraseña").fill(ADMIN_PASSWORD);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ver proveedores")).click();
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registrar proveedor")).click();

        admin.getByLabel("Razón social").fill("Servicios Integrales del Valle");
        admin.getByLabel("RFC").fill("bad rfc");
        admin.getByLabel("Nombre del contacto").fill("Lucía Valle");
        admin.getByLabel("Correo electrónico del contacto").fill(email);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrar y enviar activación"))
                .click();
        assertThat(admin.getByText("El RFC no tiene un formato válido")).isVisible();
        Browser.screenshot(admin, "01-register-supplier-bad-rfc");

        admin.getByLabel("RFC").fill(rfc.toLowerCase());
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrar y enviar activación"))
                .click();
        assertThat(admin.locator("#registered")).containsText("Se registró a Servicios Integrales del Valle");
        assertThat(admin.locator("tr[data-rfc='" + rfc + "']")).containsText("Invitado");
        Browser.screenshot(admin, "02-supplier-list");

        // The activation email arrives
        runJobs();
        String link = TestMail.link(onlyMailTo(email), "/activate");

        // The supplier opens the link and chooses a password
        Page supplier = browser.newPage(baseUrl());
        supplier.navigate(pathOf(link));
        assertThat(supplier.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Active su cuenta")))
                .isVisible();
        assertThat(supplier.getByText("Servicios Integrales del Valle")).isVisible();
        Browser.screenshot(supplier, "03-activate");
        supplier.getByLabel("Contraseña nueva").fill("valle verde 2026 norte");
        supplier.getByLabel("Repita la contraseña").fill("valle verde 2026 sur");
        supplier.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activar mi cuenta")).click();
        assertThat(supplier.locator("#problems")).containsText("Las dos contraseñas no coinciden");
        // The browser's own bubble for an empty field speaks the page's language, not the browser's
        supplier.waitForLoadState(); // the page's deferred scripts have run (the problems above show before they do)
        supplier.getByLabel("Repita la contraseña").fill("");
        org.assertj.core.api.Assertions.assertThat(supplier.evaluate("() => { const f = document.querySelector("
                + "'input[name=confirmation]'); f.checkValidity(); return f.validationMessage; }"))
                .isEqualTo("Complete este campo.");
        Browser.screenshot(supplier, "04-activate-mismatch");
        supplier.getByLabel("Contraseña nueva").fill("valle verde 2026 norte");
        supplier.getByLabel("Repita la contraseña").fill("valle verde 2026 norte");
        supplier.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activar mi cuenta")).click();

        // ... and is inside the portal at once, as the guide shows (no sign-in page with an empty field)
        assertThat(supplier.locator("#welcome")).containsText("¡Su cuenta está activa y ya está dentro del portal!");
        assertThat(supplier.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Hola, Lucía Valle")))
                .isVisible();
        assertThat(supplier.getByText("Cuenta activa")).isVisible();
        assertThat(supplier.getByText(client.name(), new Page.GetByTextOptions().setExact(true))).isVisible();
        Browser.screenshot(supplier, "05-dashboard-es");

        // English, from the header; the choice is kept in the account
        supplier.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(supplier.getByText("Account active")).isVisible();
        assertThat(supplier.getByText("What to do next")).isVisible();
        Browser.screenshot(supplier, "06-dashboard-en");
        assertThat(jdbc.queryForObject("select language from supplier_user where email = ?", String.class, email))
                .isEqualTo("en");

        // The admin sees the supplier as active
        admin.reload();
        assertThat(admin.locator("tr[data-rfc='" + rfc + "']")).containsText("Activo");

        // A supplier cannot open Tasklist
        supplier.navigate("/camunda/app/tasklist/default/");
        assertThat(supplier.getByText("You do not have access to this page")).isVisible();
        Browser.screenshot(supplier, "07-supplier-no-tasklist");

        // Sign out: the session is over
        supplier.navigate("/");
        supplier.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(supplier.getByText("You signed out.")).isVisible();
        supplier.navigate("/profile");
        assertThat(supplier.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in")))
                .isVisible();
    }
}
