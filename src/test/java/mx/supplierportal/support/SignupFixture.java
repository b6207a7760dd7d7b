package mx.supplierportal.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;

/** A business that signed itself up ("Crear cuenta") through the pages, for tests of other features. */
public final class SignupFixture {

    public static final String PASSWORD = "mi empresa timbra sola 7";
    private static final Pattern CODE = Pattern.compile("\\b[0-9A-Z]{40}\\b");

    private SignupFixture() {
    }

    /** Step 1 and 2 done: the account is confirmed; returns it signed in. */
    public static Authentication confirmedAccount(IntegrationTest test, String rfc, String email) throws Exception {
        test.mvc.perform(post("/signup").with(csrf()).param("rfc", rfc).param("email", email)
                .param("password", PASSWORD).param("passwordAgain", PASSWORD))
                .andExpect(redirectedUrl("/signup/confirm"));
        test.runJobs();
        test.mvc.perform(post("/signup/confirm").with(csrf()).param("code", codeIn(IntegrationTest.onlyMailTo(email))))
                .andExpect(redirectedUrl("/login?confirmed"));
        return test.signIn(email, PASSWORD);
    }

    /** A series of a confirmed account, added on its step-3 page; returns nothing (read its id from the table). */
    public static void addSeries(IntegrationTest test, Authentication account, String serie) throws Exception {
        test.mvc.perform(post("/signup/series").with(authentication(account)).with(csrf())
                .param("serie", serie).param("nextFolio", "1").param("cfdiType", "I"))
                .andExpect(redirectedUrl("/signup/company#series"));
    }

    public static String codeIn(MimeMessage mail) {
        Matcher matcher = CODE.matcher(TestMail.text(mail));
        assertThat(matcher.find()).as("a 40-character code in the email").isTrue();
        return matcher.group();
    }
}
