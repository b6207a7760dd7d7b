package mx.supplierportal.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MvcResult;

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

    /**
     * An active account of SAT's test RFC (EKU9003173C9, régimen 601, CP 86000) with SAT's test CSD, series "A" (next
     * folio 1, for invoices) and {@code stamps} stamps paid with PayPal (the sandbox); returns it signed in.
     */
    public static Authentication stampingAccount(IntegrationTest test, String email, int stamps) throws Exception {
        Authentication business = confirmedAccount(test, TestCsds.RFC, email);
        test.mvc.perform(post("/signup/company").with(authentication(business)).with(csrf())
                .param("businessName", "ESCUELA KEMPER URGATE").param("taxRegime", "601").param("postalCode", "86000"));
        addSeries(test, business, "A");
        test.mvc.perform(multipart("/signup/csd").file("cer", TestCsds.satCer()).file("key", TestCsds.satKey())
                .param("password", TestCsds.PASSWORD).with(authentication(business)).with(csrf()))
                .andExpect(redirectedUrl("/signup/company#csd"));
        assertThat(test.jdbc.queryForObject("select count(*) from signup_csd c join signup_account a on a.id = "
                + "c.account_id join supplier_user u on u.id = a.supplier_user_id where u.email = ?", Integer.class,
                email)).as("the CSD is saved").isOne();
        test.mvc.perform(post("/signup/company/finish").with(authentication(business)).with(csrf()))
                .andExpect(redirectedUrl("/signup/payment"));
        approveOnPayPal(test, business, stamps, "COMPLETED");
        test.runJobs();
        return business;
    }

    /** Chooses a package with PayPal, approves it on the sandbox's page with the given answer and comes back. */
    public static String approveOnPayPal(IntegrationTest test, Authentication business, int stamps, String outcome)
            throws Exception {
        MvcResult chosen = test.mvc.perform(post("/signup/payment/paypal").with(authentication(business)).with(csrf())
                .param("stamps", String.valueOf(stamps))).andExpect(redirectedUrl("/signup/payment")).andReturn();
        URI approve = URI.create((String) chosen.getFlashMap().get("approveUrl"));
        String order = approve.getQuery().replaceFirst("^token=", "");
        test.mvc.perform(get(approve.getRawPath() + "?" + approve.getRawQuery())).andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("No es PayPal y no se cobra nada.")));
        MvcResult approved = test.mvc.perform(post("/dev/paypal/checkoutnow").with(csrf()).param("token", order)
                .param("outcome", outcome)).andReturn();
        URI back = URI.create(approved.getResponse().getRedirectedUrl());
        assertThat(back.getPath()).isEqualTo("/signup/payment/paypal/return");
        test.mvc.perform(get(back.getRawPath() + "?" + back.getRawQuery()).with(authentication(business)))
                .andExpect(redirectedUrl("/signup/payment"));
        return order;
    }

    public static String codeIn(MimeMessage mail) {
        Matcher matcher = CODE.matcher(TestMail.text(mail));
        assertThat(matcher.find()).as("a 40-character code in the email").isTrue();
        return matcher.group();
    }
}
