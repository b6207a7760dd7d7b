package mx.supplierportal.cfdi;

import java.util.Map;

/**
 * The descriptions of SAT's catalog codes a printed CFDI shows next to each code ("03 Transferencia electrónica de
 * fondos"): c_TipoDeComprobante, c_MetodoPago, c_FormaPago, the common c_UsoCFDI keys, c_Impuesto and, through
 * {@link RegimenFiscal}, c_RegimenFiscal. A code without a description here is shown alone.
 */
final class SatCatalogs {

    private static final Map<String, String> TIPO = Map.of("I", "Ingreso", "E", "Egreso", "T", "Traslado", "N",
            "Nómina", "P", "Pago");
    private static final Map<String, String> METODO = Map.of("PUE", "Pago en una sola exhibición", "PPD",
            "Pago en parcialidades o diferido");
    private static final Map<String, String> FORMA = Map.ofEntries(Map.entry("01", "Efectivo"),
            Map.entry("02", "Cheque nominativo"), Map.entry("03", "Transferencia electrónica de fondos"),
            Map.entry("04", "Tarjeta de crédito"), Map.entry("05", "Monedero electrónico"),
            Map.entry("06", "Dinero electrónico"), Map.entry("08", "Vales de despensa"),
            Map.entry("12", "Dación en pago"), Map.entry("13", "Pago por subrogación"),
            Map.entry("14", "Pago por consignación"), Map.entry("15", "Condonación"), Map.entry("17", "Compensación"),
            Map.entry("23", "Novación"), Map.entry("24", "Confusión"), Map.entry("25", "Remisión de deuda"),
            Map.entry("26", "Prescripción o caducidad"), Map.entry("27", "A satisfacción del acreedor"),
            Map.entry("28", "Tarjeta de débito"), Map.entry("29", "Tarjeta de servicios"),
            Map.entry("30", "Aplicación de anticipos"), Map.entry("31", "Intermediario pagos"),
            Map.entry("99", "Por definir"));
    private static final Map<String, String> USO = Map.ofEntries(Map.entry("G01", "Adquisición de mercancías"),
            Map.entry("G02", "Devoluciones, descuentos o bonificaciones"), Map.entry("G03", "Gastos en general"),
            Map.entry("I01", "Construcciones"), Map.entry("I02", "Mobiliario y equipo de oficina por inversiones"),
            Map.entry("I03", "Equipo de transporte"), Map.entry("I04", "Equipo de cómputo y accesorios"),
            Map.entry("I08", "Otra maquinaria y equipo"), Map.entry("S01", "Sin efectos fiscales"),
            Map.entry("CP01", "Pagos"), Map.entry("CN01", "Nómina"));
    private static final Map<String, String> IMPUESTO = Map.of("001", "ISR", "002", "IVA", "003", "IEPS");

    private SatCatalogs() {
    }

    static String tipoDeComprobante(String code) {
        return TIPO.getOrDefault(code, code);
    }

    static String impuesto(String code) {
        return IMPUESTO.getOrDefault(code, code);
    }

    static String metodoPago(String code) {
        return described(METODO, code);
    }

    static String formaPago(String code) {
        return described(FORMA, code);
    }

    static String usoCfdi(String code) {
        return described(USO, code);
    }

    static String regimen(String code) {
        return code == null ? "—" : RegimenFiscal.of(code).map(r -> code + " " + r.officialName()).orElse(code);
    }

    private static String described(Map<String, String> catalog, String code) {
        return code == null ? "—" : catalog.containsKey(code) ? code + " " + catalog.get(code) : code;
    }
}
