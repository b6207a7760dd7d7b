package mx.supplierportal.cfdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/cfdi-rules.md and the code say the same thing; every code speaks Spanish and English. */
class RuleDocumentationTest {

    private static Set<String> codesInCode() {
        Set<String> codes = new TreeSet<>(Rules.OTHER_CODES);
        Rules.all().forEach(rule -> codes.add(rule.code()));
        codes.add("FILE-MISSING");
        codes.add("FILE-UNREADABLE");
        return codes;
    }

    private static Set<String> codesInDocs() throws IOException {
        Set<String> codes = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| ([A-Z]+(?:-[A-Z0-9]+)+) \\|").matcher(Files.readString(
                Path.of("docs/cfdi-rules.md")));
        while (row.find()) {
            codes.add(row.group(1));
        }
        return codes;
    }

    @Test
    void everyCodeHasARowAndEveryRowACode() throws IOException {
        assertThat(codesInDocs()).isEqualTo(codesInCode());
    }

    @Test
    void everyCodeHasAMessageInBothLanguages() {
        for (String code : codesInCode()) {
            for (Locale language : new Locale[] {Locale.forLanguageTag("es"), Locale.ENGLISH}) {
                assertThat(Finding.text(code, language, "a", "b", "c", "d")).as(code + " " + language).isNotBlank();
            }
        }
    }

    @Test
    void rulesHaveUniqueCodesAndASource() {
        assertThat(Rules.all()).extracting(Rule::code).doesNotHaveDuplicates();
        assertThat(Rules.all()).allSatisfy(rule -> assertThat(rule.source()).isNotBlank());
    }
}
