package mx.supplierportal.cfdi;

import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Every validation rule, in the order they run; the arithmetic lives in {@link AmountRules}, the Pagos 2.0 checks in
 * {@link PagosRules}.
 */
public final class Rules {

    /** A rule made of its code, severity, source and check. */
    record Simple(String code, Severity severity, String source, Check check) implements Rule {

        @Override
        public void check(Cfdi cfdi, ValidationContext context, List<Finding> findings) {
            check.run(cfdi, context, new Sink(code, severity, findings));
        }
    }

    interface Check {
        void run(Cfdi cfdi, ValidationContext context, Sink sink);
    }

    /** Collects one rule's findings under its code and severity. */
    static final class Sink {
        private final String code;
        private final Severity severity;
        private final List<Finding> findings;

        Sink(String code, Severity severity, List<Finding> findings) {
            this.code = code;
            this.severity = severity;
            this.findings = findings;
        }

        void report(Object... arguments) {
            findings.add(new Finding(code, severity, List.of(arguments)));
        }

        void report(Severity other, Object... arguments) {
            findings.add(new Finding(code, other, List.of(arguments)));
        }
    }

    private static final String ANEXO20 = "Anexo 20 (CFDI 4.0), standard and guía de llenado";
    private static final String XSD = "cfdv40.xsd and catCFDI.xsd (patterns and catalogs)";
    private static final String MATRIX = "SAT's CFDI 4.0 validation matrix (Matriz de errores)";
    private static final String EFOS = "art. 69-B CFF: SAT's list of taxpayers with operaciones inexistentes";

    private static final Pattern FECHA = Pattern.compile(
            "^(20[1-9][0-9])-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9])$");
    private static final Pattern UUID = Pattern.compile(
            "^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$");
    private static final Pattern RFC_SHAPE = Pattern.compile("^[A-ZÑ&]{3,4}[0-9]{2}(0[1-9]|1[012])"
            + "(0[1-9]|[12][0-9]|3[01])[A-Z0-9]{2}[0-9A]$");
    private static final Pattern CP = Pattern.compile("^[0-9]{5}$");
    private static final Pattern TASA = Pattern.compile("^[0-9]+\\.[0-9]{6}$");

    private static final List<Rule> ALL = List.of(
            new Simple("STR-VERSION", Severity.ERROR, XSD, Rules::version),
            new Simple("STR-ELEMENT", Severity.ERROR, XSD, Rules::requiredElements),
            new Simple("STR-REQUIRED", Severity.ERROR, XSD, Rules::requiredAttributes),
            new Simple("STR-PATTERN", Severity.ERROR, XSD, Rules::patterns),
            new Simple("STR-CATALOG", Severity.ERROR, XSD, Rules::catalogShapes),
            new Simple("ARI-DECIMALS", Severity.ERROR, MATRIX, AmountRules::currencyDecimals),
            new Simple("ARI-CONCEPT-IMPORTE", Severity.ERROR, MATRIX, AmountRules::conceptImporte),
            new Simple("ARI-CONCEPT-DESCUENTO", Severity.ERROR, MATRIX, AmountRules::conceptDescuento),
            new Simple("ARI-SUBTOTAL", Severity.ERROR, MATRIX, AmountRules::subTotal),
            new Simple("ARI-DESCUENTO", Severity.ERROR, MATRIX, AmountRules::descuento),
            new Simple("ARI-TAX-IMPORTE", Severity.ERROR, MATRIX, AmountRules::taxImporte),
            new Simple("ARI-HEADER-TAXES", Severity.ERROR, MATRIX, AmountRules::headerTaxes),
            new Simple("ARI-TOTAL", Severity.ERROR, MATRIX, AmountRules::total),
            new Simple("ARI-PPD-FORMAPAGO", Severity.ERROR, ANEXO20, AmountRules::ppdFormaPago),
            new Simple("ARI-TIPOCAMBIO", Severity.ERROR, MATRIX, AmountRules::tipoCambio),
            new Simple("ARI-PAYMENT-TYPE", Severity.ERROR, ANEXO20, PagosRules::paymentReceipt),
            new Simple("RFC-CHECK-DIGIT", Severity.WARNING, "SAT's RFC check digit (modulo 11)", Rules::rfcCheckDigit),
            new Simple("RFC-GENERIC", Severity.ERROR, MATRIX, Rules::genericRfc),
            new Simple("TFD-MISSING", Severity.WARNING, ANEXO20 + "; TimbreFiscalDigitalv11.xsd", Rules::stampPresent),
            new Simple("TFD-VERSION", Severity.ERROR, "TimbreFiscalDigitalv11.xsd", Rules::stampVersion),
            new Simple("TFD-UUID", Severity.ERROR, "TimbreFiscalDigitalv11.xsd", Rules::stampUuid),
            new Simple("TFD-SELLO-CFD", Severity.ERROR, "TimbreFiscalDigitalv11.xsd (SelloCFD)", Rules::stampSello),
            new Simple("PAG-SALDO", Severity.ERROR, "Pagos 2.0 guía de llenado", PagosRules::paymentBalance),
            new Simple("PAG-MONTO", Severity.ERROR, "Pagos 2.0 guía de llenado", PagosRules::paymentAmount),
            new Simple("PAG-TOTALES", Severity.ERROR, "Pagos 2.0 guía de llenado", PagosRules::paymentTotals),
            new Simple("PAG-IMPUESTO-DR", Severity.ERROR, "Pagos 2.0 guía de llenado (ImporteDR)",
                    PagosRules::paymentDocumentTaxes),
            new Simple("PAG-IMPUESTOS-P", Severity.ERROR, "Pagos 2.0 guía de llenado (ImpuestosP)",
                    PagosRules::paymentTaxes),
            new Simple("CTX-EMISOR", Severity.ERROR, "portal: the CFDI must come from the supplier sending it",
                    Rules::expectedEmisor),
            new Simple("CTX-RECEPTOR", Severity.ERROR, "portal: the CFDI must be addressed to the client",
                    Rules::expectedReceptor),
            new Simple("CTX-DUPLICATE", Severity.ERROR, "portal: a UUID is received once", Rules::duplicate),
            new Simple("CTX-DATE", Severity.ERROR, "portal: the client's accepted issue dates", Rules::dateWindow),
            new Simple("EFOS-DEFINITIVO", Severity.ERROR, EFOS, (cfdi, context, sink) ->
                    efos(cfdi, context, sink, EfosList.Situation.DEFINITIVO)),
            new Simple("EFOS-PRESUNTO", Severity.WARNING, EFOS, (cfdi, context, sink) ->
                    efos(cfdi, context, sink, EfosList.Situation.PRESUNTO)),
            new Simple("SEAL-INVALID", Severity.ERROR, ANEXO20 + " (sello digital, cadena original)", Rules::seal));

    private static final String TFD_SOURCE = "Anexo 20 (TimbreFiscalDigital 1.1: SelloSAT over cadenaoriginal_TFD_1_1.xslt "
            + "with SAT's certificate NoCertificadoSAT)";

    /** The codes a finding can carry besides the rules': reading errors and the seal's details. */
    public static final List<String> OTHER_CODES = List.of("XML-EMPTY", "XML-TOO-LARGE", "XML-NOT-XML", "XML-DTD",
            "XML-TOO-DEEP", "XML-MALFORMED", "CFDI-VERSION", "CFDI-NOT-CFDI", "CFDI-TOO-MANY-CONCEPTOS", "FINDINGS-MORE", "SEAL-MISSING", "SEAL-CERT-UNREADABLE",
            "SEAL-CERT-NUMBER", "SEAL-CERT-RFC", "SEAL-CERT-VALIDITY", "SEAL-UNVERIFIABLE-COMPLEMENT",
            "TFD-CERT-UNKNOWN", "TFD-TEST-STAMP", "TFD-CERT-VALIDITY", "TFD-DATE-BEFORE-ISSUE", "TFD-DATE-LATE");

    private Rules() {
    }

    /** Every rule, the stamp's SAT seal checked with SAT's bundled production certificates only. */
    public static List<Rule> all() {
        return all(SatCertificates.bundled());
    }

    /** Every rule, the stamp's SAT seal checked with {@code satCertificates}. */
    public static List<Rule> all(SatCertificates satCertificates) {
        List<Rule> rules = new ArrayList<>(ALL);
        rules.add(new Simple("TFD-SEAL-INVALID", Severity.ERROR, TFD_SOURCE,
                (cfdi, context, sink) -> sink.findings.addAll(StampSeal.check(cfdi, satCertificates))));
        return List.copyOf(rules);
    }

    // --- structure ------------------------------------------------------------------------------------------

    private static void version(Cfdi cfdi, ValidationContext context, Sink sink) {
        if (!"4.0".equals(cfdi.comprobante().version())) {
            sink.report(String.valueOf(cfdi.comprobante().version()));
        }
    }

    private static void requiredElements(Cfdi cfdi, ValidationContext context, Sink sink) {
        if (cfdi.emisor() == null) {
            sink.report("Emisor");
        }
        if (cfdi.receptor() == null) {
            sink.report("Receptor");
        }
        if (cfdi.conceptos().isEmpty()) {
            sink.report("Conceptos/Concepto");
        }
    }

    private static void requiredAttributes(Cfdi cfdi, ValidationContext context, Sink sink) {
        XmlNode root = cfdi.root();
        require(sink, root, "Comprobante", "Version", "Fecha", "Sello", "NoCertificado", "Certificado", "SubTotal",
                "Moneda", "Total", "TipoDeComprobante", "Exportacion", "LugarExpedicion");
        root.child(Cfdi.NS, "Emisor").ifPresent(n -> require(sink, n, "Emisor", "Rfc", "Nombre", "RegimenFiscal"));
        root.child(Cfdi.NS, "Receptor").ifPresent(n -> require(sink, n, "Receptor", "Rfc", "Nombre",
                "DomicilioFiscalReceptor", "RegimenFiscalReceptor", "UsoCFDI"));
        for (XmlNode concepto : root.path(Cfdi.NS, "Conceptos", "Concepto")) {
            require(sink, concepto, "Concepto", "ClaveProdServ", "Cantidad", "ClaveUnidad", "Descripcion",
                    "ValorUnitario", "Importe", "ObjetoImp");
        }
        for (Cfdi.Concepto concepto : cfdi.conceptos()) {
            for (Cfdi.Tax tax : concepto.traslados()) {
                requireTax(sink, "Concepto/Traslado", tax, !"Exento".equals(tax.tipoFactor()));
            }
            for (Cfdi.Tax tax : concepto.retenciones()) {
                requireTax(sink, "Concepto/Retencion", tax, true);
            }
        }
    }

    private static void require(Sink sink, XmlNode node, String where, String... attributes) {
        for (String attribute : attributes) {
            String value = node.attr(attribute);
            if (value == null || value.isBlank()) {
                sink.report(where + "/@" + attribute);
            }
        }
    }

    private static void requireTax(Sink sink, String where, Cfdi.Tax tax, boolean rateAndAmount) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Base", tax.base());
        values.put("Impuesto", tax.impuesto());
        values.put("TipoFactor", tax.tipoFactor());
        if (rateAndAmount) {
            values.put("TasaOCuota", tax.tasaOCuota());
            values.put("Importe", tax.importe());
        }
        values.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                sink.report(where + "/@" + name);
            }
        });
    }

    private static void patterns(Cfdi cfdi, ValidationContext context, Sink sink) {
        Cfdi.Comprobante c = cfdi.comprobante();
        pattern(sink, "Comprobante/@Fecha", c.fecha(), FECHA);
        pattern(sink, "Comprobante/@LugarExpedicion", c.lugarExpedicion(), CP);
        amount(sink, "Comprobante/@SubTotal", c.subTotal());
        amount(sink, "Comprobante/@Descuento", c.descuento());
        amount(sink, "Comprobante/@Total", c.total());
        amount(sink, "Comprobante/@TipoCambio", c.tipoCambio());
        if (cfdi.emisor() != null) {
            pattern(sink, "Emisor/@Rfc", cfdi.emisor().rfc(), RFC_SHAPE);
        }
        if (cfdi.receptor() != null) {
            pattern(sink, "Receptor/@Rfc", cfdi.receptor().rfc(), RFC_SHAPE);
            pattern(sink, "Receptor/@DomicilioFiscalReceptor", cfdi.receptor().domicilioFiscalReceptor(), CP);
        }
        for (Cfdi.Concepto concepto : cfdi.conceptos()) {
            amount(sink, "Concepto/@Cantidad", concepto.cantidad());
            amount(sink, "Concepto/@ValorUnitario", concepto.valorUnitario());
            amount(sink, "Concepto/@Importe", concepto.importe());
            amount(sink, "Concepto/@Descuento", concepto.descuento());
            for (Cfdi.Tax tax : concat(concepto.traslados(), concepto.retenciones())) {
                amount(sink, "Concepto/Impuestos/@Base", tax.base());
                amount(sink, "Concepto/Impuestos/@Importe", tax.importe());
                if (tax.tasaOCuota() != null && "Tasa".equals(tax.tipoFactor())) {
                    pattern(sink, "Concepto/Impuestos/@TasaOCuota", tax.tasaOCuota(), TASA);
                }
            }
        }
        cfdi.impuestos().ifPresent(i -> {
            amount(sink, "Impuestos/@TotalImpuestosTrasladados", i.totalImpuestosTrasladados());
            amount(sink, "Impuestos/@TotalImpuestosRetenidos", i.totalImpuestosRetenidos());
            for (Cfdi.Tax tax : concat(i.traslados(), i.retenciones())) {
                amount(sink, "Impuestos/@Base", tax.base());
                amount(sink, "Impuestos/@Importe", tax.importe());
            }
        });
        for (Cfdi.Relacionados relacionados : cfdi.relacionados()) {
            for (String uuid : relacionados.uuids()) {
                pattern(sink, "CfdiRelacionado/@UUID", uuid, UUID);
            }
        }
    }

    private static void catalogShapes(Cfdi cfdi, ValidationContext context, Sink sink) {
        Cfdi.Comprobante c = cfdi.comprobante();
        oneOf(sink, "Comprobante/@TipoDeComprobante", c.tipoDeComprobante(), "I", "E", "T", "N", "P");
        oneOf(sink, "Comprobante/@Exportacion", c.exportacion(), "01", "02", "03", "04");
        optionalOneOf(sink, "Comprobante/@MetodoPago", c.metodoPago(), "PUE", "PPD");
        optionalPattern(sink, "Comprobante/@FormaPago", c.formaPago(), "^(0[1-8]|1[2-5]|17|2[3-9]|30|31|99)$");
        pattern(sink, "Comprobante/@Moneda", c.moneda(), Pattern.compile("^[A-Z]{3}$"));
        if (cfdi.emisor() != null) {
            pattern(sink, "Emisor/@RegimenFiscal", cfdi.emisor().regimenFiscal(), Pattern.compile("^6[0-2][0-9]$"));
        }
        if (cfdi.receptor() != null) {
            pattern(sink, "Receptor/@RegimenFiscalReceptor", cfdi.receptor().regimenFiscalReceptor(),
                    Pattern.compile("^6[0-2][0-9]$"));
            pattern(sink, "Receptor/@UsoCFDI", cfdi.receptor().usoCfdi(),
                    Pattern.compile("^(G0[1-3]|I0[1-8]|D(0[1-9]|10)|S01|CP01|CN01)$"));
        }
        for (Cfdi.Concepto concepto : cfdi.conceptos()) {
            pattern(sink, "Concepto/@ClaveProdServ", concepto.claveProdServ(), Pattern.compile("^[0-9]{8}$"));
            pattern(sink, "Concepto/@ClaveUnidad", concepto.claveUnidad(), Pattern.compile("^[A-Z0-9]{1,3}$"));
            oneOf(sink, "Concepto/@ObjetoImp", concepto.objetoImp(), "01", "02", "03", "04", "05", "06", "07", "08");
            for (Cfdi.Tax tax : concat(concepto.traslados(), concepto.retenciones())) {
                oneOf(sink, "Concepto/Impuestos/@Impuesto", tax.impuesto(), "001", "002", "003");
                oneOf(sink, "Concepto/Impuestos/@TipoFactor", tax.tipoFactor(), "Tasa", "Cuota", "Exento");
            }
        }
    }

    // --- RFC ------------------------------------------------------------------------------------------------

    private static void rfcCheckDigit(Cfdi cfdi, ValidationContext context, Sink sink) {
        if (cfdi.emisor() != null && Rfc.check(cfdi.emisor().rfc()) == Rfc.Verdict.CHECK_DIGIT_MISMATCH) {
            sink.report("Emisor", cfdi.emisor().rfc());
        }
        if (cfdi.receptor() != null && Rfc.check(cfdi.receptor().rfc()) == Rfc.Verdict.CHECK_DIGIT_MISMATCH) {
            sink.report("Receptor", cfdi.receptor().rfc());
        }
    }

    private static void genericRfc(Cfdi cfdi, ValidationContext context, Sink sink) {
        Cfdi.Receptor receptor = cfdi.receptor();
        if (receptor == null) {
            return;
        }
        if (Rfc.GENERIC_NATIONAL.equals(receptor.rfc())) {
            if (!"616".equals(receptor.regimenFiscalReceptor())) {
                sink.report(receptor.rfc(), "RegimenFiscalReceptor", "616");
            }
            // "Sin efectos fiscales" for invoices to the public; a payment receipt (P) always uses CP01 and a payroll
            // receipt (N) CN01 (Anexo 20 matrix, Pagos 2.0 guide)
            String uso = switch (String.valueOf(cfdi.comprobante().tipoDeComprobante())) {
                case "P" -> "CP01";
                case "N" -> "CN01";
                default -> "S01";
            };
            if (!uso.equals(receptor.usoCfdi())) {
                sink.report(receptor.rfc(), "UsoCFDI", uso);
            }
        }
        if (Rfc.GENERIC_FOREIGN.equals(receptor.rfc()) && receptor.residenciaFiscal() == null) {
            sink.report(receptor.rfc(), "ResidenciaFiscal", "ISO 3166");
        }
        if (cfdi.emisor() != null && Rfc.isGeneric(String.valueOf(cfdi.emisor().rfc()))) {
            sink.report(cfdi.emisor().rfc(), "Emisor/@Rfc", "RFC");
        }
    }

    // --- stamp ----------------------------------------------------------------------------------------------

    private static void stampPresent(Cfdi cfdi, ValidationContext context, Sink sink) {
        if (cfdi.timbre().isEmpty()) {
            sink.report(context.requireStamp() ? Severity.ERROR : Severity.WARNING);
        }
    }

    private static void stampVersion(Cfdi cfdi, ValidationContext context, Sink sink) {
        cfdi.timbre().filter(t -> !"1.1".equals(t.version())).ifPresent(t -> sink.report(String.valueOf(t.version())));
    }

    private static void stampUuid(Cfdi cfdi, ValidationContext context, Sink sink) {
        cfdi.timbre().filter(t -> t.uuid() == null || !UUID.matcher(t.uuid()).matches())
                .ifPresent(t -> sink.report(String.valueOf(t.uuid())));
    }

    private static void stampSello(Cfdi cfdi, ValidationContext context, Sink sink) {
        cfdi.timbre().filter(t -> !Objects.equals(t.selloCfd(), cfdi.comprobante().sello()))
                .ifPresent(t -> sink.report());
    }

    // --- the caller's context -------------------------------------------------------------------------------

    private static void expectedEmisor(Cfdi cfdi, ValidationContext context, Sink sink) {
        if (context.expectedEmisorRfc() != null && cfdi.emisor() != null
                && !context.expectedEmisorRfc().equalsIgnoreCase(String.valueOf(cfdi.emisor().rfc()))) {
            sink.report(cfdi.emisor().rfc(), context.expectedEmisorRfc());
        }
    }

    private static void expectedReceptor(Cfdi cfdi, ValidationContext context, Sink sink) {
        ValidationContext.ExpectedReceptor expected = context.expectedReceptor();
        Cfdi.Receptor receptor = cfdi.receptor();
        if (expected == null || receptor == null) {
            return;
        }
        compare(sink, "Rfc", receptor.rfc(), expected.rfc());
        if (expected.nombre() != null && !fold(expected.nombre()).equals(fold(receptor.nombre()))) {
            sink.report("Nombre", String.valueOf(receptor.nombre()), expected.nombre());
        }
        compare(sink, "DomicilioFiscalReceptor", receptor.domicilioFiscalReceptor(), expected.domicilioFiscal());
        compare(sink, "RegimenFiscalReceptor", receptor.regimenFiscalReceptor(), expected.regimenFiscal());
    }

    private static void compare(Sink sink, String attribute, String found, String expected) {
        if (expected != null && !expected.equalsIgnoreCase(String.valueOf(found))) {
            sink.report(attribute, String.valueOf(found), expected);
        }
    }

    private static void duplicate(Cfdi cfdi, ValidationContext context, Sink sink) {
        cfdi.timbre().map(Cfdi.Timbre::uuid).filter(uuid -> uuid != null && context.receivedUuids().stream()
                .anyMatch(uuid::equalsIgnoreCase)).ifPresent(sink::report);
    }

    private static void dateWindow(Cfdi cfdi, ValidationContext context, Sink sink) {
        if (context.notBefore() == null && context.notAfter() == null) {
            return;
        }
        try {
            LocalDateTime fecha = LocalDateTime.parse(cfdi.comprobante().fecha());
            if ((context.notBefore() != null && fecha.isBefore(context.notBefore()))
                    || (context.notAfter() != null && fecha.isAfter(context.notAfter()))) {
                sink.report(cfdi.comprobante().fecha(), String.valueOf(context.notBefore()),
                        String.valueOf(context.notAfter()));
            }
        } catch (DateTimeParseException | NullPointerException e) {
            // the shape of Fecha is STR-PATTERN's finding
        }
    }

    private static void seal(Cfdi cfdi, ValidationContext context, Sink sink) {
        sink.findings.addAll(IssuerSeal.check(cfdi));
    }

    private static void efos(Cfdi cfdi, ValidationContext context, Sink sink, EfosList.Situation situation) {
        if (context.efos() == null || cfdi.emisor() == null) {
            return;
        }
        context.efos().find(cfdi.emisor().rfc()).filter(e -> e.situation() == situation)
                .ifPresent(e -> sink.report(e.rfc(), context.efos().cutDate() == null ? "—"
                        : context.efos().cutDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static void pattern(Sink sink, String where, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            sink.report(where, value);
        }
    }

    private static void optionalPattern(Sink sink, String where, String value, String regex) {
        pattern(sink, where, value, Pattern.compile(regex));
    }

    private static void amount(Sink sink, String where, String value) {
        if (value != null && !Amounts.isDecimal(value)) {
            sink.report(where, value);
        }
    }

    private static void oneOf(Sink sink, String where, String value, String... allowed) {
        if (value != null && !List.of(allowed).contains(value)) {
            sink.report(where, value);
        }
    }

    private static void optionalOneOf(Sink sink, String where, String value, String... allowed) {
        oneOf(sink, where, value, allowed);
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String fold(String value) {
        if (value == null) {
            return "";
        }
        String upper = value.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        return Normalizer.normalize(upper, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
