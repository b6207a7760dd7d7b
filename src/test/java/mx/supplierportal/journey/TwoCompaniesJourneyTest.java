package mx.supplierportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import mx.supplierportal.support.Browser;
import mx.supplierportal.support.BrowserJourney;
import mx.supplierportal.support.TestMail;
import org.junit.jupiter.api.Test;

/**
 * An accountant answers for two small suppliers, each registered by a different client with the same email. In
 * Chromium, at 1280 and 390 px, Spanish and English: the dashboard names both companies and, next to each client, the
 * company it works for; the record list offers the two registrations, each with its own client.
 */
class TwoCompaniesJourneyTest extends BrowserJourney {

    private static final String PASSWORD = "dos empresas una persona";

    @Test
    void onePersonSeesEachCompanyWithTheClientThatRegisteredIt() throws Exception {
        String email = "contadora-" + unique() + "@despacho.test";
        TestClient first = newClient();
        TestClient second = newClient();
        String firstRfc = registerSupplier(first, "Papelería La Pluma", newRfc(), email, "es");
        mvc.perform(post("/activate").with(csrf()).param("token", tokenOf(TestMail.link(onlyMailTo(email),
                "/activate"))).param("password", PASSWORD).param("confirmation", PASSWORD));
        runJobs();
        String secondRfc = registerSupplier(second, "Transportes Ágiles del Bajío", newRfc(), email, "es");
        List<jakarta.mail.internet.MimeMessage> mails = TestMail.to(email);
        mvc.perform(post("/activate").with(csrf()).param("token", tokenOf(TestMail.link(mails.get(mails.size() - 1),
                "/activate"))));
        runJobs();

        Page page = browser.newPage(baseUrl());
        page.navigate("/login");
        page.getByLabel("Correo electrónico").fill(email);
        page.getByLabel("Contraseña").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();
        assertThat(page.getByText("Papelería La Pluma · RFC " + firstRfc)).isVisible();
        assertThat(page.getByText("Transportes Ágiles del Bajío · RFC " + secondRfc)).isVisible();
        assertThat(page.getByText(first.name(), new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.getByText(second.name(), new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.getByText("Expediente digital de Transportes Ágiles del Bajío con " + second.name()))
                .isVisible();
        Browser.screenshot(page, "50-two-companies-es");
        page.setViewportSize(390, 844);
        Browser.screenshot(page, "51-two-companies-es-390");

        page.setViewportSize(1280, 900);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.getByText("Account active")).isVisible();
        assertThat(page.getByText("Digital record of Papelería La Pluma with " + first.name())).isVisible();
        Browser.screenshot(page, "52-two-companies-en");
        page.setViewportSize(390, 844);
        Browser.screenshot(page, "53-two-companies-en-390");
        page.setViewportSize(1280, 900);

        page.navigate("/record");
        assertThat(page.getByText(first.name())).isVisible();
        assertThat(page.getByText(second.name())).isVisible();
        assertThat(page.getByText("Transportes Ágiles del Bajío · RFC " + secondRfc)).isVisible();
        Browser.screenshot(page, "54-two-records-en");
    }
}
