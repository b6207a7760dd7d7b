package mx.supplierportal.cfdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus in {@code cfdi/corpus/} (origins in its README): third parties' files are judged as SAT judges them, and
 * one changed character in a complement (nómina amount, Carta Porte distance, payment amount) is always INVALID.
 */
class CorpusTest {

    private final CfdiValidator validator = TestCfdis.validator();

    static String text(String name) {
        try (InputStream in = CorpusTest.class.getResourceAsStream("/cfdi/corpus/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A corpus file as sealed: third parties' files as they are, our templates signed with the test CSD. */
    static byte[] sealed(String name) {
        return name.endsWith(".template.xml") ? TestCfdis.signed(text(name)) : text(name).getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> tamperings() {
        return Stream.of(
                Arguments.of("cfdiutils-cfdi40-real.xml", (UnaryOperator<String>) x -> x.replace("Cantidad=\"1200.00\"",
                        "Cantidad=\"1200.01\""), "SEAL-INVALID"),
                Arguments.of("cfdiutils-cfdi40-real.xml", (UnaryOperator<String>) x -> x.replace(
                        "FechaTimbrado=\"2022-01-12T12:39:34\"", "FechaTimbrado=\"2022-01-12T12:39:35\""),
                        "TFD-SEAL-INVALID"),
                Arguments.of("cfdiutils-cfdi40-pago20-valid.xml", (UnaryOperator<String>) x -> x.replace(
                        "NumOperacion=\"963852\"", "NumOperacion=\"963853\""), "SEAL-INVALID"),
                Arguments.of("own-nomina12.template.xml", (UnaryOperator<String>) x -> x.replace(
                        "NumEmpleado=\"0007\"", "NumEmpleado=\"0008\""), "SEAL-INVALID"),
                Arguments.of("own-nomina12.template.xml", (UnaryOperator<String>) x -> x.replace(
                        "Concepto=\"Seguridad social\"", "Concepto=\"Seguridad  social \""), null),
                Arguments.of("own-cartaporte31.template.xml", (UnaryOperator<String>) x -> x.replace(
                        "DistanciaRecorrida=\"780\"", "DistanciaRecorrida=\"78\""), "SEAL-INVALID"),
                Arguments.of("own-cartaporte31.template.xml", (UnaryOperator<String>) x -> x.replace(
                        "PlacaVM=\"501AA1\"", "PlacaVM=\"501AA2\""), "SEAL-INVALID"));
    }

    static List<String> files() {
        return List.of("cfdiutils-cfdi40-real.xml", "cfdiutils-cfdi40-pago20-valid.xml", "own-nomina12.template.xml",
                "own-cartaporte31.template.xml");
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyFileIsValidWithItsSealVerified(String name) {
        ValidationReport report = validator.validate(sealed(name), ValidationContext.NONE);
        assertThat(report.findings()).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
        assertThat(report.findings()).extracting(Finding::code)
                .doesNotContain("SEAL-UNVERIFIABLE-COMPLEMENT", "TFD-CERT-UNKNOWN");
        assertThat(report.valid()).isTrue();
    }

    /** A tampering changes sealed data (INVALID with {@code code}), or only formatting ({@code null}: still valid). */
    @ParameterizedTest
    @MethodSource("tamperings")
    void oneChangedCharacterIsInvalid(String name, UnaryOperator<String> change, String code) {
        String original = new String(sealed(name), StandardCharsets.UTF_8);
        String changed = change.apply(original);
        assertThat(changed).isNotEqualTo(original);
        ValidationReport report = validator.validate(changed.getBytes(StandardCharsets.UTF_8), ValidationContext.NONE);
        if (code == null) {
            assertThat(report.valid()).isTrue(); // SAT's cadena normalises white space inside values
        } else {
            assertThat(report.has(code)).as(code).isTrue();
            assertThat(report.valid()).isFalse();
        }
    }

    @Test
    void aRealProductionStampIsVerifiedWithSatsBundledCertificate() {
        ValidationReport production = new CfdiValidator().validate(sealed("cfdiutils-cfdi40-real.xml"),
                ValidationContext.NONE);
        assertThat(production.findings()).extracting(Finding::code).noneMatch(c -> c.startsWith("TFD-"));
        assertThat(production.valid()).isTrue();
    }

    @Test
    void theComplementsGoThroughSatsStylesheet() throws CfdiReadException {
        for (String name : List.of("own-nomina12.template.xml", "own-cartaporte31.template.xml")) {
            byte[] xml = sealed(name);
            assertThat(CadenaOriginal.of(new CfdiReader().read(xml)).complete()).isFalse();
            assertThat(SatCadena.CFDI_40.of(xml)).contains(name.contains("nomina") ? "|1.2|O|2025-03-15|"
                    : "|3.1|CCC8B1D4-870A-4332-A52A-A52AA52AA52A|No|");
        }
    }
}
