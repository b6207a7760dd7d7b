package mx.supplierportal.cfdi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mx.supplierportal.cfdi.Rules.Sink;

/**
 * The rules of a payment receipt (type P) with Pagos 2.0, from SAT's filling guide: the receipt's own shape, each
 * document's balance, each payment's amount and taxes against its documents, and the Totales.
 */
final class PagosRules {

    private PagosRules() {
    }

    /** A payment receipt (P) carries Pagos 2.0, in XXX with zero totals; Pagos 2.0 appears only there. */
    static void paymentReceipt(Cfdi cfdi, ValidationContext context, Sink sink) {
        boolean isPayment = "P".equals(cfdi.comprobante().tipoDeComprobante());
        if (isPayment && cfdi.pagos().isEmpty()) {
            sink.report("Pagos 2.0");
        }
        if (!isPayment && cfdi.pagos().isPresent()) {
            sink.report("TipoDeComprobante=P");
        }
        if (isPayment) {
            if (!"XXX".equals(cfdi.comprobante().moneda())) {
                sink.report("Moneda=XXX");
            }
            BigDecimal total = Amounts.parse(cfdi.comprobante().total());
            if (total != null && total.signum() != 0) {
                sink.report("Total=0");
            }
        }
    }

    static void paymentBalance(Cfdi cfdi, ValidationContext context, Sink sink) {
        cfdi.pagos().ifPresent(pagos -> {
            for (Cfdi.Pago pago : pagos.pagos()) {
                for (Cfdi.DoctoRelacionado docto : pago.documentos()) {
                    BigDecimal before = Amounts.parse(docto.impSaldoAnt());
                    BigDecimal paid = Amounts.parse(docto.impPagado());
                    BigDecimal after = Amounts.parse(docto.impSaldoInsoluto());
                    if (before == null || paid == null || after == null) {
                        sink.report(String.valueOf(docto.idDocumento()), String.valueOf(docto.impSaldoInsoluto()),
                                "ImpSaldoAnt − ImpPagado");
                        continue;
                    }
                    if (paid.signum() <= 0 || before.subtract(paid).compareTo(after) != 0) {
                        sink.report(docto.idDocumento(), docto.impSaldoInsoluto(),
                                before.subtract(paid).toPlainString());
                    }
                }
            }
        });
    }

    /** The documents paid, each converted to the payment's currency, add up to no more than the payment. */
    static void paymentAmount(Cfdi cfdi, ValidationContext context, Sink sink) {
        cfdi.pagos().ifPresent(pagos -> {
            int index = 0;
            for (Cfdi.Pago pago : pagos.pagos()) {
                index++;
                BigDecimal monto = Amounts.parse(pago.monto());
                if (monto == null || monto.signum() <= 0) {
                    sink.report(index, String.valueOf(pago.monto()), "> 0");
                    continue;
                }
                BigDecimal sum = BigDecimal.ZERO;
                for (Cfdi.DoctoRelacionado docto : pago.documentos()) {
                    BigDecimal paid = AmountRules.orZero(docto.impPagado());
                    BigDecimal equivalence = Amounts.parse(docto.equivalenciaDr());
                    sum = sum.add(equivalence == null || equivalence.signum() == 0 ? paid
                            : paid.divide(equivalence, 10, RoundingMode.HALF_UP));
                }
                int decimals = Amounts.currencyDecimals(pago.monedaP());
                if (Amounts.round(sum, decimals).compareTo(monto) > 0) {
                    sink.report(index, pago.monto(), Amounts.round(sum, decimals).toPlainString());
                }
            }
        });
    }

    static void paymentTotals(Cfdi cfdi, ValidationContext context, Sink sink) {
        cfdi.pagos().ifPresent(pagos -> {
            BigDecimal declared = Amounts.parse(pagos.totales().get("MontoTotalPagos"));
            if (declared == null) {
                sink.report("MontoTotalPagos", String.valueOf(pagos.totales().get("MontoTotalPagos")), "—");
                return;
            }
            BigDecimal expected = BigDecimal.ZERO;
            for (Cfdi.Pago pago : pagos.pagos()) {
                BigDecimal rate = "MXN".equals(pago.monedaP()) ? BigDecimal.ONE : Amounts.parse(pago.tipoCambioP());
                expected = expected.add(AmountRules.orZero(pago.monto()).multiply(rate == null ? BigDecimal.ONE : rate));
            }
            if (!Amounts.sameAt(declared, expected, 2)) {
                sink.report("MontoTotalPagos", declared.toPlainString(), Amounts.round(expected, 2).toPlainString());
            }
            taxTotals(pagos, sink);
        });
    }

    /**
     * The Totales' tax fields are the payments' taxes in pesos (× TipoCambioP): IVA 16 %, 8 %, 0 % and exempt bases
     * and amounts from TrasladosP, withheld IVA, ISR and IEPS from RetencionesP; absent means none. A cent of
     * rounding per payment is allowed.
     */
    private static void taxTotals(Cfdi.Pagos pagos, Sink sink) {
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        for (Cfdi.Pago pago : pagos.pagos()) {
            BigDecimal rate = "MXN".equals(pago.monedaP()) ? BigDecimal.ONE : Amounts.parse(pago.tipoCambioP());
            BigDecimal toPesos = rate == null ? BigDecimal.ONE : rate;
            for (Cfdi.Tax tax : pago.trasladosP()) {
                if (!"002".equals(tax.impuesto())) {
                    continue; // the Totales have IVA fields only
                }
                String suffix = "Exento".equals(tax.tipoFactor()) ? "IVAExento" : switch (AmountRules.normalizeRate(tax.tasaOCuota())) {
                    case "0.16" -> "IVA16";
                    case "0.08" -> "IVA8";
                    case "0" -> "IVA0";
                    default -> null;
                };
                if (suffix == null) {
                    continue;
                }
                expected.merge("TotalTrasladosBase" + suffix, AmountRules.orZero(tax.base()).multiply(toPesos), BigDecimal::add);
                if (!"IVAExento".equals(suffix)) {
                    expected.merge("TotalTrasladosImpuesto" + suffix, AmountRules.orZero(tax.importe()).multiply(toPesos),
                            BigDecimal::add);
                }
            }
            for (Cfdi.Tax tax : pago.retencionesP()) {
                String field = switch (String.valueOf(tax.impuesto())) {
                    case "001" -> "TotalRetencionesISR";
                    case "002" -> "TotalRetencionesIVA";
                    case "003" -> "TotalRetencionesIEPS";
                    default -> null;
                };
                if (field != null) {
                    expected.merge(field, AmountRules.orZero(tax.importe()).multiply(toPesos), BigDecimal::add);
                }
            }
        }
        BigDecimal tolerance = new BigDecimal("0.01").multiply(BigDecimal.valueOf(Math.max(pagos.pagos().size(), 1)));
        for (String field : List.of("TotalRetencionesIVA", "TotalRetencionesISR", "TotalRetencionesIEPS",
                "TotalTrasladosBaseIVA16", "TotalTrasladosImpuestoIVA16", "TotalTrasladosBaseIVA8",
                "TotalTrasladosImpuestoIVA8", "TotalTrasladosBaseIVA0", "TotalTrasladosImpuestoIVA0",
                "TotalTrasladosBaseIVAExento")) {
            String declared = pagos.totales().get(field);
            BigDecimal sum = expected.get(field);
            if (declared == null && sum == null) {
                continue;
            }
            if (declared == null ? sum.signum() != 0 : !AmountRules.close(declared, sum == null ? BigDecimal.ZERO : sum, tolerance)) {
                sink.report(field, declared == null ? "—" : declared,
                        Amounts.round(sum == null ? BigDecimal.ZERO : sum, 2).toPlainString());
            }
        }
    }

    /** Each payment's document taxes: ImporteDR is BaseDR × TasaOCuotaDR, as rounding of the base allows. */
    static void paymentDocumentTaxes(Cfdi cfdi, ValidationContext context, Sink sink) {
        cfdi.pagos().ifPresent(pagos -> {
            for (Cfdi.Pago pago : pagos.pagos()) {
                for (Cfdi.DoctoRelacionado docto : pago.documentos()) {
                    for (Cfdi.Tax tax : Rules.concat(docto.trasladosDr(), docto.retencionesDr())) {
                        BigDecimal rate = Amounts.parse(tax.tasaOCuota());
                        if (rate == null || Amounts.parse(tax.base()) == null || Amounts.parse(tax.importe()) == null
                                || "Exento".equals(tax.tipoFactor())) {
                            continue;
                        }
                        if (!AmountRules.withinRounding(tax.base(), rate, tax.importe())) {
                            sink.report(docto.idDocumento(), tax.impuesto(), tax.importe(),
                                    Amounts.parse(tax.base()).multiply(rate).setScale(Amounts.decimalsOf(
                                            tax.importe()), RoundingMode.HALF_UP).toPlainString());
                        }
                    }
                }
            }
        });
    }

    /**
     * Each payment's taxes (TrasladosP / RetencionesP) are its documents' taxes converted to the payment's currency
     * (÷ EquivalenciaDR) and grouped: transfers by tax, factor and rate (base and amount), withholdings by tax.
     * Each document's conversion may round by a cent.
     */
    static void paymentTaxes(Cfdi cfdi, ValidationContext context, Sink sink) {
        cfdi.pagos().ifPresent(pagos -> {
            int index = 0;
            for (Cfdi.Pago pago : pagos.pagos()) {
                index++;
                Map<String, BigDecimal[]> transfers = new LinkedHashMap<>();
                Map<String, BigDecimal[]> withholdings = new LinkedHashMap<>();
                int documents = 0;
                for (Cfdi.DoctoRelacionado docto : pago.documentos()) {
                    BigDecimal equivalence = Amounts.parse(docto.equivalenciaDr());
                    BigDecimal divisor = equivalence == null || equivalence.signum() == 0 ? BigDecimal.ONE : equivalence;
                    documents++;
                    for (Cfdi.Tax tax : docto.trasladosDr()) {
                        BigDecimal[] sums = transfers.computeIfAbsent(tax.impuesto() + "|" + tax.tipoFactor() + "|"
                                + AmountRules.normalizeRate(tax.tasaOCuota()), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                        sums[0] = sums[0].add(AmountRules.orZero(tax.base()).divide(divisor, 10, RoundingMode.HALF_UP));
                        sums[1] = sums[1].add(AmountRules.orZero(tax.importe()).divide(divisor, 10, RoundingMode.HALF_UP));
                    }
                    for (Cfdi.Tax tax : docto.retencionesDr()) {
                        BigDecimal[] sums = withholdings.computeIfAbsent(tax.impuesto(),
                                k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                        sums[1] = sums[1].add(AmountRules.orZero(tax.importe()).divide(divisor, 10, RoundingMode.HALF_UP));
                    }
                }
                BigDecimal tolerance = new BigDecimal("0.01").multiply(BigDecimal.valueOf(Math.max(documents, 1)));
                for (Cfdi.Tax tax : pago.trasladosP()) {
                    BigDecimal[] expected = transfers.remove(tax.impuesto() + "|" + tax.tipoFactor() + "|"
                            + AmountRules.normalizeRate(tax.tasaOCuota()));
                    String what = "TrasladoP " + tax.impuesto() + " " + tax.tipoFactor() + " "
                            + String.valueOf(tax.tasaOCuota());
                    if (expected == null) {
                        sink.report(index, what + " ImporteP " + tax.importe(), "0.00");
                        continue;
                    }
                    if (!AmountRules.close(tax.base(), expected[0], tolerance)) {
                        sink.report(index, what + " BaseP " + tax.base(), Amounts.round(expected[0], 2).toPlainString());
                    }
                    if (tax.importe() != null && !AmountRules.close(tax.importe(), expected[1], tolerance)) {
                        sink.report(index, what + " ImporteP " + tax.importe(),
                                Amounts.round(expected[1], 2).toPlainString());
                    }
                }
                for (Cfdi.Tax tax : pago.retencionesP()) {
                    BigDecimal[] expected = withholdings.remove(tax.impuesto());
                    String what = "RetencionP " + tax.impuesto() + " ImporteP " + tax.importe();
                    if (expected == null) {
                        sink.report(index, what, "0.00");
                    } else if (!AmountRules.close(tax.importe(), expected[1], tolerance)) {
                        sink.report(index, what, Amounts.round(expected[1], 2).toPlainString());
                    }
                }
                for (Map.Entry<String, BigDecimal[]> missing : transfers.entrySet()) {
                    sink.report(index, "TrasladoP " + missing.getKey().replace('|', ' ') + " ImporteP —",
                            Amounts.round(missing.getValue()[1], 2).toPlainString());
                }
                for (Map.Entry<String, BigDecimal[]> missing : withholdings.entrySet()) {
                    sink.report(index, "RetencionP " + missing.getKey() + " ImporteP —",
                            Amounts.round(missing.getValue()[1], 2).toPlainString());
                }
            }
        });
    }
}
