package mx.supplierportal.cfdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed and hostile files each get a clear finding, never an exception or a read of local files. */
class HostileInputTest {

    private final CfdiValidator validator = TestCfdis.validator();

    @Test
    void externalEntityIsRefusedAndNoLocalFileIsRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE c [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<cfdi:Comprobante xmlns:cfdi=\"http://www.sat.gob.mx/cfd/4\" Version=\"4.0\" Serie=\"&x;\"/>";
        ValidationReport report = validator.validate(Samples.utf8(xxe), ValidationContext.NONE);
        assertThat(report.unreadable()).isTrue();
        assertThat(report.findings()).extracting(Finding::code).containsExactly("XML-DTD");
        assertThat(report.findings().get(0).message(Locale.ENGLISH)).doesNotContain("TOP-SECRET");
    }

    /** The attack run's 2.8 MB file with 100,000 Conceptos: one finding, not 600,012. */
    @Test
    void tooManyConceptosGiveOneFinding() {
        ValidationReport report = validator.validate(withBrokenConceptos(100_000), ValidationContext.NONE);
        assertThat(report.findings()).extracting(Finding::code).containsExactly("CFDI-TOO-MANY-CONCEPTOS");
        assertThat(report.findings().get(0).message(Locale.forLanguageTag("es")))
                .isEqualTo("El CFDI tiene 100001 conceptos; aquí se aceptan hasta 5000. Pida al emisor que lo "
                        + "divida en varios CFDI.");
    }

    /** Under the limit, thousands of broken Conceptos still give a bounded report: 20 of each code and a count. */
    @Test
    void findingsOfOneCodeAreCappedAndCounted() {
        ValidationReport report = validator.validate(withBrokenConceptos(4_000), ValidationContext.NONE);
        assertThat(report.valid()).isFalse();
        java.util.Map<String, Long> perCode = report.findings().stream().collect(java.util.stream.Collectors
                .groupingBy(Finding::code, java.util.stream.Collectors.counting()));
        assertThat(perCode.entrySet()).allMatch(e -> e.getKey().equals("FINDINGS-MORE")
                || e.getValue() <= CfdiValidator.MAX_FINDINGS_PER_CODE);
        assertThat(report.findings().size()).isLessThan(400);
        Finding more = report.findings().stream().filter(f -> f.code().equals("FINDINGS-MORE")).findFirst()
                .orElseThrow();
        assertThat(more.severity()).isEqualTo(Severity.ERROR);
        assertThat(more.message(Locale.ENGLISH)).startsWith("… and ").contains("more findings of the same kind");
    }

    /** The stamped sample with {@code count} more Conceptos that have nothing but an Importe. */
    private static byte[] withBrokenConceptos(int count) {
        return Samples.utf8(Samples.text(Samples.STAMPED).replaceFirst("<cfdi:Conceptos>", "<cfdi:Conceptos>"
                + "<cfdi:Concepto Importe=\"1\"/>".repeat(count)));
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";")
                    .repeat(10)).append("\">");
        }
        xml.append("]><lolz>&lol9;</lolz>");
        assertFinding(xml.toString().getBytes(StandardCharsets.UTF_8), "XML-DTD");
    }

    @Test
    void truncatedFile() {
        String sample = Samples.text(Samples.STAMPED);
        assertFinding(Samples.utf8(sample.substring(0, sample.length() / 2)), "XML-MALFORMED");
    }

    @Test
    void notXmlAtAll() {
        assertFinding("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1), "XML-NOT-XML");
        assertFinding(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, "XML-NOT-XML");
    }

    @Test
    void emptyFiles() {
        assertFinding(new byte[0], "XML-EMPTY");
        assertFinding("  \n\t ".getBytes(StandardCharsets.US_ASCII), "XML-EMPTY");
        assertFinding(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "XML-EMPTY");
    }

    @Test
    void tooLarge() throws CfdiReadException {
        CfdiValidator small = new CfdiValidator(new CfdiReader(1000), Rules.all());
        ValidationReport report = small.validate(Samples.bytes(Samples.STAMPED), ValidationContext.NONE);
        assertThat(report.findings()).extracting(Finding::code).containsExactly("XML-TOO-LARGE");
        assertThat(new CfdiReader().read(Samples.bytes(Samples.STAMPED))).isNotNull(); // default limit is 5 MB
    }

    @Test
    void tooDeep() {
        String deep = "<a>".repeat(5000) + "</a>".repeat(5000);
        assertFinding(Samples.utf8(deep), "XML-TOO-DEEP");
    }

    @Test
    void cfdi33IsNamedAsSuch() {
        String v33 = "<cfdi:Comprobante xmlns:cfdi=\"http://www.sat.gob.mx/cfd/3\" Version=\"3.3\"/>";
        ValidationReport report = validator.validate(Samples.utf8(v33), ValidationContext.NONE);
        assertThat(report.findings()).extracting(Finding::code).containsExactly("CFDI-VERSION");
        assertThat(report.findings().get(0).message(Locale.forLanguageTag("es")))
                .isEqualTo("Es un CFDI versión 3.3; solo se aceptan CFDI 4.0.");
    }

    @Test
    void someOtherXml() {
        assertFinding(Samples.utf8("<factura><total>10</total></factura>"), "CFDI-NOT-CFDI");
    }

    @Test
    void unknownComplementIsKeptAndNotAnErrorByItself() {
        String withExtra = Samples.text(Samples.STAMPED).replace("</cfdi:Complemento>",
                "<x:Otro xmlns:x=\"urn:example\" Dato=\"1\"/></cfdi:Complemento>");
        ValidationReport report = validator.validate(Samples.utf8(withExtra), ValidationContext.NONE);
        assertThat(report.cfdi().orElseThrow().otherComplements()).extracting(XmlNode::name).containsExactly("Otro");
        assertThat(report.findings()).extracting(Finding::code).contains("SEAL-UNVERIFIABLE-COMPLEMENT")
                .doesNotContain("SEAL-INVALID");
        assertThat(report.valid()).isTrue();
    }

    private void assertFinding(byte[] content, String code) {
        ValidationReport report = validator.validate(content, ValidationContext.NONE);
        assertThat(report.unreadable()).isTrue();
        assertThat(report.findings()).extracting(Finding::code).containsExactly(code);
        assertThat(report.findings().get(0).message(Locale.forLanguageTag("es"))).isNotBlank();
        assertThat(report.findings().get(0).message(Locale.ENGLISH)).isNotBlank();
    }
}
