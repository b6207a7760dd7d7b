package mx.supplierportal.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.security.authentication.BadCredentialsException;

/** "Recover the access to the portal", end to end on PostgreSQL with a real SMTP server. */
class PasswordRecoveryIntegrationTest extends IntegrationTest {

    private static final String OLD_PASSWORD = "la contraseña de antes 1";
    private static final String NEW_PASSWORD = "la contraseña de ahora 2";

    private String email;

    @BeforeEach
    void activeSupplier() throws Exception {
        TestClient client = newClient();
        email = "olvido-" + unique() + "@proveedor.test";
        registerSupplier(client, "Olvidadizos SA", newRfc(), email, "es");
        String token = tokenOf(TestMail.link(onlyMailTo(email), "/activate"));
        mvc.perform(post("/activate").with(csrf()).param("token", token).param("password", OLD_PASSWORD)
                .param("confirmation", OLD_PASSWORD));
        runJobs();
        assertThat(TestMail.to(email)).hasSize(2);
    }

    @Test
    void resetLinkLetsTheSupplierChooseANewPasswordOnce() throws Exception {
        mvc.perform(post("/password/forgot").with(csrf()).with(captcha()).param("email", email))
                .andExpect(redirectedUrl("/password/forgot"))
                .andExpect(flash().attribute("requested", true));
        runJobs();
        MimeMessage mail = lastMailTo(email);
        assertThat(TestMail.subject(mail)).isEqualTo("Cambie su contraseña del portal de proveedores");
        assertThat(TestMail.text(mail)).contains("vence en una hora");
        String link = TestMail.link(mail, "/password/reset");

        mvc.perform(get(pathOf(link))).andExpect(content().string(containsString("Guardar contraseña")));
        mvc.perform(post("/password/reset").with(csrf()).param("token", tokenOf(link))
                        .param("password", "corta").param("confirmation", "corta"))
                .andExpect(content().string(containsString("al menos 12 caracteres")));
        mvc.perform(post("/password/reset").with(csrf()).param("token", tokenOf(link))
                        .param("password", NEW_PASSWORD).param("confirmation", NEW_PASSWORD))
                .andExpect(redirectedUrl("/login?passwordChanged"));

        assertThatThrownBy(() -> signIn(email, OLD_PASSWORD)).isInstanceOf(BadCredentialsException.class);
        assertThat(signIn(email, NEW_PASSWORD).isAuthenticated()).isTrue();
        mvc.perform(post("/password/reset").with(csrf()).param("token", tokenOf(link))
                        .param("password", "y otra contraseña más 3").param("confirmation", "y otra contraseña más 3"))
                .andExpect(content().string(containsString("Este enlace ya se usó")));

        runJobs();
        assertThat(TestMail.subject(lastMailTo(email))).isEqualTo("Su contraseña del portal de proveedores cambió");
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheEmailExists() throws Exception {
        String known = mvc.perform(post("/password/forgot").with(csrf()).with(captcha()).param("email", email))
                .andReturn().getResponse().getRedirectedUrl();
        String stranger = "nadie-" + unique() + "@x.test";
        String unknown = mvc.perform(post("/password/forgot").with(csrf()).with(captcha()).param("email", stranger))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(unknown).isEqualTo(known);
        mvc.perform(get("/password/forgot").requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, leftByRedirect("requested", true)))
                .andExpect(content().string(containsString("Si el correo pertenece a una cuenta activa")));
        runJobs();
        assertThat(TestMail.to(stranger)).isEmpty();
    }

    @Test
    void aNewerLinkReplacesTheOlderOne() throws Exception {
        mvc.perform(post("/password/forgot").with(csrf()).with(captcha()).param("email", email));
        runJobs();
        String first = TestMail.link(lastMailTo(email), "/password/reset");
        mvc.perform(post("/password/forgot").with(csrf()).with(captcha()).param("email", email));
        runJobs();
        String second = TestMail.link(lastMailTo(email), "/password/reset");

        mvc.perform(get(pathOf(first))).andExpect(content().string(containsString("pidió uno más reciente")));
        mvc.perform(get(pathOf(second))).andExpect(content().string(containsString("Guardar contraseña")));
    }

    @Test
    void recoveryEmailsPerAccountAreLimited() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/password/forgot").with(csrf()).with(captcha()).param("email", email))
                    .andExpect(status().is3xxRedirection()); // the same neutral answer every time
        }
        runJobs();
        List<MimeMessage> resets = TestMail.to(email).stream()
                .filter(m -> TestMail.subject(m).startsWith("Cambie su contraseña")).toList();
        assertThat(resets).hasSize(3); // portal.rate-limit.recovery-per-account-per-hour
    }

    /** What the previous redirect left for the next page (MockMvc cannot carry it through the database session). */
    private static FlashMap leftByRedirect(String name, Object value) {
        FlashMap flash = new FlashMap();
        flash.put(name, value);
        return flash;
    }
}
