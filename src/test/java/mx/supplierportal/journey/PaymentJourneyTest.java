package mx.supplierportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import mx.supplierportal.support.ApprovedInvoices;
import mx.supplierportal.support.Browser;
import mx.supplierportal.support.BrowserJourney;
import mx.supplierportal.support.MciFixture;
import mx.supplierportal.support.TestMail;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Treasury schedules two approved invoices in the real Tasklist; the supplier sees the dates in "In process";
 * treasury registers one payment covering both on the portal's staff page; the supplier gets the email, the invoices
 * leave "In process", and "Payments > Archive" shows the payment with both invoices.
 */
class PaymentJourneyTest extends BrowserJourney {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.HistoryService historyService;

    private Page openSignedIn(String user, String password) {
        return openSignedIn(user, password, "America/Mexico_City");
    }

    private Page openSignedIn(String user, String password, String timezoneId) {
        Page page = browser.newPage(baseUrl(), timezoneId);
        page.navigate("/login");
        page.getByLabel("Correo electrónico").fill(user);
        page.getByLabel("Contraseña").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();
        page.waitForURL("**/");
        return page;
    }

    @Test
    void twoInvoicesScheduledThenPaidTogether() throws Exception {
        MciFixture.ensure(this);
        // Treasury starts from an empty task list (other tests leave MCI invoices waiting)
        runtimeService.createProcessInstanceQuery().processDefinitionKey("invoice-reception").tenantIdIn("mci").list()
                .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "journey set-up"));
        long registrationId = MciFixture.registrationId(this);
        var supplierAuth = signIn(MciFixture.SUPPLIER_EMAIL, MciFixture.SUPPLIER_PASSWORD);
        List<String> uuids = List.of(UUID.randomUUID().toString().toUpperCase(), UUID.randomUUID().toString().toUpperCase());
        for (String uuid : uuids) {
            ApprovedInvoices.approve(this, taskService, supplierAuth, registrationId, MciFixture.freshInvoice(uuid), uuid);
        }

        // Treasury schedules both at the date the payment terms propose, without touching it: once from a browser in
        // Mexico City, once from one in UTC. The date stored is the date proposed (it used to move to September).
        for (int i = 0; i < 2; i++) {
            Page treasury = openSignedIn("mcitreasury", ADMIN_PASSWORD, i == 0 ? "America/Mexico_City" : "UTC");
            treasury.navigate("/camunda/app/tasklist/default/");
            treasury.getByText("Programar pago de ").first().click();
            assertThat(treasury.getByLabel("Proveedor")).hasValue("Escuela Kemper Urgate");
            treasury.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^\\s*Tomar\\s*$")))
                    .click();
            Browser.screenshot(treasury, "40-tasklist-schedule-payment");
            // The field shows the proposed date and keeps it (form-js's date picker counted it down in Mexico City)
            assertThat(treasury.getByLabel("Fecha de pago (AAAA-MM-DD)"))
                    .hasValue(Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$"));
            treasury.getByLabel("Fecha de pago (AAAA-MM-DD)").scrollIntoViewIfNeeded();
            Browser.screenshot(treasury, "40b-tasklist-payment-date-" + (i == 0 ? "mexico-city" : "utc"));
            treasury.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^\\s*Completar\\s*$")))
                    .click();
            assertThat(treasury.getByText("Programar pago de ")).hasCount(1 - i);
        }
        for (String uuid : uuids) {
            String proposed = historyService.createHistoricVariableInstanceQuery().variableName("proposedDate")
                    .processInstanceIdIn(historyService.createHistoricProcessInstanceQuery()
                            .processDefinitionKey("payment-scheduling").processInstanceBusinessKey(uuid)
                            .singleResult().getId()).singleResult().getValue().toString();
            org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select scheduled_payment_date from invoice "
                    + "where uuid = ?", LocalDate.class, uuid)).isEqualTo(LocalDate.parse(proposed));
        }
        Page treasury = openSignedIn("mcitreasury", ADMIN_PASSWORD);

        // The supplier sees the dates at once
        Page supplier = openSignedIn(MciFixture.SUPPLIER_EMAIL, MciFixture.SUPPLIER_PASSWORD);
        supplier.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mis CFDI")).click();
        supplier.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("En proceso")).click();
        for (String uuid : uuids) {
            String date = jdbc.queryForObject("select scheduled_payment_date from invoice where uuid = ?",
                    LocalDate.class, uuid).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            Locator row = supplier.locator("tr[data-uuid='" + uuid + "']");
            assertThat(row.locator(".payment-date")).hasText(date);
            assertThat(row.locator(".stage-dot").nth(3)).hasAttribute("title", Pattern.compile("^Pago programado · Aprobada · \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}$"));
        }
        Browser.screenshot(supplier, "41-in-process-payment-dates");

        // Treasury registers one payment covering both
        treasury.navigate("/");
        treasury.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registrar un pago")).click();
        treasury.getByLabel("Proveedor").selectOption(new SelectOption().setLabel("Escuela Kemper Urgate · EKU9003173C9 · mci"));
        treasury.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continuar")).click();
        treasury.getByLabel("Número de pago").fill("SPEI-7781");
        treasury.getByLabel("Fecha de pago").fill(LocalDate.now(ZoneId.of("America/Mexico_City")).toString());
        treasury.getByLabel("Importe", new Page.GetByLabelOptions().setExact(true)).fill("6654.02");
        for (String uuid : uuids) {
            treasury.locator("#payable tr[data-uuid='" + uuid + "'] input").fill("3327.01");
        }
        Browser.screenshot(treasury, "42-register-payment");
        treasury.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrar pago")).click();
        assertThat(treasury.getByText("Pago registrado.")).isVisible();
        runJobs();

        var mail = lastMailTo(MciFixture.SUPPLIER_EMAIL);
        org.assertj.core.api.Assertions.assertThat(TestMail.subject(mail))
                .isEqualTo("Municipio de Cuautitlán Izcalli le hizo un pago");
        org.assertj.core.api.Assertions.assertThat(TestMail.text(mail)).contains("SPEI-7781", uuids.get(0), uuids.get(1));

        supplier.reload();
        for (String uuid : uuids) {
            assertThat(supplier.locator("tr[data-uuid='" + uuid + "']")).hasCount(0);
        }
        supplier.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pagos")).click();
        Locator payment = supplier.locator("tr[data-number='SPEI-7781']");
        assertThat(payment).containsText("6,654.02");
        assertThat(payment.locator("td").nth(5)).hasText("2");
        Browser.screenshot(supplier, "43-payments-archive");
        payment.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("SPEI-7781")).click();
        for (String uuid : uuids) {
            assertThat(supplier.locator("#covered tr[data-uuid='" + uuid + "']")).containsText("3,327.01 MXN");
        }
        Browser.screenshot(supplier, "44-payment-details");

        // Treasury finds the payment again from its start page, and opens it
        treasury.navigate("/");
        treasury.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ver pagos registrados")).click();
        Locator registered = treasury.locator("tr[data-number='SPEI-7781']");
        assertThat(registered).containsText("Escuela Kemper Urgate");
        assertThat(registered).containsText("6,654.02");
        assertThat(registered.locator("td").nth(5)).hasText("2");
        Browser.screenshot(treasury, "45-staff-payments");
        registered.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("SPEI-7781")).click();
        assertThat(treasury.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Pagos registrados")))
                .isVisible();
    }
}
