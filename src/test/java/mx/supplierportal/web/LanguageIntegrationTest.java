package mx.supplierportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.servlet.http.Cookie;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;

/** Spanish by default; the header switch and the profile change the language; a supplier's emails follow it. */
class LanguageIntegrationTest extends IntegrationTest {

    @Test
    void spanishByDefaultEvenForAnEnglishBrowser() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "en-US,en;q=0.9"))
                .andExpect(content().string(containsString("Iniciar sesión")));
    }

    @Test
    void headerSwitchChangesThePageAndComesBack() throws Exception {
        mvc.perform(post("/locale").with(csrf()).param("lang", "en").param("back", "/password/forgot"))
                .andExpect(redirectedUrl("/password/forgot"))
                .andExpect(cookie().value("portal-lang", "en"));
        mvc.perform(get("/password/forgot").cookie(new Cookie("portal-lang", "en")))
                .andExpect(content().string(containsString("Recover your access")));
        // never back to another site
        mvc.perform(post("/locale").with(csrf()).param("lang", "en").param("back", "//evil.example/x"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/locale").with(csrf()).param("lang", "fr").param("back", "/login"))
                .andExpect(cookie().doesNotExist("portal-lang"));
    }

    @Test
    void supplierLanguageIsSavedAndEmailsFollowIt() throws Exception {
        TestClient client = newClient();
        String email = "idioma-" + unique() + "@proveedor.test";
        registerSupplier(client, "Idiomas SA", newRfc(), email, "es");
        String token = tokenOf(TestMail.link(onlyMailTo(email), "/activate"));
        String password = "hablo dos idiomas bien";
        mvc.perform(post("/activate").with(csrf()).param("token", token).param("password", password)
                .param("confirmation", password));
        runJobs();
        Authentication supplier = signIn(email, password);

        mvc.perform(post("/locale").with(csrf()).with(authentication(supplier)).param("lang", "en")
                .param("back", "/"));
        assertThat(jdbc.queryForObject("select language from supplier_user where email = ?", String.class, email))
                .isEqualTo("en");
        mvc.perform(get("/profile").with(authentication(supplier)).cookie(new Cookie("portal-lang", "en")))
                .andExpect(content().string(containsString("My profile")));

        mvc.perform(post("/password/forgot").with(csrf()).with(captcha()).param("email", email));
        runJobs();
        assertThat(TestMail.subject(lastMailTo(email))).isEqualTo("Change your supplier portal password");

        mvc.perform(post("/profile").with(csrf()).with(authentication(supplier)).param("language", "es"))
                .andExpect(redirectedUrl("/profile"));
        assertThat(jdbc.queryForObject("select language from supplier_user where email = ?", String.class, email))
                .isEqualTo("es");
    }
}
