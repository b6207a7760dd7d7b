package mx.supplierportal.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.SignupFixture;
import mx.supplierportal.support.TestClock;
import mx.supplierportal.support.TestMail;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MvcResult;

/** "Crear cuenta", steps 1 to 3, on PostgreSQL with a real SMTP server. */
class SelfRegistrationIntegrationTest extends IntegrationTest {

    private static final String PASSWORD = SignupFixture.PASSWORD;

    @Autowired
    TestClock clock;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    mx.supplierportal.security.RateLimiter rateLimiter;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aBusinessCreatesConfirmsAndSetsUpItsAccount() throws Exception {
        String rfc = newRfc();
        String email = "timbra-" + unique() + "@empresa.test";
        Cookie session = create(rfc, email);

        MimeMessage mail = onlyMailTo(email);
        assertThat(TestMail.subject(mail)).isEqualTo("Tu código de confirmación del portal");
        String text = TestMail.text(mail);
        assertThat(text).contains("Usuario: " + email, "RFC: " + rfc, "vence en 72 horas");
        String code = codeIn(mail);
        String link = TestMail.link(mail, "/signup/confirm");
        assertThat(link).isEqualTo("http://portal.test/signup/confirm?code=" + code);
        assertThat(jdbc.queryForObject("select count(*) from account_token where token_hash like ?", Long.class,
                "%" + code + "%")).as("only a hash of the code is stored").isZero();

        // An unconfirmed account cannot sign in: it is answered like a wrong password
        assertThatThrownBy(() -> signIn(email, PASSWORD)).isInstanceOf(BadCredentialsException.class);

        mvc.perform(get(pathOf(link))).andExpect(content().string(containsString("value=\"" + code + "\"")))
                .andExpect(content().string(containsString("Paso 2 – Confirmar tu cuenta")));
        mvc.perform(post("/signup/confirm").with(csrf()).cookie(session).param("code", code))
                .andExpect(redirectedUrl("/login?confirmed"));
        mvc.perform(get("/login?confirmed")).andExpect(content().string(containsString(
                "Felicitaciones, tu cuenta ha sido confirmada. Es necesario proporcionar nombre de usuario y clave de"
                        + " acceso para acceder al sistema y continuar con la configuración de tus datos.")));

        Authentication business = signIn(email, PASSWORD);
        mvc.perform(get("/").with(authentication(business))).andExpect(redirectedUrl("/signup/company"));
        mvc.perform(get("/signup/company").with(authentication(business)))
                .andExpect(content().string(containsString("Paso 3 – Configura tus datos de la empresa")))
                .andExpect(content().string(containsString("626 – Régimen Simplificado de Confianza")))
                .andExpect(content().string(not(containsString("605 – Sueldos")))) // a persona moral's RFC
                .andExpect(content().string(containsString("SAT ya no los asigna")));

        // Bad company data: every problem named, nothing stored
        mvc.perform(post("/signup/company").with(authentication(business)).with(csrf())
                        .param("businessName", "Timbres | Rápidos").param("taxRegime", "612").param("postalCode", "6600"))
                .andExpect(content().string(containsString("La razón social no puede llevar la barra vertical")))
                .andExpect(content().string(containsString("Ese régimen fiscal no corresponde a su tipo de persona")))
                .andExpect(content().string(containsString("El código postal tiene 5 dígitos")));
        assertThat(jdbc.queryForObject("select business_name from signup_account where rfc = ?", String.class, rfc))
                .isNull();
        mvc.perform(post("/signup/company").with(authentication(business)).with(csrf())
                        .param("businessName", "Timbres Rápidos").param("taxRegime", "601").param("postalCode", "06600"))
                .andExpect(redirectedUrl("/signup/company"));

        // No series yet: step 4 waits
        mvc.perform(post("/signup/company/finish").with(authentication(business)).with(csrf()))
                .andExpect(redirectedUrl("/signup/company"));
        mvc.perform(post("/signup/series").with(authentication(business)).with(csrf())
                        .param("serie", "A|B").param("nextFolio", "uno").param("cfdiType", "X"))
                .andExpect(content().string(containsString("La serie no puede llevar «|»")))
                .andExpect(content().string(containsString("El siguiente folio es un número de 1 a 40 dígitos")))
                .andExpect(content().string(containsString("Elija el tipo de CFDI de la serie")));
        assertThat(jdbc.queryForObject("select count(*) from signup_series s join signup_account a"
                + " on a.id = s.account_id where a.rfc = ?", Long.class, rfc)).isZero();
        mvc.perform(post("/signup/series").with(authentication(business)).with(csrf())
                        .param("serie", "A").param("nextFolio", "1").param("cfdiType", "I"))
                .andExpect(redirectedUrl("/signup/company#series"));
        mvc.perform(post("/signup/series").with(authentication(business)).with(csrf())
                        .param("serie", "A").param("nextFolio", "5").param("cfdiType", "E"))
                .andExpect(content().string(containsString("Ya tiene una serie A.")));

        mvc.perform(post("/signup/company/finish").with(authentication(business)).with(csrf()))
                .andExpect(redirectedUrl("/signup/payment"));
        mvc.perform(get("/").with(authentication(business))).andExpect(redirectedUrl("/signup/payment"));
        mvc.perform(get("/signup/payment").with(authentication(business)))
                .andExpect(content().string(containsString("Paso 4 – Selecciona tu forma de pago")))
                .andExpect(content().string(containsString("Timbres Rápidos")));
        String instance = jdbc.queryForObject("select process_instance_id from signup_account where rfc = ?",
                String.class, rfc);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(instance).list().stream()
                .map(org.camunda.bpm.engine.runtime.EventSubscription::getEventName))
                .as("the process waits for the payment").containsExactlyInAnyOrder(Purchases.PAYPAL_APPROVED,
                        Purchases.DEPOSIT_PROOF);
    }

    @Test
    void wrongCodesAreCountedAndTheFifthKillsTheCode() throws Exception {
        String email = "errores-" + unique() + "@empresa.test";
        Cookie session = create(newRfc(), email);
        String code = codeIn(onlyMailTo(email));
        String wrong = code.substring(1) + (code.charAt(0) == 'A' ? 'B' : 'A');
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/signup/confirm").with(csrf()).cookie(session).param("code", wrong))
                    .andExpect(content().string(containsString(
                            "No fue posible confirmar tu cuenta, tu código de confirmación es incorrecto.")));
        }
        mvc.perform(post("/signup/confirm").with(csrf()).cookie(session).param("code", code))
                .andExpect(content().string(containsString("Este código ya no sirve")));
        assertThatThrownBy(() -> signIn(email, PASSWORD)).isInstanceOf(BadCredentialsException.class);

        mvc.perform(post("/signup/resend").with(csrf()).cookie(session).param("email", email))
                .andExpect(redirectedUrl("/signup/confirm"));
        runJobs();
        List<MimeMessage> mails = TestMail.to(email);
        assertThat(mails).hasSize(2);
        String fresh = codeIn(mails.get(1));
        assertThat(fresh).isNotEqualTo(code);
        // typed as people do: lower case, in groups, with an O for a zero
        String typed = fresh.toLowerCase().replaceAll("(.{10})", "$1 ").replace('0', 'o');
        mvc.perform(post("/signup/confirm").with(csrf()).param("code", typed))
                .andExpect(redirectedUrl("/login?confirmed"));
        mvc.perform(post("/signup/confirm").with(csrf()).param("code", fresh))
                .andExpect(content().string(containsString("Esta cuenta ya está confirmada")));
        assertThat(signIn(email, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void anUnconfirmedAccountIsRemovedWhenItsCodeExpires() throws Exception {
        String rfc = newRfc();
        String email = "olvidada-" + unique() + "@empresa.test";
        create(rfc, email);
        String code = codeIn(onlyMailTo(email));

        clock.at(Instant.now().plus(Duration.ofHours(73)));
        mvc.perform(post("/signup/confirm").with(csrf()).param("code", code))
                .andExpect(content().string(containsString("Este código ya no sirve")));
        String instance = jdbc.queryForObject("select process_instance_id from signup_account where rfc = ?",
                String.class, rfc);
        Job timer = managementService.createJobQuery().processInstanceId(instance).timers().singleResult();
        managementService.executeJob(timer.getId());
        runJobs();

        assertThat(jdbc.queryForObject("select count(*) from supplier_user where email = ?", Long.class, email))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from signup_account where rfc = ?", Long.class, rfc)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from supplier where rfc = ?", Long.class, rfc)).isZero();
    }

    @Test
    void theAnswerIsTheSameWhenTheEmailAlreadyHasAnAccount() throws Exception {
        String email = "repetida-" + unique() + "@empresa.test";
        create(newRfc(), email);
        codeIn(onlyMailTo(email));
        mvc.perform(post("/signup/confirm").with(csrf()).param("code", codeIn(onlyMailTo(email))));

        String otherRfc = newRfc();
        MvcResult again = mvc.perform(post("/signup").with(csrf()).param("rfc", otherRfc).param("email", email)
                        .param("password", "otra clave distinta 9").param("passwordAgain", "otra clave distinta 9"))
                .andExpect(redirectedUrl("/signup/confirm")).andReturn();
        assertThat(again.getFlashMap().get("created")).isEqualTo(true);
        runJobs();
        MimeMessage explained = lastMailTo(email);
        assertThat(TestMail.subject(explained)).isEqualTo("Ya tiene una cuenta en el portal");
        assertThat(TestMail.text(explained)).contains(otherRfc, "http://portal.test/login",
                "http://portal.test/password/forgot");
        assertThat(jdbc.queryForObject("select count(*) from signup_account where rfc = ?", Long.class, otherRfc))
                .isZero();
        assertThat(signIn(email, PASSWORD).isAuthenticated()).as("the first password still works").isTrue();
    }

    @Test
    void creatingAgainBeforeConfirmingSendsANewCode() throws Exception {
        String email = "otravez-" + unique() + "@empresa.test";
        String rfc = newRfc();
        create(rfc, email);
        String first = codeIn(onlyMailTo(email));
        create(rfc, email);
        List<MimeMessage> mails = TestMail.to(email);
        assertThat(mails).hasSize(2);
        assertThat(TestMail.subject(mails.get(1))).isEqualTo("Tu código de confirmación del portal");
        mvc.perform(post("/signup/confirm").with(csrf()).param("code", first))
                .andExpect(content().string(containsString("Este código ya no sirve")));
        assertThat(jdbc.queryForObject("select count(*) from signup_account where rfc = ?", Long.class, rfc))
                .isEqualTo(1);
    }

    @Test
    void badInputIsExplainedAndNothingIsCreated() throws Exception {
        String email = "mal-" + unique() + "@empresa.test";
        mvc.perform(post("/signup").with(csrf()).param("rfc", "ABC123").param("email", "no-es-correo")
                        .param("password", "corta").param("passwordAgain", "otra"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Revise lo marcado: no se creó nada.")))
                .andExpect(content().string(containsString("El RFC no tiene un formato válido")))
                .andExpect(content().string(containsString("Escriba un correo electrónico válido")))
                .andExpect(content().string(containsString("al menos 12 caracteres")))
                .andExpect(content().string(containsString("Las dos contraseñas no coinciden")));
        mvc.perform(post("/signup").with(csrf()).param("rfc", "XAXX010101000").param("email", email)
                        .param("password", PASSWORD).param("passwordAgain", PASSWORD)
                        .cookie(new Cookie("portal-lang", "en")))
                .andExpect(content().string(containsString("the generic RFC (XAXX010101000, XEXX010101000) cannot")));
        runJobs();
        assertThat(TestMail.to(email)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from supplier_user where email = ?", Long.class, email))
                .isZero();
    }

    @Test
    void accountsFromOneAddressAreLimited() throws Exception {
        String address = "10.13." + (System.nanoTime() % 250) + ".7";
        while (rateLimiter.tryHourly("signup-ip", address, 100000)) {
            // use up the address's hourly allowance (portal.self-registration.accounts-per-ip-per-hour in tests)
        }
        String email = "limitada-" + unique() + "@empresa.test";
        mvc.perform(post("/signup").with(csrf()).with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }).param("rfc", newRfc()).param("email", email).param("password", PASSWORD)
                        .param("passwordAgain", PASSWORD))
                .andExpect(content().string(containsString("Se crearon demasiadas cuentas desde su conexión")));
        runJobs();
        assertThat(TestMail.to(email)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from supplier_user where email = ?", Long.class, email))
                .isZero();
    }

    @Test
    void afterAFewAccountsFromOneAddressTheCaptchaIsAsked() throws Exception {
        String address = "10.14." + (System.nanoTime() % 250) + ".9";
        while (rateLimiter.tryHourly(AccountCreation.FREE_ACCOUNTS, address, 100000)) {
            // use up the address's accounts without CAPTCHA (portal.self-registration.accounts-without-captcha-...)
        }
        org.springframework.test.web.servlet.request.RequestPostProcessor from = request -> {
            request.setRemoteAddr(address);
            return request;
        };
        String email = "captcha-" + unique() + "@empresa.test";
        String rfc = newRfc();
        mvc.perform(get("/signup").with(from)).andExpect(content().string(containsString("Escribe las palabras")));
        mvc.perform(post("/signup").with(csrf()).with(from).param("rfc", rfc).param("email", email)
                        .param("password", PASSWORD).param("passwordAgain", PASSWORD))
                .andExpect(content().string(containsString("para crear otra, escriba también el texto de validación")));
        String challenge = captchas.create(java.util.Locale.forLanguageTag("es"), address);
        mvc.perform(post("/signup").with(csrf()).with(from).param("rfc", rfc).param("email", email)
                        .param("password", PASSWORD).param("passwordAgain", PASSWORD).param("captchaId", challenge)
                        .param("captchaAnswer", "otra cosa"))
                .andExpect(content().string(containsString("No coincide el texto de validación")));
        runJobs();
        assertThat(TestMail.to(email)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from supplier_user where email = ?", Long.class, email))
                .isZero();
        mvc.perform(post("/signup").with(csrf()).with(from).param("rfc", rfc).param("email", email)
                        .param("password", PASSWORD).param("passwordAgain", PASSWORD).with(captcha()))
                .andExpect(redirectedUrl("/signup/confirm"));
        runJobs();
        assertThat(TestMail.to(email)).hasSize(1);
    }

    @Test
    void anAccountReachesOnlyItsOwnSeries() throws Exception {
        Authentication first = confirmedAccount();
        Authentication second = confirmedAccount();
        mvc.perform(post("/signup/series").with(authentication(first)).with(csrf())
                .param("serie", "F").param("nextFolio", "100").param("cfdiType", "I"))
                .andExpect(redirectedUrl("/signup/company#series"));
        long firstSeries = jdbc.queryForObject("select max(id) from signup_series", Long.class);

        mvc.perform(post("/signup/series/" + firstSeries).with(authentication(second)).with(csrf())
                .param("nextFolio", "1").param("cfdiType", "I")).andExpect(status().isNotFound());
        mvc.perform(post("/signup/series/" + firstSeries + "/active").with(authentication(second)).with(csrf())
                .param("active", "false")).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select next_folio from signup_series where id = ?", String.class,
                firstSeries)).isEqualTo("100");
        assertThat(jdbc.queryForObject("select active from signup_series where id = ?", Boolean.class, firstSeries))
                .isTrue();

        // The owner changes and deactivates it
        mvc.perform(post("/signup/series/" + firstSeries).with(authentication(first)).with(csrf())
                .param("nextFolio", "200").param("cfdiType", "E")).andExpect(redirectedUrl("/signup/company#series"));
        mvc.perform(post("/signup/series/" + firstSeries + "/active").with(authentication(first)).with(csrf())
                .param("active", "false")).andExpect(redirectedUrl("/signup/company#series"));
        mvc.perform(get("/signup/company").with(authentication(first)))
                .andExpect(content().string(containsString("Desactivada")))
                .andExpect(content().string(containsString("value=\"200\"")));
    }

    @Test
    void aClientsActivationLinkAlsoConfirmsASelfRegisteredEmail() throws Exception {
        String email = "ambos-" + unique() + "@empresa.test";
        String rfc = newRfc();
        create(rfc, email);
        assertThatThrownBy(() -> signIn(email, PASSWORD)).isInstanceOf(BadCredentialsException.class);
        // a client registers the same email: the existing account is admitted and confirms with the link
        registerSupplier(newClient(), "Ambos SA", rfc, email, "es");
        String token = tokenOf(TestMail.link(lastMailTo(email), "/activate"));
        mvc.perform(post("/activate").with(csrf()).param("token", token))
                .andExpect(redirectedUrl("/login?activated"));
        Authentication both = signIn(email, PASSWORD);
        assertThat(both.isAuthenticated()).isTrue();
        // the self-registration is confirmed too: no removal timer any more, and step 3 is open
        String instance = jdbc.queryForObject("select process_instance_id from signup_account where rfc = ?",
                String.class, rfc);
        assertThat(managementService.createJobQuery().processInstanceId(instance).timers().count()).isZero();
        mvc.perform(get("/signup/company").with(authentication(both)))
                .andExpect(content().string(containsString("Paso 3 – Configura tus datos de la empresa")));
    }

    @Test
    void aSupplierInvitedByAClientHasNoSignupPages() throws Exception {
        TestClient client = newClient();
        String email = "invitado-" + unique() + "@proveedor.test";
        registerSupplier(client, "Invitados SA", newRfc(), email, "es");
        String token = tokenOf(TestMail.link(onlyMailTo(email), "/activate"));
        mvc.perform(post("/activate").with(csrf()).param("token", token).param("password", PASSWORD)
                .param("confirmation", PASSWORD));
        Authentication invited = signIn(email, PASSWORD);
        mvc.perform(get("/signup/company").with(authentication(invited))).andExpect(status().isNotFound());
        mvc.perform(get("/signup/payment").with(authentication(invited))).andExpect(status().isNotFound());
        mvc.perform(get("/").with(authentication(invited))).andExpect(status().isOk());
        // and staff have none either
        mvc.perform(get("/signup/company").with(authentication(signIn(client)))).andExpect(status().isForbidden());
    }

    private Authentication confirmedAccount() throws Exception {
        return SignupFixture.confirmedAccount(this, newRfc(), "cuenta-" + unique() + "@empresa.test");
    }

    /** Step 1 through the page, then the process's jobs (the email is sent); returns the browser's session. */
    private Cookie create(String rfc, String email) throws Exception {
        MvcResult result = mvc.perform(post("/signup").with(csrf()).param("rfc", rfc).param("email", email)
                        .param("password", PASSWORD).param("passwordAgain", PASSWORD))
                .andExpect(redirectedUrl("/signup/confirm")).andReturn();
        runJobs();
        return result.getResponse().getCookie("JSESSIONID");
    }

    private static String codeIn(MimeMessage mail) {
        return SignupFixture.codeIn(mail);
    }
}
