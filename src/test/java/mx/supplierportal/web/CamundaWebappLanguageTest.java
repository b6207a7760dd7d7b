package mx.supplierportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.supplierportal.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.core.Authentication;

/** The Camunda webapps in the portal's language: Spanish texts of our own for each app, chosen by the portal. */
class CamundaWebappLanguageTest extends IntegrationTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishTextOfTheWebjarHasASpanishOneWithTheSamePlaceholders(String app) throws IOException {
        JsonNode en = read(APP + app + "/locales/en.json").path("labels");
        JsonNode es = read(APP + app + "/locales/es.json").path("labels");
        List<String> missing = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        en.fieldNames().forEachRemaining(key -> {
            if (!es.has(key)) {
                missing.add(key);
            } else if (!placeholders(en.get(key).asText()).equals(placeholders(es.get(key).asText()))) {
                placeholders.add(key);
            }
        });
        assertThat(missing).as("keys of %s's en.json without a Spanish text", app).isEmpty();
        assertThat(placeholders).as("Spanish texts of %s that lose or add a {{placeholder}}", app).isEmpty();
        List<String> extra = new ArrayList<>();
        es.fieldNames().forEachRemaining(key -> {
            if (!en.has(key)) {
                extra.add(key);
            }
        });
        assertThat(extra).as("keys of %s's es.json the webjar no longer has", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theAppSpeaksThePortalsLanguageAndHidesTheUpgradeNotice(String app) throws Exception {
        Authentication staff = signIn(newClient());
        String spanish = mvc.perform(get("/camunda/app/{a}/scripts/config.js", app).with(authentication(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(spanish).contains("availableLocales: ['es'], fallbackLocale: 'es'");
        String english = mvc.perform(get("/camunda/app/{a}/scripts/config.js", app).with(authentication(staff))
                .cookie(new Cookie("portal-lang", "en"))).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("availableLocales: ['en'], fallbackLocale: 'en'");
        // The Spanish file and the stylesheet are served from the portal's own resources, over the webjar's
        assertThat(mvc.perform(get("/camunda/app/{a}/locales/es.json", app).with(authentication(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"labels\"");
        assertThat(mvc.perform(get("/camunda/app/{a}/styles/user-styles.css", app).with(authentication(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains(".ce-eol-banner");
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1).replace(" ", ""));
        }
        found.sort(null);
        return found;
    }

    private JsonNode read(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            byte[] bytes = in.readAllBytes();
            String text = new String(bytes, StandardCharsets.UTF_8);
            return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }
}
