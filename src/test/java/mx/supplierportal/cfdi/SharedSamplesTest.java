package mx.supplierportal.cfdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared samples are real SAT-format files sealed with SAT's test certificate: they prove the cadena original
 * builder right. Any change to sealed data must break the seal; formatting must not.
 */
class SharedSamplesTest {

    private final CfdiValidator validator = TestCfdis.validator();

    @ParameterizedTest
    @ValueSource(strings = {Samples.STAMPED, Samples.UNSTAMPED})
    void bothSamplesAreValidAndTheirSealsVerify(String sample) {
        ValidationReport report = validator.validate(Samples.bytes(sample), ValidationContext.NONE);
        assertThat(report.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(report.valid()).isTrue();
        assertThat(report.findings()).extracting(Finding::code).doesNotContain("SEAL-INVALID",
                "SEAL-UNVERIFIABLE-COMPLEMENT");
    }

    @ParameterizedTest
    @ValueSource(strings = {Samples.STAMPED, Samples.UNSTAMPED})
    void stampIsReportedAsTheSamplesREADMESays(String sample) {
        ValidationReport report = validator.validate(Samples.bytes(sample), ValidationContext.NONE);
        assertThat(report.has("TFD-MISSING")).isEqualTo(sample.equals(Samples.UNSTAMPED));
        ValidationReport required = validator.validate(Samples.bytes(sample), ValidationContext.NONE
                .withRequireStamp(true));
        assertThat(required.valid()).isEqualTo(sample.equals(Samples.STAMPED));
    }

    static List<Arguments> tamperings() {
        return List.of(
                Arguments.of("an amount", Samples.STAMPED, edit("Total=\"3327.01\"", "Total=\"3327.00\"")),
                Arguments.of("a description", Samples.STAMPED, edit("Portable tetris", "Portable Tetris")),
                Arguments.of("a tax rate", Samples.STAMPED,
                        edit("TasaOCuota=\"0.160000\" Importe=\"458.90\"/>\n        </cfdi:Traslados>",
                                "TasaOCuota=\"0.080000\" Importe=\"458.90\"/>\n        </cfdi:Traslados>")),
                Arguments.of("the receptor", Samples.STAMPED, edit("UsoCFDI=\"G03\"", "UsoCFDI=\"G01\"")),
                Arguments.of("a unit price", Samples.UNSTAMPED, edit("ValorUnitario=\"1000\"", "ValorUnitario=\"1001\"")),
                Arguments.of("the exchange rate", Samples.UNSTAMPED, edit("TipoCambio=\"18.9008\"",
                        "TipoCambio=\"18.9009\"")),
                Arguments.of("the issue date", Samples.UNSTAMPED, edit("Fecha=\"2023-06-18T19:20:21\"",
                        "Fecha=\"2023-06-18T19:20:22\"")));
    }

    @ParameterizedTest(name = "changing {0} breaks the seal")
    @MethodSource("tamperings")
    void oneChangedCharacterOfSealedDataBreaksTheSeal(String what, String sample, UnaryOperator<String> tamper) {
        String original = Samples.text(sample);
        String tampered = tamper.apply(original);
        assertThat(tampered).as("the edit applies").isNotEqualTo(original);
        ValidationReport report = validator.validate(Samples.utf8(tampered), ValidationContext.NONE);
        assertThat(report.has("SEAL-INVALID")).isTrue();
        assertThat(report.valid()).isFalse();
    }

    static List<Arguments> reformattings() {
        return List.of(
                Arguments.of("minified", (UnaryOperator<String>) xml -> xml.replaceAll(">\\s+<", "><")),
                Arguments.of("another prefix", (UnaryOperator<String>) xml -> xml.replace("cfdi:", "c4:")
                        .replace("xmlns:cfdi=", "xmlns:c4=")),
                Arguments.of("default namespace", (UnaryOperator<String>) xml -> xml.replace("cfdi:", "")
                        .replace("xmlns:cfdi=", "xmlns=")),
                Arguments.of("every element's attributes reversed",
                        (UnaryOperator<String>) SharedSamplesTest::reverseAttributes),
                Arguments.of("extra spaces inside a value", edit("Nombre=\"ESCUELA KEMPER URGATE\"",
                        "Nombre=\"  ESCUELA   KEMPER URGATE \"")),
                Arguments.of("re-indented", (UnaryOperator<String>) xml -> xml.replace("\n  <", "\n\t\t<")),
                Arguments.of("single quotes", edit("Rfc=\"EKU9003173C9\"", "Rfc='EKU9003173C9'")),
                Arguments.of("a byte-order mark", (UnaryOperator<String>) xml -> "\uFEFF" + xml));
    }

    @ParameterizedTest(name = "{0}: still verifies")
    @MethodSource("reformattings")
    void formattingChangesKeepTheSealValid(String what, UnaryOperator<String> reformat) {
        for (String sample : List.of(Samples.STAMPED, Samples.UNSTAMPED)) {
            String original = Samples.text(sample);
            String reformatted = reformat.apply(original);
            assertThat(reformatted).as("the change applies to " + sample).isNotEqualTo(original);
            ValidationReport report = validator.validate(Samples.utf8(reformatted), ValidationContext.NONE);
            assertThat(report.findings()).as(sample).extracting(Finding::code).doesNotContain("SEAL-INVALID");
            assertThat(report.valid()).as(sample).isTrue();
        }
    }

    /** Writes every start tag's attributes in reverse order. */
    static String reverseAttributes(String xml) {
        java.util.regex.Matcher tag = java.util.regex.Pattern.compile("<([A-Za-z][\\w:.-]*)((?:\\s+[\\w:.-]+\\s*=\\s*"
                + "(?:\"[^\"]*\"|'[^']*'))*)\\s*(/?)>").matcher(xml);
        StringBuilder out = new StringBuilder();
        while (tag.find()) {
            java.util.regex.Matcher attribute = java.util.regex.Pattern.compile(
                    "[\\w:.-]+\\s*=\\s*(?:\"[^\"]*\"|'[^']*')").matcher(tag.group(2));
            List<String> attributes = new java.util.ArrayList<>();
            while (attribute.find()) {
                attributes.add(attribute.group());
            }
            java.util.Collections.reverse(attributes);
            String rewritten = "<" + tag.group(1) + (attributes.isEmpty() ? "" : " " + String.join(" ", attributes))
                    + tag.group(3) + ">";
            tag.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(rewritten));
        }
        tag.appendTail(out);
        return out.toString();
    }

    private static UnaryOperator<String> edit(String from, String to) {
        return xml -> xml.replace(from, to);
    }
}
