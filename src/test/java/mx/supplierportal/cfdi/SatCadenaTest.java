package mx.supplierportal.cfdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SAT's own stylesheets compute the cadena original: byte for byte what the Java path computes where it covers the
 * CFDI, and a verifiable seal for complements the Java path does not cover (a tampered complement is now an error,
 * not a warning).
 */
class SatCadenaTest {

    private final CfdiValidator validator = TestCfdis.validator();

    static List<byte[]> fixtures() {
        return List.of(Samples.bytes(Samples.STAMPED), Samples.bytes(Samples.UNSTAMPED),
                TestCfdis.signed(TestCfdis.invoice()), TestCfdis.signed(TestCfdis.payment()),
                TestCfdis.signed(TestCfdis.invoice().replace("MetodoPago=\"PUE\"", "MetodoPago=\"PPD\"")
                        .replace("FormaPago=\"03\"", "FormaPago=\"99\"")));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void theJavaCadenaIsSatsCadenaByteForByte(byte[] xml) throws Exception {
        Cfdi cfdi = new CfdiReader().read(xml);
        CadenaOriginal.Result java = CadenaOriginal.of(cfdi);
        assertThat(java.complete()).isTrue();
        assertThat(java.text().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(SatCadena.CFDI_40.of(xml).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void satsStylesheetKnowsTheComplementsSuppliersSend() {
        assertThat(SatCadena.CFDI_40.namespaces()).contains(Cfdi.NS, Cfdi.NS_PAGOS20, Cfdi.NS_IMPLOCAL,
                "http://www.sat.gob.mx/nomina12", "http://www.sat.gob.mx/leyendasFiscales",
                "http://www.sat.gob.mx/ComercioExterior20", "http://www.sat.gob.mx/iedu",
                "http://www.sat.gob.mx/donat");
        assertThat(SatCadena.CFDI_40.namespaces()).anyMatch(ns -> ns.startsWith("http://www.sat.gob.mx/CartaPorte"));
    }

    /** A complement the Java path does not cover: the seal is verified through SAT's stylesheet. */
    @Test
    void aCfdiWithLeyendasFiscalesIsVerifiedAndATamperedLeyendaIsRefused() {
        String template = TestCfdis.invoiceWithLeyenda();
        byte[] signed = TestCfdis.signed(template);
        Cfdi cfdi = validator.validate(signed, ValidationContext.NONE).cfdi().orElseThrow();
        assertThat(CadenaOriginal.of(cfdi).complete()).isFalse(); // the Java path does not cover it
        assertThat(SatCadena.CFDI_40.of(signed)).contains("|1.0|RESDERAUTH|Artículo 2.|Obra de arte original|");

        ValidationReport report = validator.validate(signed, ValidationContext.NONE);
        assertThat(report.findings()).extracting(Finding::code).doesNotContain("SEAL-UNVERIFIABLE-COMPLEMENT",
                "SEAL-INVALID");
        assertThat(report.valid()).isTrue();

        byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace("Obra de arte original",
                "Obra de arte copiada").getBytes(StandardCharsets.UTF_8);
        ValidationReport refused = validator.validate(tampered, ValidationContext.NONE);
        assertThat(refused.has("SEAL-INVALID")).isTrue();
        assertThat(refused.valid()).isFalse();
    }

    @Test
    void aComplementSatDoesNotDefineStaysUnverifiableAndIsNamed() {
        String withExtra = Samples.text(Samples.STAMPED).replace("</cfdi:Complemento>",
                "<x:Otro xmlns:x=\"urn:example\" Dato=\"1\"/></cfdi:Complemento>");
        ValidationReport report = validator.validate(withExtra.getBytes(StandardCharsets.UTF_8), ValidationContext.NONE);
        Finding unverifiable = report.findings().stream()
                .filter(f -> f.code().equals("SEAL-UNVERIFIABLE-COMPLEMENT")).findFirst().orElseThrow();
        assertThat(unverifiable.arguments()).containsExactly("Otro (urn:example)");
    }

    @Test
    void anUnknownComplementPerConceptIsNamedToo() {
        String withExtra = Samples.text(Samples.STAMPED).replaceFirst("</cfdi:Concepto>",
                "<cfdi:ComplementoConcepto><y:PorConcepto xmlns:y=\"urn:example:concepto\" Dato=\"1\"/>"
                        + "</cfdi:ComplementoConcepto></cfdi:Concepto>");
        ValidationReport report = validator.validate(withExtra.getBytes(StandardCharsets.UTF_8), ValidationContext.NONE);
        assertThat(report.findings()).filteredOn(f -> f.code().equals("SEAL-UNVERIFIABLE-COMPLEMENT"))
                .singleElement().extracting(Finding::arguments).asList()
                .containsExactly("PorConcepto (urn:example:concepto)");
        assertThat(report.has("SEAL-INVALID")).isFalse();
    }

    /** One compiled stylesheet serves many threads at once: every cadena is the one its own CFDI has. */
    @Test
    void oneValidatorServesManyThreadsAtOnce() throws Exception {
        byte[] leyenda = TestCfdis.signed(TestCfdis.invoiceWithLeyenda());
        byte[] nomina = CorpusTest.sealed("own-nomina12.template.xml");
        byte[] cartaPorte = CorpusTest.sealed("own-cartaporte31.template.xml");
        byte[] tampered = new String(cartaPorte, StandardCharsets.UTF_8).replace("DistanciaRecorrida=\"780\"",
                "DistanciaRecorrida=\"781\"").getBytes(StandardCharsets.UTF_8);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                byte[] xml = switch (i % 4) {
                    case 0 -> leyenda;
                    case 1 -> nomina;
                    case 2 -> cartaPorte;
                    default -> tampered;
                };
                boolean expected = i % 4 != 3;
                results.add(pool.submit(() -> validator.validate(xml, ValidationContext.NONE).valid() == expected));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
