package mx.supplierportal.cfdi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a CFDI 4.0 from bytes: any namespace prefix, any attribute order, with or without BOM, any formatting. */
public final class CfdiReader {

    /**
     * The most Conceptos a CFDI may have here. SAT sets no number, but PACs refuse files over a few MB and every
     * Concepto costs validation work and findings; a real invoice with more is split by its issuer.
     */
    public static final int DEFAULT_MAX_CONCEPTOS = 5_000;

    private final int maxBytes;
    private final int maxConceptos;

    public CfdiReader() {
        this(SafeXml.DEFAULT_MAX_BYTES);
    }

    public CfdiReader(int maxBytes) {
        this(maxBytes, DEFAULT_MAX_CONCEPTOS);
    }

    public CfdiReader(int maxBytes, int maxConceptos) {
        this.maxBytes = maxBytes;
        this.maxConceptos = maxConceptos;
    }

    public Cfdi read(byte[] xml) throws CfdiReadException {
        XmlNode root = SafeXml.parse(xml, maxBytes);
        if (!"Comprobante".equals(root.name()) || !Cfdi.NS.equals(root.namespace())) {
            if ("Comprobante".equals(root.name()) && root.namespace().startsWith("http://www.sat.gob.mx/cfd/")) {
                String version = root.attr("Version") != null ? root.attr("Version") : root.attr("version");
                throw new CfdiReadException(Finding.error("CFDI-VERSION", String.valueOf(version)));
            }
            throw new CfdiReadException(Finding.error("CFDI-NOT-CFDI", root.name()));
        }
        int conceptos = root.path(Cfdi.NS, "Conceptos", "Concepto").size();
        if (conceptos > maxConceptos) {
            throw new CfdiReadException(Finding.error("CFDI-TOO-MANY-CONCEPTOS", conceptos, maxConceptos));
        }
        return build(root, xml.clone());
    }

    static Cfdi build(XmlNode root, byte[] source) {
        String ns = Cfdi.NS;
        Optional<Cfdi.InformacionGlobal> global = root.child(ns, "InformacionGlobal")
                .map(n -> new Cfdi.InformacionGlobal(n.attr("Periodicidad"), n.attr("Meses"), n.attr("Año")));
        List<Cfdi.Relacionados> relacionados = root.children(ns, "CfdiRelacionados").stream()
                .map(n -> new Cfdi.Relacionados(n.attr("TipoRelacion"),
                        n.children(ns, "CfdiRelacionado").stream().map(r -> r.attr("UUID")).toList()))
                .toList();
        XmlNode emisorNode = root.child(ns, "Emisor").orElse(null);
        Cfdi.Emisor emisor = emisorNode == null ? null : new Cfdi.Emisor(emisorNode.attr("Rfc"),
                emisorNode.attr("Nombre"), emisorNode.attr("RegimenFiscal"), emisorNode.attr("FacAtrAdquirente"));
        XmlNode r = root.child(ns, "Receptor").orElse(null);
        Cfdi.Receptor receptor = r == null ? null : new Cfdi.Receptor(r.attr("Rfc"), r.attr("Nombre"),
                r.attr("DomicilioFiscalReceptor"), r.attr("ResidenciaFiscal"), r.attr("NumRegIdTrib"),
                r.attr("RegimenFiscalReceptor"), r.attr("UsoCFDI"));
        List<Cfdi.Concepto> conceptos = root.path(ns, "Conceptos", "Concepto").stream()
                .map(c -> new Cfdi.Concepto(c.attr("ClaveProdServ"), c.attr("NoIdentificacion"), c.attr("Cantidad"),
                        c.attr("ClaveUnidad"), c.attr("Unidad"), c.attr("Descripcion"), c.attr("ValorUnitario"),
                        c.attr("Importe"), c.attr("Descuento"), c.attr("ObjetoImp"),
                        taxes(c.path(ns, "Impuestos", "Traslados", "Traslado"), ""),
                        taxes(c.path(ns, "Impuestos", "Retenciones", "Retencion"), "")))
                .toList();
        Optional<Cfdi.Impuestos> impuestos = root.child(ns, "Impuestos")
                .map(i -> new Cfdi.Impuestos(i.attr("TotalImpuestosRetenidos"), i.attr("TotalImpuestosTrasladados"),
                        taxes(i.path(ns, "Traslados", "Traslado"), ""),
                        taxes(i.path(ns, "Retenciones", "Retencion"), "")));

        Optional<Cfdi.Timbre> timbre = Optional.empty();
        Optional<Cfdi.Pagos> pagos = Optional.empty();
        List<XmlNode> others = new ArrayList<>();
        for (XmlNode complemento : root.children(ns, "Complemento")) {
            for (XmlNode c : complemento.children()) {
                if (c.is(Cfdi.NS_TFD, "TimbreFiscalDigital") && timbre.isEmpty()) {
                    timbre = Optional.of(new Cfdi.Timbre(c.attr("Version"), c.attr("UUID"), c.attr("FechaTimbrado"),
                            c.attr("RfcProvCertif"), c.attr("SelloCFD"), c.attr("NoCertificadoSAT"),
                            c.attr("SelloSAT"), c.attr("Leyenda")));
                } else if (c.is(Cfdi.NS_PAGOS20, "Pagos") && pagos.isEmpty()) {
                    pagos = Optional.of(pagos(c));
                } else {
                    others.add(c);
                }
            }
        }
        return new Cfdi(root, new Cfdi.Comprobante(root.attributes()), global, relacionados, emisor, receptor,
                conceptos, impuestos, timbre, pagos, others, source);
    }

    private static Cfdi.Pagos pagos(XmlNode node) {
        String ns = Cfdi.NS_PAGOS20;
        List<Cfdi.Pago> pagos = node.children(ns, "Pago").stream().map(p -> new Cfdi.Pago(p.attributes(),
                p.children(ns, "DoctoRelacionado").stream().map(d -> new Cfdi.DoctoRelacionado(d.attr("IdDocumento"),
                        d.attr("Serie"), d.attr("Folio"), d.attr("MonedaDR"), d.attr("EquivalenciaDR"),
                        d.attr("NumParcialidad"), d.attr("ImpSaldoAnt"), d.attr("ImpPagado"),
                        d.attr("ImpSaldoInsoluto"), d.attr("ObjetoImpDR"),
                        taxes(d.path(ns, "ImpuestosDR", "TrasladosDR", "TrasladoDR"), "DR"),
                        taxes(d.path(ns, "ImpuestosDR", "RetencionesDR", "RetencionDR"), "DR"))).toList(),
                taxes(p.path(ns, "ImpuestosP", "TrasladosP", "TrasladoP"), "P"),
                taxes(p.path(ns, "ImpuestosP", "RetencionesP", "RetencionP"), "P"))).toList();
        Optional<XmlNode> totales = node.child(ns, "Totales");
        return new Cfdi.Pagos(node.attr("Version"), totales.map(XmlNode::attributes).orElse(java.util.Map.of()),
                pagos);
    }

    private static List<Cfdi.Tax> taxes(List<XmlNode> nodes, String suffix) {
        return nodes.stream().map(t -> new Cfdi.Tax(t.attr("Base" + suffix), t.attr("Impuesto" + suffix),
                t.attr("TipoFactor" + suffix), t.attr("TasaOCuota" + suffix), t.attr("Importe" + suffix))).toList();
    }
}
