package mx.supplierportal.cfdi;

import java.util.List;

/**
 * The "cadena original" of a CFDI 4.0, the text its issuer signs: SAT's sequence (Anexo 20,
 * cadenaoriginal_4_0.xslt) re-stated in Java. Each node contributes its attributes in a fixed order, each as
 * {@code |value} with white space normalised; optional attributes only when present; the whole is framed as
 * {@code ||...||}. Child nodes follow in the fixed order of the XSLT, repeated ones in document order, complements
 * in place (Pagos 2.0 is supported; the TimbreFiscalDigital is never part of it).
 */
public final class CadenaOriginal {

    private static final String NS = Cfdi.NS;
    private static final String P = Cfdi.NS_PAGOS20;

    private final StringBuilder out = new StringBuilder(2048);
    private boolean unsupportedComplement;

    private CadenaOriginal() {
    }

    /** The cadena original; {@link Result#complete()} is false when a complement it cannot render is present. */
    public record Result(String text, boolean complete) {
    }

    public static Result of(Cfdi cfdi) {
        return of(cfdi.root());
    }

    public static Result of(XmlNode comprobante) {
        CadenaOriginal cadena = new CadenaOriginal();
        cadena.out.append('|');
        cadena.comprobante(comprobante);
        cadena.out.append("||");
        return new Result(cadena.out.toString(), !cadena.unsupportedComplement);
    }

    private void comprobante(XmlNode c) {
        req(c, "Version");
        opt(c, "Serie");
        opt(c, "Folio");
        req(c, "Fecha");
        opt(c, "FormaPago");
        req(c, "NoCertificado");
        opt(c, "CondicionesDePago");
        req(c, "SubTotal");
        opt(c, "Descuento");
        req(c, "Moneda");
        opt(c, "TipoCambio");
        req(c, "Total");
        req(c, "TipoDeComprobante");
        req(c, "Exportacion");
        opt(c, "MetodoPago");
        req(c, "LugarExpedicion");
        opt(c, "Confirmacion");
        for (XmlNode global : c.children(NS, "InformacionGlobal")) {
            req(global, "Periodicidad");
            req(global, "Meses");
            req(global, "Año");
        }
        for (XmlNode relacionados : c.children(NS, "CfdiRelacionados")) {
            req(relacionados, "TipoRelacion");
            for (XmlNode relacionado : relacionados.children(NS, "CfdiRelacionado")) {
                req(relacionado, "UUID");
            }
        }
        for (XmlNode emisor : c.children(NS, "Emisor")) {
            req(emisor, "Rfc");
            req(emisor, "Nombre");
            req(emisor, "RegimenFiscal");
            opt(emisor, "FacAtrAdquirente");
        }
        for (XmlNode receptor : c.children(NS, "Receptor")) {
            req(receptor, "Rfc");
            req(receptor, "Nombre");
            req(receptor, "DomicilioFiscalReceptor");
            opt(receptor, "ResidenciaFiscal");
            opt(receptor, "NumRegIdTrib");
            req(receptor, "RegimenFiscalReceptor");
            req(receptor, "UsoCFDI");
        }
        for (XmlNode concepto : c.path(NS, "Conceptos", "Concepto")) {
            concepto(concepto);
        }
        for (XmlNode impuestos : c.children(NS, "Impuestos")) {
            for (XmlNode retencion : impuestos.path(NS, "Retenciones", "Retencion")) {
                req(retencion, "Impuesto");
                req(retencion, "Importe");
            }
            opt(impuestos, "TotalImpuestosRetenidos");
            for (XmlNode traslado : impuestos.path(NS, "Traslados", "Traslado")) {
                transfer(traslado, "");
            }
            opt(impuestos, "TotalImpuestosTrasladados");
        }
        for (XmlNode complemento : c.children(NS, "Complemento")) {
            for (XmlNode child : complemento.children()) {
                complement(child);
            }
        }
    }

    private void concepto(XmlNode c) {
        req(c, "ClaveProdServ");
        opt(c, "NoIdentificacion");
        req(c, "Cantidad");
        req(c, "ClaveUnidad");
        opt(c, "Unidad");
        req(c, "Descripcion");
        req(c, "ValorUnitario");
        req(c, "Importe");
        opt(c, "Descuento");
        req(c, "ObjetoImp");
        for (XmlNode traslado : c.path(NS, "Impuestos", "Traslados", "Traslado")) {
            transfer(traslado, "");
        }
        for (XmlNode retencion : c.path(NS, "Impuestos", "Retenciones", "Retencion")) {
            req(retencion, "Base");
            req(retencion, "Impuesto");
            req(retencion, "TipoFactor");
            req(retencion, "TasaOCuota");
            req(retencion, "Importe");
        }
        for (XmlNode terceros : c.children(NS, "ACuentaTerceros")) {
            req(terceros, "RfcACuentaTerceros");
            req(terceros, "NombreACuentaTerceros");
            req(terceros, "RegimenFiscalACuentaTerceros");
            req(terceros, "DomicilioFiscalACuentaTerceros");
        }
        for (XmlNode aduana : c.children(NS, "InformacionAduanera")) {
            req(aduana, "NumeroPedimento");
        }
        for (XmlNode predial : c.children(NS, "CuentaPredial")) {
            req(predial, "Numero");
        }
        for (XmlNode complemento : c.children(NS, "ComplementoConcepto")) {
            for (XmlNode child : complemento.children()) {
                complement(child);
            }
        }
        for (XmlNode parte : c.descendants(NS, "Parte")) {
            req(parte, "ClaveProdServ");
            opt(parte, "NoIdentificacion");
            req(parte, "Cantidad");
            opt(parte, "Unidad");
            req(parte, "Descripcion");
            opt(parte, "ValorUnitario");
            opt(parte, "Importe");
            for (XmlNode aduana : parte.descendants(NS, "InformacionAduanera")) {
                req(aduana, "NumeroPedimento");
            }
        }
    }

    private void complement(XmlNode node) {
        if (node.is(Cfdi.NS_TFD, "TimbreFiscalDigital")) {
            return; // added by the PAC after sealing: not part of the issuer's cadena original
        }
        if (node.is(P, "Pagos")) {
            pagos(node);
            return;
        }
        unsupportedComplement = true;
    }

    private void pagos(XmlNode pagos) {
        req(pagos, "Version");
        for (XmlNode totales : pagos.children(P, "Totales")) {
            for (String name : List.of("TotalRetencionesIVA", "TotalRetencionesISR", "TotalRetencionesIEPS",
                    "TotalTrasladosBaseIVA16", "TotalTrasladosImpuestoIVA16", "TotalTrasladosBaseIVA8",
                    "TotalTrasladosImpuestoIVA8", "TotalTrasladosBaseIVA0", "TotalTrasladosImpuestoIVA0",
                    "TotalTrasladosBaseIVAExento")) {
                opt(totales, name);
            }
            req(totales, "MontoTotalPagos");
        }
        for (XmlNode pago : pagos.children(P, "Pago")) {
            req(pago, "FechaPago");
            req(pago, "FormaDePagoP");
            req(pago, "MonedaP");
            opt(pago, "TipoCambioP");
            req(pago, "Monto");
            for (String name : List.of("NumOperacion", "RfcEmisorCtaOrd", "NomBancoOrdExt", "CtaOrdenante",
                    "RfcEmisorCtaBen", "CtaBeneficiario", "TipoCadPago", "CertPago", "CadPago", "SelloPago")) {
                opt(pago, name);
            }
            for (XmlNode docto : pago.children(P, "DoctoRelacionado")) {
                req(docto, "IdDocumento");
                opt(docto, "Serie");
                opt(docto, "Folio");
                req(docto, "MonedaDR");
                opt(docto, "EquivalenciaDR");
                req(docto, "NumParcialidad");
                req(docto, "ImpSaldoAnt");
                req(docto, "ImpPagado");
                req(docto, "ImpSaldoInsoluto");
                req(docto, "ObjetoImpDR");
                for (XmlNode retencion : docto.path(P, "ImpuestosDR", "RetencionesDR", "RetencionDR")) {
                    req(retencion, "BaseDR");
                    req(retencion, "ImpuestoDR");
                    req(retencion, "TipoFactorDR");
                    req(retencion, "TasaOCuotaDR");
                    req(retencion, "ImporteDR");
                }
                for (XmlNode traslado : docto.path(P, "ImpuestosDR", "TrasladosDR", "TrasladoDR")) {
                    transfer(traslado, "DR");
                }
            }
            for (XmlNode impuestos : pago.children(P, "ImpuestosP")) {
                for (XmlNode retencion : impuestos.path(P, "RetencionesP", "RetencionP")) {
                    req(retencion, "ImpuestoP");
                    req(retencion, "ImporteP");
                }
                for (XmlNode traslado : impuestos.path(P, "TrasladosP", "TrasladoP")) {
                    transfer(traslado, "P");
                }
            }
        }
    }

    /** A transferred tax line (item, header, DR or P level: the suffix): rate and amount optional, for Exento. */
    private void transfer(XmlNode traslado, String suffix) {
        req(traslado, "Base" + suffix);
        req(traslado, "Impuesto" + suffix);
        req(traslado, "TipoFactor" + suffix);
        opt(traslado, "TasaOCuota" + suffix);
        opt(traslado, "Importe" + suffix);
    }

    /** A required attribute: always a separator, even when (wrongly) absent. */
    private void req(XmlNode node, String attribute) {
        out.append('|');
        appendNormalized(out, node.attr(attribute));
    }

    private void opt(XmlNode node, String attribute) {
        String value = node.attr(attribute);
        if (value != null) {
            out.append('|');
            appendNormalized(out, value);
        }
    }

    /** XPath normalize-space: no leading or trailing white space, inner runs become one space. */
    static void appendNormalized(StringBuilder out, String value) {
        if (value == null) {
            return;
        }
        boolean pendingSpace = false;
        boolean started = false;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
                pendingSpace = started;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(ch);
                started = true;
            }
        }
    }
}
