package mx.supplierportal.cfdi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import mx.supplierportal.cfdi.Rules.Sink;

/**
 * The arithmetic rules of the catalog in {@link Rules}: amounts, discounts, taxes and totals of an invoice (Pagos 2.0
 * receipts are {@link PagosRules}). Each rule adds up what the CFDI states and compares it with SAT's limits.
 */
final class AmountRules {

    private AmountRules() {
    }

    // --- the amounts of an invoice (CFDI 4.0) ---------------------------------------------------------------------------------------

    static void currencyDecimals(Cfdi cfdi, ValidationContext context, Sink sink) {
        int decimals = Amounts.currencyDecimals(cfdi.comprobante().moneda());
        Cfdi.Comprobante c = cfdi.comprobante();
        for (String[] field : new String[][] {{"SubTotal", c.subTotal()}, {"Descuento", c.descuento()},
                {"Total", c.total()}}) {
            if (Amounts.isDecimal(field[1]) && Amounts.decimalsOf(field[1]) > decimals) {
                sink.report("Comprobante/@" + field[0], field[1], cfdi.comprobante().moneda(), decimals);
            }
        }
        cfdi.impuestos().ifPresent(i -> {
            for (String[] field : new String[][] {{"TotalImpuestosTrasladados", i.totalImpuestosTrasladados()},
                    {"TotalImpuestosRetenidos", i.totalImpuestosRetenidos()}}) {
                if (Amounts.isDecimal(field[1]) && Amounts.decimalsOf(field[1]) > decimals) {
                    sink.report("Impuestos/@" + field[0], field[1], cfdi.comprobante().moneda(), decimals);
                }
            }
        });
    }

    /** SAT's limits: Importe must lie within Cantidad × ValorUnitario, each give or take half its last decimal. */
    static void conceptImporte(Cfdi cfdi, ValidationContext context, Sink sink) {
        int index = 0;
        for (Cfdi.Concepto concepto : cfdi.conceptos()) {
            index++;
            BigDecimal cantidad = Amounts.parse(concepto.cantidad());
            BigDecimal valor = Amounts.parse(concepto.valorUnitario());
            BigDecimal importe = Amounts.parse(concepto.importe());
            if (cantidad == null || valor == null || importe == null) {
                continue;
            }
            int decimals = Amounts.decimalsOf(concepto.importe());
            BigDecimal cantidadHalf = Amounts.halfUnit(concepto.cantidad());
            BigDecimal valorHalf = Amounts.halfUnit(concepto.valorUnitario());
            BigDecimal lower = cantidad.subtract(cantidadHalf).multiply(valor.subtract(valorHalf))
                    .setScale(decimals, RoundingMode.DOWN);
            BigDecimal upper = cantidad.add(cantidadHalf).multiply(valor.add(valorHalf))
                    .setScale(decimals, RoundingMode.UP);
            if (importe.compareTo(lower) < 0 || importe.compareTo(upper) > 0) {
                sink.report(index, concepto.importe(), cantidad.multiply(valor).stripTrailingZeros().toPlainString());
            }
        }
    }

    static void conceptDescuento(Cfdi cfdi, ValidationContext context, Sink sink) {
        int index = 0;
        for (Cfdi.Concepto concepto : cfdi.conceptos()) {
            index++;
            BigDecimal descuento = Amounts.parse(concepto.descuento());
            BigDecimal importe = Amounts.parse(concepto.importe());
            if (descuento != null && importe != null && descuento.compareTo(importe) > 0) {
                sink.report(index, concepto.descuento(), concepto.importe());
            }
        }
    }

    static void subTotal(Cfdi cfdi, ValidationContext context, Sink sink) {
        BigDecimal subTotal = Amounts.parse(cfdi.comprobante().subTotal());
        if (subTotal == null || cfdi.conceptos().isEmpty()) {
            return;
        }
        String type = cfdi.comprobante().tipoDeComprobante();
        if ("T".equals(type) || "P".equals(type)) {
            if (subTotal.signum() != 0) {
                sink.report(cfdi.comprobante().subTotal(), "0");
            }
            return;
        }
        BigDecimal sum = sum(cfdi.conceptos().stream().map(Cfdi.Concepto::importe).toList());
        int decimals = Amounts.currencyDecimals(cfdi.comprobante().moneda());
        if (sum != null && !Amounts.sameAt(subTotal, sum, decimals)) {
            sink.report(cfdi.comprobante().subTotal(), Amounts.round(sum, decimals).toPlainString());
        }
    }

    static void descuento(Cfdi cfdi, ValidationContext context, Sink sink) {
        BigDecimal subTotal = Amounts.parse(cfdi.comprobante().subTotal());
        BigDecimal descuento = Amounts.parse(cfdi.comprobante().descuento());
        List<String> conceptDiscounts = cfdi.conceptos().stream().map(Cfdi.Concepto::descuento)
                .filter(Objects::nonNull).toList();
        int decimals = Amounts.currencyDecimals(cfdi.comprobante().moneda());
        if (descuento != null && subTotal != null && descuento.compareTo(subTotal) > 0) {
            sink.report(cfdi.comprobante().descuento(), cfdi.comprobante().subTotal());
            return;
        }
        BigDecimal sum = sum(conceptDiscounts);
        if (!conceptDiscounts.isEmpty() && sum != null) {
            BigDecimal declared = descuento == null ? BigDecimal.ZERO : descuento;
            if (!Amounts.sameAt(declared, sum, decimals)) {
                sink.report(String.valueOf(cfdi.comprobante().descuento()),
                        Amounts.round(sum, decimals).toPlainString());
            }
        } else if (conceptDiscounts.isEmpty() && descuento != null && descuento.signum() != 0) {
            sink.report(cfdi.comprobante().descuento(), "0");
        }
    }

    /** Tax Importe must be Base × TasaOCuota, give or take half of Base's last decimal. */
    static void taxImporte(Cfdi cfdi, ValidationContext context, Sink sink) {
        int index = 0;
        for (Cfdi.Concepto concepto : cfdi.conceptos()) {
            index++;
            for (Cfdi.Tax tax : Rules.concat(concepto.traslados(), concepto.retenciones())) {
                BigDecimal base = Amounts.parse(tax.base());
                BigDecimal rate = Amounts.parse(tax.tasaOCuota());
                BigDecimal importe = Amounts.parse(tax.importe());
                if (base == null || rate == null || importe == null || "Exento".equals(tax.tipoFactor())) {
                    continue;
                }
                if (!withinRounding(tax.base(), rate, tax.importe())) {
                    sink.report(index, tax.impuesto(), tax.importe(), base.multiply(rate)
                            .setScale(Amounts.decimalsOf(tax.importe()), RoundingMode.HALF_UP).toPlainString());
                }
            }
        }
    }

    /** Header taxes are the concept taxes grouped by tax, factor and rate (withholdings by tax only). */
    static void headerTaxes(Cfdi cfdi, ValidationContext context, Sink sink) {
        int decimals = Amounts.currencyDecimals(cfdi.comprobante().moneda());
        Map<String, BigDecimal[]> transferred = new LinkedHashMap<>();
        Map<String, BigDecimal> withheld = new LinkedHashMap<>();
        for (Cfdi.Concepto concepto : cfdi.conceptos()) {
            for (Cfdi.Tax tax : concepto.traslados()) {
                String key = taxKey(tax);
                BigDecimal[] totals = transferred.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO,
                        BigDecimal.ZERO});
                totals[0] = totals[0].add(orZero(tax.base()));
                totals[1] = totals[1].add(orZero(tax.importe()));
            }
            for (Cfdi.Tax tax : concepto.retenciones()) {
                withheld.merge(String.valueOf(tax.impuesto()), orZero(tax.importe()), BigDecimal::add);
            }
        }
        Cfdi.Impuestos header = cfdi.impuestos().orElse(new Cfdi.Impuestos(null, null, List.of(), List.of()));
        Map<String, Cfdi.Tax> declared = new LinkedHashMap<>();
        for (Cfdi.Tax tax : header.traslados()) {
            declared.put(taxKey(tax), tax);
        }
        for (Map.Entry<String, BigDecimal[]> group : transferred.entrySet()) {
            Cfdi.Tax line = declared.remove(group.getKey());
            String label = group.getKey().replace("|null", "").replace('|', ' ');
            if (line == null) {
                sink.report(label, "—", Amounts.round(group.getValue()[1], decimals).toPlainString());
                continue;
            }
            if (!Amounts.sameAt(orZero(line.base()), group.getValue()[0], decimals)) {
                sink.report(label + " Base", line.base(), Amounts.round(group.getValue()[0], decimals).toPlainString());
            }
            if (!"Exento".equals(line.tipoFactor())
                    && !Amounts.sameAt(orZero(line.importe()), group.getValue()[1], decimals)) {
                sink.report(label, line.importe(), Amounts.round(group.getValue()[1], decimals).toPlainString());
            }
        }
        for (String extra : declared.keySet()) {
            sink.report(extra.replace('|', ' '), declared.get(extra).importe(), "—");
        }
        Map<String, Cfdi.Tax> declaredWithheld = new LinkedHashMap<>();
        for (Cfdi.Tax tax : header.retenciones()) {
            declaredWithheld.put(String.valueOf(tax.impuesto()), tax);
        }
        for (Map.Entry<String, BigDecimal> group : withheld.entrySet()) {
            Cfdi.Tax line = declaredWithheld.remove(group.getKey());
            String found = line == null ? "—" : line.importe();
            if (line == null || !Amounts.sameAt(orZero(line.importe()), group.getValue(), decimals)) {
                sink.report("Retención " + group.getKey(), found,
                        Amounts.round(group.getValue(), decimals).toPlainString());
            }
        }
        BigDecimal totalTransferred = sum(header.traslados().stream().filter(t -> !"Exento".equals(t.tipoFactor()))
                .map(Cfdi.Tax::importe).toList());
        if (totalTransferred != null && totalTransferred.signum() != 0 && !Amounts.sameAt(
                orZero(header.totalImpuestosTrasladados()), totalTransferred, decimals)) {
            sink.report("TotalImpuestosTrasladados", String.valueOf(header.totalImpuestosTrasladados()),
                    Amounts.round(totalTransferred, decimals).toPlainString());
        }
        BigDecimal totalWithheld = sum(header.retenciones().stream().map(Cfdi.Tax::importe).toList());
        if (totalWithheld != null && totalWithheld.signum() != 0 && !Amounts.sameAt(
                orZero(header.totalImpuestosRetenidos()), totalWithheld, decimals)) {
            sink.report("TotalImpuestosRetenidos", String.valueOf(header.totalImpuestosRetenidos()),
                    Amounts.round(totalWithheld, decimals).toPlainString());
        }
    }

    static void total(Cfdi cfdi, ValidationContext context, Sink sink) {
        Cfdi.Comprobante c = cfdi.comprobante();
        BigDecimal subTotal = Amounts.parse(c.subTotal());
        BigDecimal total = Amounts.parse(c.total());
        if (subTotal == null || total == null) {
            return;
        }
        BigDecimal expected = subTotal.subtract(orZero(c.descuento()));
        if (cfdi.impuestos().isPresent()) {
            expected = expected.add(orZero(cfdi.impuestos().get().totalImpuestosTrasladados()))
                    .subtract(orZero(cfdi.impuestos().get().totalImpuestosRetenidos()));
        }
        // Impuestos locales 1.0 (state and municipal taxes) are part of the Total: + traslados − retenciones
        for (XmlNode local : cfdi.otherComplements()) {
            if (local.is(Cfdi.NS_IMPLOCAL, "ImpuestosLocales")) {
                expected = expected.add(orZero(local.attr("TotaldeTraslados")))
                        .subtract(orZero(local.attr("TotaldeRetenciones")));
            }
        }
        int decimals = Amounts.currencyDecimals(c.moneda());
        if (!Amounts.sameAt(total, expected, decimals)) {
            sink.report(c.total(), Amounts.round(expected, decimals).toPlainString());
        }
    }

    static void ppdFormaPago(Cfdi cfdi, ValidationContext context, Sink sink) {
        Cfdi.Comprobante c = cfdi.comprobante();
        if ("PPD".equals(c.metodoPago()) && !"99".equals(c.formaPago())) {
            sink.report(c.formaPago() == null ? "—" : c.formaPago()); // absent: a dash, never "null"
        }
    }

    static void tipoCambio(Cfdi cfdi, ValidationContext context, Sink sink) {
        Cfdi.Comprobante c = cfdi.comprobante();
        String moneda = c.moneda();
        String tipoCambio = c.tipoCambio();
        if ("MXN".equals(moneda)) {
            BigDecimal rate = Amounts.parse(tipoCambio);
            if (tipoCambio != null && (rate == null || rate.compareTo(BigDecimal.ONE) != 0)) {
                sink.report(moneda, tipoCambio, "1");
            }
        } else if ("XXX".equals(moneda)) {
            if (tipoCambio != null) {
                sink.report(moneda, tipoCambio, "—");
            }
        } else if (moneda != null && (tipoCambio == null || Amounts.parse(tipoCambio) == null
                || Amounts.parse(tipoCambio).signum() <= 0)) {
            sink.report(moneda, String.valueOf(tipoCambio), "> 0");
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** {@code importe} is {@code base} × {@code rate} as the rounding of the base allows (SAT's lower/upper limits). */
    static boolean withinRounding(String base, BigDecimal rate, String importe) {
        int decimals = Amounts.decimalsOf(importe);
        BigDecimal half = Amounts.halfUnit(base);
        BigDecimal value = Amounts.parse(importe);
        BigDecimal lower = Amounts.parse(base).subtract(half).multiply(rate).setScale(decimals, RoundingMode.DOWN);
        BigDecimal upper = Amounts.parse(base).add(half).multiply(rate).setScale(decimals, RoundingMode.UP);
        return value.compareTo(lower) >= 0 && value.compareTo(upper) <= 0;
    }

    static boolean close(String declared, BigDecimal expected, BigDecimal tolerance) {
        BigDecimal value = Amounts.parse(declared);
        return value != null && value.subtract(expected).abs().compareTo(tolerance) <= 0;
    }

    private static BigDecimal sum(List<String> values) {
        BigDecimal total = BigDecimal.ZERO;
        for (String value : values) {
            BigDecimal parsed = Amounts.parse(value);
            if (parsed == null) {
                return null;
            }
            total = total.add(parsed);
        }
        return total;
    }

    static BigDecimal orZero(String value) {
        BigDecimal parsed = Amounts.parse(value);
        return parsed == null ? BigDecimal.ZERO : parsed;
    }

    /** Taxes grouped as SAT groups them: tax, factor and rate (0.160000 and 0.16 are the same rate). */
    static String taxKey(Cfdi.Tax tax) {
        return tax.impuesto() + "|" + tax.tipoFactor() + "|" + normalizeRate(tax.tasaOCuota());
    }

    static String normalizeRate(String rate) {
        BigDecimal parsed = Amounts.parse(rate);
        return parsed == null ? String.valueOf(rate) : parsed.stripTrailingZeros().toPlainString();
    }
}
