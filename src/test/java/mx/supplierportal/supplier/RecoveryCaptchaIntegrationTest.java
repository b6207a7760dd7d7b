package mx.supplierportal.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.TestClock;
import mx.supplierportal.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "Recuperar Contraseña" with its CAPTCHA: image, spoken code, new challenge, wrong, expired and reused answers. */
class RecoveryCaptchaIntegrationTest extends IntegrationTest {

    private static final Pattern CHALLENGE = Pattern.compile("name=\"captchaId\" value=\"([A-Za-z0-9_-]{43})\"");

    @Autowired
    TestClock clock;
    @Autowired
    mx.supplierportal.security.RateLimiter rateLimiter;

    private String email;

    @BeforeEach
    void activeSupplier() throws Exception {
        email = "captcha-" + unique() + "@proveedor.test";
        registerSupplier(newClient(), "Captcha SA", newRfc(), email, "es");
        String token = tokenOf(TestMail.link(onlyMailTo(email), "/activate"));
        mvc.perform(post("/activate").with(csrf()).param("token", token).param("password", "una clave larga de 2026")
                .param("confirmation", "una clave larga de 2026"));
        runJobs();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theFormShowsAChallengeThatWorksWithoutJavaScript() throws Exception {
        String page = mvc.perform(get("/password/forgot")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Tu correo electrónico", "Escribe las palabras", "Refrescar", "Escuchar el código",
                "<details", "<audio controls");
        String challenge = challengeIn(page);
        assertThat(page).contains("/captcha/" + challenge + "/image", "/captcha/" + challenge + "/audio");

        byte[] png = mvc.perform(get("/captcha/" + challenge + "/image")).andExpect(status().isOk())
                .andExpect(content().contentType("image/png")).andReturn().getResponse().getContentAsByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(280);
        byte[] wav = mvc.perform(get("/captcha/" + challenge + "/audio")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (AudioInputStream audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            double seconds = audio.getFrameLength() / audio.getFormat().getFrameRate();
            assertThat(seconds).as("eight digits with pauses").isBetween(5.0, 15.0);
        }
        assertThat(testCaptchas.digitsOf(challenge)).matches("[0-9]{8}");
    }

    @Test
    void aWrongAnswerSendsNothingAndARightOneSendsTheLink() throws Exception {
        String challenge = challengeIn(mvc.perform(get("/password/forgot")).andReturn().getResponse()
                .getContentAsString());
        String again = mvc.perform(post("/password/forgot").with(csrf()).param("email", email)
                        .param("captchaId", challenge).param("captchaAnswer", "no es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "No coincide el texto de validación, por favor intenta de nuevo.")))
                .andExpect(content().string(containsString("value=\"" + email + "\"")))
                .andReturn().getResponse().getContentAsString();
        runJobs();
        assertThat(TestMail.to(email)).hasSize(2); // activation and welcome: no reset link

        // the used challenge is gone, even with its right answer
        mvc.perform(get("/captcha/" + challenge + "/image")).andExpect(status().isNotFound());
        mvc.perform(post("/password/forgot").with(csrf()).param("email", email).param("captchaId", challenge)
                        .param("captchaAnswer", testCaptchas.wordsOf(challenge)))
                .andExpect(content().string(containsString("No coincide el texto de validación")));

        // the spoken digits are an answer too
        String fresh = challengeIn(again);
        mvc.perform(post("/password/forgot").with(csrf()).param("email", email).param("captchaId", fresh)
                        .param("captchaAnswer", testCaptchas.digitsOf(fresh)))
                .andExpect(redirectedUrl("/password/forgot"));
        runJobs();
        assertThat(TestMail.subject(lastMailTo(email))).isEqualTo("Cambie su contraseña del portal de proveedores");
    }

    @Test
    void anExpiredChallengeIsRefusedAndRefreshGivesANewOne() throws Exception {
        String challenge = challengeIn(mvc.perform(get("/password/forgot")).andReturn().getResponse()
                .getContentAsString());
        clock.at(Instant.now().plus(Duration.ofMinutes(6)));
        mvc.perform(post("/password/forgot").with(csrf()).param("email", email).param("captchaId", challenge)
                        .param("captchaAnswer", testCaptchas.wordsOf(challenge)))
                .andExpect(content().string(containsString("El texto de validación venció")));
        clock.reset();

        String page = mvc.perform(get("/password/forgot")).andReturn().getResponse().getContentAsString();
        String first = challengeIn(page);
        String refreshed = mvc.perform(post("/password/forgot").with(csrf()).param("email", email)
                        .param("captchaId", first).param("refreshCaptcha", "true"))
                .andExpect(content().string(not("No coincide")))
                .andReturn().getResponse().getContentAsString();
        assertThat(challengeIn(refreshed)).isNotEqualTo(first);
        mvc.perform(get("/captcha/" + first + "/image")).andExpect(status().isNotFound());
        runJobs();
        assertThat(TestMail.to(email)).hasSize(2);
    }

    @Test
    void oneAddressCannotFillTheDatabaseWithChallenges() throws Exception {
        String address = "10.15." + (System.nanoTime() % 250) + ".3";
        while (rateLimiter.tryHourly("captcha-ip", address, 100000)) {
            // use up the address's challenges of this hour (portal.rate-limit.captchas-per-ip-per-hour in tests)
        }
        long before = jdbc.queryForObject("select count(*) from captcha_challenge", Long.class);
        mvc.perform(get("/password/forgot").with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }))
                .andExpect(content().string(containsString("Se pidieron demasiados textos de validación")));
        assertThat(jdbc.queryForObject("select count(*) from captcha_challenge", Long.class)).isEqualTo(before);
    }

    @Test
    void theSpokenCodeIsInThePagesLanguage() throws Exception {
        String spanish = challengeIn(mvc.perform(get("/password/forgot")).andReturn().getResponse()
                .getContentAsString());
        String english = challengeIn(mvc.perform(get("/password/forgot").cookie(new Cookie("portal-lang", "en")))
                .andExpect(content().string(containsString("Type the words")))
                .andReturn().getResponse().getContentAsString());
        assertThat(jdbc.queryForObject("select language from captcha_challenge where id = ?", String.class, spanish))
                .isEqualTo("es");
        assertThat(jdbc.queryForObject("select language from captcha_challenge where id = ?", String.class, english))
                .isEqualTo("en");
    }

    private static org.hamcrest.Matcher<String> not(String text) {
        return org.hamcrest.Matchers.not(containsString(text));
    }

    private static String challengeIn(String page) {
        Matcher matcher = CHALLENGE.matcher(page);
        assertThat(matcher.find()).as("a CAPTCHA challenge on the page").isTrue();
        return matcher.group(1);
    }
}
