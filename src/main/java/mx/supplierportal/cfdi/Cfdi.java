package mx.supplierportal.cfdi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CFDI 4.0 as read from its XML. Values are kept exactly as written (strings): the rules check their shape and
 * then compute with {@link Amounts}. {@link #root()} is the whole document, for anything not modelled here;
 * {@link #source()} the bytes it was read from (SAT's stylesheets compute a cadena from them).
 */
public record Cfdi(
        XmlNode root,
        Comprobante comprobante,
        Optional<InformacionGlobal> informacionGlobal,
        List<Relacionados> relacionados,
        Emisor emisor,
        Receptor receptor,
        List<Concepto> conceptos,
        Optional<Impuestos> impuestos,
        Optional<Timbre> timbre,
        Optional<Pagos> pagos,
        List<XmlNode> otherComplements,
        byte[] source) {

    public static final String NS = "http://www.sat.gob.mx/cfd/4";
    public static final String NS_TFD = "http://www.sat.gob.mx/TimbreFiscalDigital";
    public static final String NS_PAGOS20 = "http://www.sat.gob.mx/Pagos20";
    public static final String NS_IMPLOCAL = "http://www.sat.gob.mx/implocal";

    /** The Comprobante's own attributes; {@link #attributes()} has every one, including unknown ones. */
    public record Comprobante(Map<String, String> attributes) {

        public String get(String name) {
            return attributes.get(name);
        }

        public String version() { return get("Version"); }
        public String serie() { return get("Serie"); }
        public String folio() { return get("Folio"); }
        public String fecha() { return get("Fecha"); }
        public String sello() { return get("Sello"); }
        public String formaPago() { return get("FormaPago"); }
        public String noCertificado() { return get("NoCertificado"); }
        public String certificado() { return get("Certificado"); }
        public String condicionesDePago() { return get("CondicionesDePago"); }
        public String subTotal() { return get("SubTotal"); }
        public String descuento() { return get("Descuento"); }
        public String moneda() { return get("Moneda"); }
        public String tipoCambio() { return get("TipoCambio"); }
        public String total() { return get("Total"); }
        public String tipoDeComprobante() { return get("TipoDeComprobante"); }
        public String exportacion() { return get("Exportacion"); }
        public String metodoPago() { return get("MetodoPago"); }
        public String lugarExpedicion() { return get("LugarExpedicion"); }
        public String confirmacion() { return get("Confirmacion"); }
    }

    public record InformacionGlobal(String periodicidad, String meses, String anio) {
    }

    public record Relacionados(String tipoRelacion, List<String> uuids) {
    }

    public record Emisor(String rfc, String nombre, String regimenFiscal, String facAtrAdquirente) {
    }

    public record Receptor(String rfc, String nombre, String domicilioFiscalReceptor, String residenciaFiscal,
            String numRegIdTrib, String regimenFiscalReceptor, String usoCfdi) {
    }

    /** A transferred or withheld tax line (concept level, header level, or a payment's DR/P level). */
    public record Tax(String base, String impuesto, String tipoFactor, String tasaOCuota, String importe) {
    }

    public record Concepto(String claveProdServ, String noIdentificacion, String cantidad, String claveUnidad,
            String unidad, String descripcion, String valorUnitario, String importe, String descuento,
            String objetoImp, List<Tax> traslados, List<Tax> retenciones) {
    }

    public record Impuestos(String totalImpuestosRetenidos, String totalImpuestosTrasladados, List<Tax> traslados,
            List<Tax> retenciones) {
    }

    /** TimbreFiscalDigital 1.1: the PAC's stamp. */
    public record Timbre(String version, String uuid, String fechaTimbrado, String rfcProvCertif, String selloCfd,
            String noCertificadoSat, String selloSat, String leyenda) {
    }

    /** Complemento para recepción de pagos 2.0. */
    public record Pagos(String version, Map<String, String> totales, List<Pago> pagos) {
    }

    public record Pago(Map<String, String> attributes, List<DoctoRelacionado> documentos, List<Tax> trasladosP,
            List<Tax> retencionesP) {

        public String fechaPago() { return attributes.get("FechaPago"); }
        public String formaDePagoP() { return attributes.get("FormaDePagoP"); }
        public String monedaP() { return attributes.get("MonedaP"); }
        public String tipoCambioP() { return attributes.get("TipoCambioP"); }
        public String monto() { return attributes.get("Monto"); }
    }

    public record DoctoRelacionado(String idDocumento, String serie, String folio, String monedaDr,
            String equivalenciaDr, String numParcialidad, String impSaldoAnt, String impPagado,
            String impSaldoInsoluto, String objetoImpDr, List<Tax> trasladosDr, List<Tax> retencionesDr) {
    }

    public boolean isStamped() {
        return timbre.isPresent();
    }
}
