package mx.supplierportal.cfdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule on CFDIs signed with the SAT test CSD: the seal stays valid, so only the rule under test speaks. */
class RulesTest {

    private final CfdiValidator validator = TestCfdis.validator();

    @Test
    void aCorrectGeneratedInvoiceIsValid() {
        ValidationReport report = validate(TestCfdis.invoice());
        assertThat(report.findings()).extracting(Finding::code)
                .containsExactlyInAnyOrder("TFD-MISSING", "RFC-CHECK-DIGIT"); // warnings only
        assertThat(report.valid()).isTrue();
    }

    @Test
    void subTotalMustBeTheSumOfItems() {
        assertOnly(edit(TestCfdis.invoice(), "SubTotal=\"1500.00\"", "SubTotal=\"1600.00\""), "ARI-SUBTOTAL",
                "ARI-TOTAL");
    }

    @Test
    void totalMustAddUp() {
        ValidationReport report = assertOnly(edit(TestCfdis.invoice(), "Total=\"1640.00\"", "Total=\"1740.00\""),
                "ARI-TOTAL");
        assertThat(first(report, "ARI-TOTAL").message(Locale.forLanguageTag("es")))
                .isEqualTo("El Total 1740.00 no es SubTotal − Descuento + impuestos trasladados − retenidos (1640.00).");
    }

    /** Impuestos locales 1.0: state and municipal taxes count in the Total (+ traslados − retenciones). */
    @Test
    void localTaxesArePartOfTheTotal() {
        String local = edit(TestCfdis.invoice(), "Total=\"1640.00\"", "Total=\"1655.00\"")
                .replace("xmlns:cfdi=\"http://www.sat.gob.mx/cfd/4\"",
                        "xmlns:cfdi=\"http://www.sat.gob.mx/cfd/4\" xmlns:implocal=\"http://www.sat.gob.mx/implocal\"")
                .replace("</cfdi:Comprobante>", "<cfdi:Complemento><implocal:ImpuestosLocales version=\"1.0\" "
                        + "TotaldeRetenciones=\"0.00\" TotaldeTraslados=\"15.00\"><implocal:TrasladosLocales "
                        + "ImpLocTrasladado=\"ISH\" TasadeTraslado=\"1.00\" Importe=\"15.00\"/>"
                        + "</implocal:ImpuestosLocales></cfdi:Complemento></cfdi:Comprobante>");
        assertThat(validate(local).has("ARI-TOTAL")).isFalse();
        assertThat(validate(edit(local, "Total=\"1655.00\"", "Total=\"1640.00\"")).has("ARI-TOTAL")).isTrue();
    }

    /** A payment receipt to the public (XAXX010101000) uses UsoCFDI CP01, as every payment receipt does. */
    @Test
    void aPaymentReceiptToThePublicUsesCp01() {
        String toPublic = TestCfdis.payment().replace("Rfc=\"MCI7306249Y1\" Nombre=\"MUNICIPIO DE CUAUTITLAN IZCALLI\"",
                "Rfc=\"XAXX010101000\" Nombre=\"PUBLICO EN GENERAL\"").replace("RegimenFiscalReceptor=\"603\"",
                "RegimenFiscalReceptor=\"616\"");
        assertThat(toPublic).contains("XAXX010101000", "UsoCFDI=\"CP01\"");
        assertThat(validate(toPublic).has("RFC-GENERIC")).isFalse();
        assertThat(validate(edit(toPublic, "UsoCFDI=\"CP01\"", "UsoCFDI=\"S01\"")).has("RFC-GENERIC")).isTrue();
        String invoiceToPublic = TestCfdis.invoice().replace("Rfc=\"MCI7306249Y1\"", "Rfc=\"XAXX010101000\"")
                .replace("RegimenFiscalReceptor=\"603\" UsoCFDI=\"G03\"", "RegimenFiscalReceptor=\"616\" UsoCFDI=\"CP01\"");
        assertThat(validate(invoiceToPublic).has("RFC-GENERIC")).isTrue(); // an invoice (I) still uses S01
    }

    @Test
    void discountCannotExceedSubTotalNorItsItem() {
        String xml = edit(TestCfdis.invoice(), "SubTotal=\"1500.00\" ", "SubTotal=\"1500.00\" Descuento=\"1600.00\" ");
        assertThat(validate(xml).has("ARI-DESCUENTO")).isTrue();
        String item = edit(TestCfdis.invoice(), "Importe=\"500.00\" ObjetoImp", "Importe=\"500.00\" Descuento=\"600.00\" ObjetoImp");
        assertThat(validate(item).has("ARI-CONCEPT-DESCUENTO")).isTrue();
    }

    @Test
    void itemAmountMustBeQuantityTimesPrice() {
        // SAT's tolerance is half a unit of the last written decimal of Cantidad and ValorUnitario
        String wrongPrice = edit(TestCfdis.invoice(), "ValorUnitario=\"500.00\" Importe=\"1000.00\"",
                "ValorUnitario=\"400.00\" Importe=\"1000.00\"");
        assertOnly(edit(wrongPrice, "Cantidad=\"2\"", "Cantidad=\"2.00\""), "ARI-CONCEPT-IMPORTE");
        assertOnly(edit(TestCfdis.invoice(), "ValorUnitario=\"500.00\" Importe=\"1000.00\"",
                "ValorUnitario=\"300.00\" Importe=\"1000.00\""), "ARI-CONCEPT-IMPORTE");
    }

    @Test
    void itemTaxMustBeBaseTimesRate() {
        ValidationReport report = validate(edit(TestCfdis.invoice(), "TasaOCuota=\"0.160000\" Importe=\"160.00\"/>",
                "TasaOCuota=\"0.160000\" Importe=\"150.00\"/>"));
        assertThat(report.has("ARI-TAX-IMPORTE")).isTrue();
        assertThat(report.has("ARI-HEADER-TAXES")).isTrue(); // the header no longer matches the items either
    }

    @Test
    void headerTaxesAreTheItemsGroupedByTaxAndRate() {
        String xml = edit(TestCfdis.invoice(), "TotalImpuestosTrasladados=\"240.00\"", "TotalImpuestosTrasladados=\"250.00\"");
        ValidationReport report = validate(xml);
        assertThat(report.has("ARI-HEADER-TAXES")).isTrue();
        String withheld = edit(TestCfdis.invoice(), "<cfdi:Retencion Impuesto=\"001\" Importe=\"100.00\"/>",
                "<cfdi:Retencion Impuesto=\"001\" Importe=\"90.00\"/>");
        assertThat(validate(withheld).has("ARI-HEADER-TAXES")).isTrue();
    }

    @Test
    void ppdMeansFormaPago99() {
        String ppd = edit(TestCfdis.invoice(), "MetodoPago=\"PUE\"", "MetodoPago=\"PPD\"");
        assertOnly(ppd, "ARI-PPD-FORMAPAGO");
        assertThat(validate(edit(ppd, "FormaPago=\"03\"", "FormaPago=\"99\"")).valid()).isTrue();
        // without FormaPago at all: the message names its absence, never "null"
        ValidationReport absent = validate(edit(ppd, "FormaPago=\"03\" ", ""));
        assertThat(first(absent, "ARI-PPD-FORMAPAGO").message(Locale.forLanguageTag("es"))).doesNotContain("null")
                .contains("—");
    }

    @Test
    void exchangeRateFollowsTheCurrency() {
        assertOnly(edit(TestCfdis.invoice(), "Moneda=\"MXN\"", "Moneda=\"USD\""), "ARI-TIPOCAMBIO");
        assertThat(validate(edit(TestCfdis.invoice(), "Moneda=\"MXN\"", "Moneda=\"USD\" TipoCambio=\"17.25\"")).valid())
                .isTrue();
        assertThat(validate(edit(TestCfdis.invoice(), "Moneda=\"MXN\"", "Moneda=\"MXN\" TipoCambio=\"1\"")).valid())
                .isTrue();
        assertOnly(edit(TestCfdis.invoice(), "Moneda=\"MXN\"", "Moneda=\"MXN\" TipoCambio=\"17.25\""), "ARI-TIPOCAMBIO");
    }

    @Test
    void amountsWithinTheCurrencysDecimals() {
        String xml = edit(edit(TestCfdis.invoice(), "SubTotal=\"1500.00\"", "SubTotal=\"1500.000\""),
                "Total=\"1640.00\"", "Total=\"1640.001\"");
        ValidationReport report = validate(xml);
        assertThat(report.has("ARI-DECIMALS")).isTrue();
    }

    @Test
    void paymentReceiptWithPagos20IsValid() {
        ValidationReport report = validate(TestCfdis.payment());
        assertThat(report.findings()).extracting(Finding::code)
                .containsExactlyInAnyOrder("TFD-MISSING", "RFC-CHECK-DIGIT");
        assertThat(report.cfdi().orElseThrow().pagos().orElseThrow().pagos()).hasSize(1);
    }

    @Test
    void paymentBalanceMustAddUp() {
        assertOnly(edit(TestCfdis.payment(), "ImpSaldoInsoluto=\"1160.00\"", "ImpSaldoInsoluto=\"1000.00\""),
                "PAG-SALDO");
    }

    @Test
    void documentsPaidCannotExceedThePayment() {
        String xml = edit(edit(edit(TestCfdis.payment(), "ImpPagado=\"1160.00\"", "ImpPagado=\"1500.00\""),
                "ImpSaldoInsoluto=\"1160.00\"", "ImpSaldoInsoluto=\"820.00\""), "NumParcialidad", "NumParcialidad");
        assertOnly(xml, "PAG-MONTO");
    }

    @Test
    void paymentTotalsMustAddUp() {
        assertOnly(edit(TestCfdis.payment(), "MontoTotalPagos=\"1160.00\"", "MontoTotalPagos=\"1200.00\""),
                "PAG-TOTALES");
        ValidationReport iva = assertOnly(edit(TestCfdis.payment(), "TotalTrasladosImpuestoIVA16=\"160.00\"",
                "TotalTrasladosImpuestoIVA16=\"16.00\""), "PAG-TOTALES");
        assertThat(first(iva, "PAG-TOTALES").arguments()).containsExactly("TotalTrasladosImpuestoIVA16", "16.00",
                "160.00");
        ValidationReport absent = assertOnly(edit(TestCfdis.payment(), " TotalTrasladosBaseIVA16=\"1000.00\"", ""),
                "PAG-TOTALES");
        assertThat(first(absent, "PAG-TOTALES").arguments()).containsExactly("TotalTrasladosBaseIVA16", "—",
                "1000.00");
    }

    @Test
    void paymentTaxesFollowTheirDocuments() {
        assertOnly(edit(TestCfdis.payment(), "TasaOCuotaDR=\"0.160000\" ImporteDR=\"160.00\"",
                "TasaOCuotaDR=\"0.160000\" ImporteDR=\"161.00\""), "PAG-IMPUESTO-DR", "PAG-IMPUESTOS-P");
        ValidationReport baseP = validate(edit(TestCfdis.payment(), "BaseP=\"1000.00\"", "BaseP=\"1100.00\""));
        assertThat(baseP.findings()).filteredOn(f -> f.code().equals("PAG-IMPUESTOS-P")).singleElement()
                .satisfies(f -> assertThat(f.message(java.util.Locale.forLanguageTag("es"))).isEqualTo("Pago 1: "
                        + "TrasladoP 002 Tasa 0.160000 BaseP 1100.00 no corresponde a los impuestos de sus documentos "
                        + "relacionados, que suman 1000.00."));
        String withoutTaxesP = TestCfdis.payment().replaceAll("(?s)<pago20:ImpuestosP>.*?</pago20:ImpuestosP>", "");
        assertThat(withoutTaxesP).doesNotContain("ImpuestosP");
        ValidationReport missing = validate(withoutTaxesP);
        assertThat(missing.findings()).filteredOn(f -> f.code().equals("PAG-IMPUESTOS-P")).singleElement()
                .extracting(Finding::arguments).asList().containsExactly(1, "TrasladoP 002 Tasa 0.16 ImporteP —",
                        "160.00");
    }

    @Test
    void pagosOnlyInPaymentReceipts() {
        assertThat(validate(edit(TestCfdis.payment(), "TipoDeComprobante=\"P\"", "TipoDeComprobante=\"I\""))
                .has("ARI-PAYMENT-TYPE")).isTrue();
    }

    @Test
    void structureIsChecked() {
        assertThat(validate(edit(TestCfdis.invoice(), " LugarExpedicion=\"86000\"", "")).has("STR-REQUIRED")).isTrue();
        assertThat(validate(edit(TestCfdis.invoice(), "Fecha=\"2025-03-10T10:00:00\"", "Fecha=\"10/03/2025\""))
                .has("STR-PATTERN")).isTrue();
        assertThat(validate(edit(TestCfdis.invoice(), "UsoCFDI=\"G03\"", "UsoCFDI=\"Z99\"")).has("STR-CATALOG"))
                .isTrue();
        assertThat(validate(edit(TestCfdis.invoice(), "Version=\"4.0\"", "Version=\"4.1\"")).has("STR-VERSION"))
                .isTrue();
        ValidationReport noEmisor = validate(edit(TestCfdis.invoice(),
                "<cfdi:Emisor Rfc=\"EKU9003173C9\" Nombre=\"ESCUELA KEMPER URGATE\" RegimenFiscal=\"601\"/>", ""));
        assertThat(noEmisor.has("STR-ELEMENT")).isTrue();
    }

    @Test
    void genericReceptorNeedsPublicoEnGeneralValues() {
        String xml = edit(TestCfdis.invoice(), "Rfc=\"MCI7306249Y1\"", "Rfc=\"XAXX010101000\"");
        ValidationReport report = validate(xml);
        assertThat(report.findings()).filteredOn(f -> f.code().equals("RFC-GENERIC")).hasSize(2);
    }

    @Test
    void certificateMustMatchTheIssuerTheNumberAndTheDate() {
        assertThat(validate(edit(TestCfdis.invoice(), "Rfc=\"EKU9003173C9\"", "Rfc=\"SAT970701NN3\""))
                .has("SEAL-CERT-RFC")).isTrue();
        byte[] wrongNumber = new String(TestCfdis.signed(TestCfdis.invoice()), java.nio.charset.StandardCharsets.UTF_8)
                .replace(TestCfdis.CERTIFICATE_NUMBER, "30001000000500003417").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ValidationReport numbered = validator.validate(wrongNumber, ValidationContext.NONE);
        assertThat(numbered.has("SEAL-CERT-NUMBER")).isTrue();
        assertThat(numbered.has("SEAL-INVALID")).isTrue(); // NoCertificado is sealed data
        assertThat(validate(edit(TestCfdis.invoice(), "Fecha=\"2025-03-10T10:00:00\"", "Fecha=\"2022-03-10T10:00:00\""))
                .has("SEAL-CERT-VALIDITY")).isTrue();
    }

    @Test
    void stampMustBelongToThisInvoice() {
        String stamped = Samples.text(Samples.STAMPED);
        String otherStamp = stamped.replaceFirst("SelloCFD=\"Ccuj", "SelloCFD=\"Xcuj");
        ValidationReport report = validator.validate(Samples.utf8(otherStamp), ValidationContext.NONE);
        assertThat(report.has("TFD-SELLO-CFD")).isTrue();
        assertThat(report.has("SEAL-INVALID")).isFalse(); // the stamp is not part of the issuer's seal
        String oldStamp = stamped.replace("Version=\"1.1\"", "Version=\"1.0\"");
        assertThat(validator.validate(Samples.utf8(oldStamp), ValidationContext.NONE).has("TFD-VERSION")).isTrue();
    }

    @Test
    void callersExpectationsAreChecked() {
        byte[] stamped = Samples.bytes(Samples.STAMPED);
        String uuid = validator.validate(stamped, ValidationContext.NONE).cfdi().orElseThrow().timbre().orElseThrow()
                .uuid();
        ValidationContext context = ValidationContext.NONE.withExpectedEmisor("SAT970701NN3")
                .withExpectedReceptor(new ValidationContext.ExpectedReceptor("MCI7306249Y1",
                        "Municipio de Cuautitlán Izcalli", "54700", "601"))
                .withReceivedUuids(Set.of(uuid.toLowerCase()))
                .withDateWindow(LocalDateTime.parse("2025-03-01T00:00:00"), LocalDateTime.parse("2025-03-31T23:59:59"));
        ValidationReport report = validator.validate(stamped, context);
        assertThat(report.findings()).extracting(Finding::code).contains("CTX-EMISOR", "CTX-DUPLICATE", "CTX-DATE");
        // the name matches without accents or case; only the régimen differs
        assertThat(report.findings()).filteredOn(f -> f.code().equals("CTX-RECEPTOR")).extracting(f -> f.arguments()
                .get(0)).containsExactly("RegimenFiscalReceptor");
        ValidationContext matching = ValidationContext.NONE.withExpectedEmisor("EKU9003173C9")
                .withExpectedReceptor(new ValidationContext.ExpectedReceptor("MCI7306249Y1",
                        "Municipio de Cuautitlán Izcalli", "54700", "603"));
        assertThat(validator.validate(stamped, matching).valid()).isTrue();
    }

    private ValidationReport validate(String template) {
        return validator.validate(TestCfdis.signed(template), ValidationContext.NONE);
    }

    /** The CFDI has exactly these ERRORs (warnings aside), and its seal is valid. */
    private ValidationReport assertOnly(String template, String... codes) {
        ValidationReport report = validate(template);
        assertThat(report.findings()).filteredOn(f -> f.severity() == Severity.ERROR).extracting(Finding::code)
                .containsExactlyInAnyOrder(codes);
        return report;
    }

    private static Finding first(ValidationReport report, String code) {
        return report.findings().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
    }

    private static String edit(String xml, String from, String to) {
        if (!xml.contains(from)) {
            throw new IllegalArgumentException("test edit does not apply: " + from);
        }
        return xml.replace(from, to);
    }
}
