package mx.supplierportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import mx.supplierportal.support.Browser;
import mx.supplierportal.support.BrowserJourney;
import mx.supplierportal.support.TestMail;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;

/**
 * A client admin works in Camunda Tasklist with the portal's sign-in: an activation link expired, the admin opens
 * the task, chooses "send a new link" in the Camunda Form and completes it; the supplier gets a new email. Staff of
 * another client see no such task.
 */
class ExpiredActivationTasklistJourneyTest extends BrowserJourney {

    @Autowired
    RuntimeService runtimeService;

    @Test
    void adminResendsAnExpiredActivationFromTasklist() throws Exception {
        TestClient client = newClient();
        TestClient otherClient = newClient();
        String email = "tasklist-" + unique() + "@proveedor.test";
        String rfc = registerSupplier(client, "Carpintería Los Pinos", newRfc(), email, "es");
        managementService.executeJob(timerOf(rfc).getId()); // 72 hours later

        Page admin = browser.newPage(baseUrl());
        signInAt(admin, client.admin());
        admin.navigate("/camunda/app/tasklist/default/");
        admin.getByText("Invitación vencida — ").first().click();
        assertThat(admin.getByText("La invitación no se activó")).isVisible();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^\\s*Tomar\\s*$")))
                .click();
        admin.getByLabel("Enviar un enlace nuevo", new Page.GetByLabelOptions().setExact(true)).check();
        Browser.screenshot(admin, "10-tasklist-decide-expired");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^\\s*Completar\\s*$")))
                .click();
        assertThat(admin.getByText("Invitación vencida — ")).hasCount(0);

        runJobs();
        assertThat(TestMail.to(email)).hasSize(2);
        assertThat(jdbc.queryForObject("select cs.status from client_supplier cs join supplier s on s.id = "
                + "cs.supplier_id where s.rfc = ?", String.class, rfc)).isEqualTo("INVITED");

        // Staff of another client, who chose English in the portal: no such task in their Tasklist, in English
        Page other = browser.newPage(baseUrl());
        signInAt(other, otherClient.admin());
        other.context().addCookies(java.util.List.of(new com.microsoft.playwright.options.Cookie("portal-lang", "en")
                .setUrl(baseUrl())));
        managementService.executeJob(timerOf(rfc).getId()); // expires again: a task for the right client only
        other.navigate("/camunda/app/tasklist/default/");
        assertThat(other.getByText(Pattern.compile("Tareas de mis grupos|My group tasks")).first()).isVisible();
        assertThat(other.getByText("No task matching filters found.")).isVisible();
        assertThat(other.getByText("Invitación vencida — ")).hasCount(0);
        Browser.screenshot(other, "11-tasklist-other-client");
    }

    private Job timerOf(String rfc) {
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(rfc).singleResult()
                .getId();
        return managementService.createJobQuery().processInstanceId(instance).timers().singleResult();
    }

    private static void signInAt(Page page, String user) {
        page.navigate("/login");
        page.getByLabel("Correo electrónico").fill(user);
        page.getByLabel("Contraseña").fill(ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();
        page.waitForURL("**/");
    }
}
