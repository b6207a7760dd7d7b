package mx.supplierportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Spanish and English say the same things: the same keys, and every key a template names exists in both. */
class MessageBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");
    /** A key a template only uses when it exists ({@code #messages.msgOrNull('key') != null}). */
    private static final Pattern OPTIONAL_KEY = Pattern.compile("msgOrNull\\('([A-Za-z0-9_.-]+)'\\)");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> es = keys("messages_es.properties");
        Set<String> en = keys("messages_en.properties");
        assertThat(new TreeSet<>(es)).as("keys only in Spanish").isEqualTo(new TreeSet<>(es) {
            {
                retainAll(en);
            }
        });
        assertThat(new TreeSet<>(en)).as("keys only in English").isEqualTo(new TreeSet<>(en) {
            {
                retainAll(es);
            }
        });
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> es = keys("messages_es.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template : templates.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(template);
                Set<String> optional = new TreeSet<>();
                Matcher guarded = OPTIONAL_KEY.matcher(text);
                while (guarded.find()) {
                    optional.add(guarded.group(1));
                }
                Matcher key = LITERAL_KEY.matcher(text);
                while (key.find()) {
                    if (!es.contains(key.group(1)) && !optional.contains(key.group(1))) {
                        missing.add(RESOURCES.resolve("templates").relativize(template) + ": " + key.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * A text without arguments is shown as written (no MessageFormat): a doubled apostrophe would show twice
     * ("client''s"). Texts with arguments go through MessageFormat and must double it.
     */
    @Test
    void apostrophesAreWrittenAsTheyWillBeShown() throws IOException {
        for (String bundle : new String[] {"messages_es.properties", "messages_en.properties"}) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(RESOURCES.resolve(bundle), StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            Set<String> wrong = new TreeSet<>();
            for (String key : properties.stringPropertyNames()) {
                String text = properties.getProperty(key);
                if (!text.matches("(?s).*\\{\\d.*") && text.contains("''")) {
                    wrong.add(key);
                }
            }
            assertThat(wrong).as(bundle).isEmpty();
        }
    }

    private static Set<String> keys(String bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(RESOURCES.resolve(bundle), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties.stringPropertyNames();
    }
}
