package mx.supplierportal.cfdi;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Makes new test CFDIs signed with SAT's test CSD (EKU9003173C9). The signature uses this project's own cadena
 * original builder, so these files test the rules, not the builder: the shared samples prove the builder.
 */
public final class TestCfdis {

    static final String CERTIFICATE;
    static final String CERTIFICATE_NUMBER = "30001000000500003416";
    private static final PrivateKey KEY;
    private static final java.security.cert.X509Certificate X509;

    static {
        try (InputStream cer = TestCfdis.class.getResourceAsStream("/cfdi/EKU9003173C9.cer");
                InputStream pem = TestCfdis.class.getResourceAsStream("/cfdi/EKU9003173C9.key.pem")) {
            byte[] der = cer.readAllBytes();
            CERTIFICATE = Base64.getEncoder().encodeToString(der);
            X509 = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(der));
            String key = new String(pem.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            KEY = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(key)));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TestCfdis() {
    }

    /** Every rule, trusting SAT's test certificate as the tests and the demo do (the shared sample is stamped by it). */
    public static CfdiValidator validator() {
        return new CfdiValidator(SatCertificates.bundled().trustingTestCertificate());
    }

    /** An invoice (I, PUE, MXN) with two items: IVA 16 % on both, ISR withheld on the second. */
    public static String invoice() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/4" Version="4.0" Serie="T" Folio="1" \
                Fecha="2025-03-10T10:00:00" FormaPago="03" NoCertificado="@NUMBER@" Certificado="@CERT@" \
                SubTotal="1500.00" Moneda="MXN" Total="1640.00" TipoDeComprobante="I" Exportacion="01" \
                MetodoPago="PUE" LugarExpedicion="86000" Sello="">
                  <cfdi:Emisor Rfc="EKU9003173C9" Nombre="ESCUELA KEMPER URGATE" RegimenFiscal="601"/>
                  <cfdi:Receptor Rfc="MCI7306249Y1" Nombre="MUNICIPIO DE CUAUTITLAN IZCALLI" \
                DomicilioFiscalReceptor="54700" RegimenFiscalReceptor="603" UsoCFDI="G03"/>
                  <cfdi:Conceptos>
                    <cfdi:Concepto ClaveProdServ="43211500" Cantidad="2" ClaveUnidad="H87" Descripcion="Laptop" \
                ValorUnitario="500.00" Importe="1000.00" ObjetoImp="02">
                      <cfdi:Impuestos><cfdi:Traslados>
                        <cfdi:Traslado Base="1000.00" Impuesto="002" TipoFactor="Tasa" TasaOCuota="0.160000" Importe="160.00"/>
                      </cfdi:Traslados></cfdi:Impuestos>
                    </cfdi:Concepto>
                    <cfdi:Concepto ClaveProdServ="80111600" Cantidad="1" ClaveUnidad="E48" Descripcion="Soporte" \
                ValorUnitario="500.00" Importe="500.00" ObjetoImp="02">
                      <cfdi:Impuestos><cfdi:Traslados>
                        <cfdi:Traslado Base="500.00" Impuesto="002" TipoFactor="Tasa" TasaOCuota="0.160000" Importe="80.00"/>
                      </cfdi:Traslados><cfdi:Retenciones>
                        <cfdi:Retencion Base="500.00" Impuesto="001" TipoFactor="Tasa" TasaOCuota="0.200000" Importe="100.00"/>
                      </cfdi:Retenciones></cfdi:Impuestos>
                    </cfdi:Concepto>
                  </cfdi:Conceptos>
                  <cfdi:Impuestos TotalImpuestosRetenidos="100.00" TotalImpuestosTrasladados="240.00">
                    <cfdi:Retenciones><cfdi:Retencion Impuesto="001" Importe="100.00"/></cfdi:Retenciones>
                    <cfdi:Traslados><cfdi:Traslado Base="1500.00" Impuesto="002" TipoFactor="Tasa" TasaOCuota="0.160000" Importe="240.00"/></cfdi:Traslados>
                  </cfdi:Impuestos>
                </cfdi:Comprobante>
                """;
    }

    /**
     * {@link #invoice()} as a business hands it to the portal's stamping unsealed: without Serie, Folio, Fecha,
     * NoCertificado, Certificado and Sello (the portal fills them from the series, the clock and the CSD).
     */
    public static String unsealedInvoice() {
        return invoice().replace(" Serie=\"T\" Folio=\"1\"", "").replace(" Fecha=\"2025-03-10T10:00:00\"", "")
                .replace(" NoCertificado=\"@NUMBER@\" Certificado=\"@CERT@\"", "").replace(" Sello=\"\"", "");
    }

    /** A payment receipt (P) with Pagos 2.0: one payment of 1160.00 MXN for one PPD invoice. */
    public static String payment() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/4" xmlns:pago20="http://www.sat.gob.mx/Pagos20" \
                Version="4.0" Fecha="2025-04-01T12:00:00" NoCertificado="@NUMBER@" Certificado="@CERT@" SubTotal="0" \
                Moneda="XXX" Total="0" TipoDeComprobante="P" Exportacion="01" LugarExpedicion="86000" Sello="">
                  <cfdi:Emisor Rfc="EKU9003173C9" Nombre="ESCUELA KEMPER URGATE" RegimenFiscal="601"/>
                  <cfdi:Receptor Rfc="MCI7306249Y1" Nombre="MUNICIPIO DE CUAUTITLAN IZCALLI" \
                DomicilioFiscalReceptor="54700" RegimenFiscalReceptor="603" UsoCFDI="CP01"/>
                  <cfdi:Conceptos>
                    <cfdi:Concepto ClaveProdServ="84111506" Cantidad="1" ClaveUnidad="ACT" Descripcion="Pago" \
                ValorUnitario="0" Importe="0" ObjetoImp="01"/>
                  </cfdi:Conceptos>
                  <cfdi:Complemento>
                    <pago20:Pagos Version="2.0">
                      <pago20:Totales TotalTrasladosBaseIVA16="1000.00" TotalTrasladosImpuestoIVA16="160.00" MontoTotalPagos="1160.00"/>
                      <pago20:Pago FechaPago="2025-03-31T12:00:00" FormaDePagoP="03" MonedaP="MXN" TipoCambioP="1" Monto="1160.00">
                        <pago20:DoctoRelacionado IdDocumento="6128396f-c09b-4ec6-8699-43c5f7e3b230" MonedaDR="MXN" \
                EquivalenciaDR="1" NumParcialidad="1" ImpSaldoAnt="2320.00" ImpPagado="1160.00" \
                ImpSaldoInsoluto="1160.00" ObjetoImpDR="02">
                          <pago20:ImpuestosDR><pago20:TrasladosDR>
                            <pago20:TrasladoDR BaseDR="1000.00" ImpuestoDR="002" TipoFactorDR="Tasa" TasaOCuotaDR="0.160000" ImporteDR="160.00"/>
                          </pago20:TrasladosDR></pago20:ImpuestosDR>
                        </pago20:DoctoRelacionado>
                        <pago20:ImpuestosP><pago20:TrasladosP>
                          <pago20:TrasladoP BaseP="1000.00" ImpuestoP="002" TipoFactorP="Tasa" TasaOCuotaP="0.160000" ImporteP="160.00"/>
                        </pago20:TrasladosP></pago20:ImpuestosP>
                      </pago20:Pago>
                    </pago20:Pagos>
                  </cfdi:Complemento>
                </cfdi:Comprobante>
                """;
    }

    /** The invoice with a Leyendas Fiscales 1.0 complement (one the Java cadena does not cover). */
    static String invoiceWithLeyenda() {
        return invoice()
                .replace("xmlns:cfdi=\"http://www.sat.gob.mx/cfd/4\"", "xmlns:cfdi=\"http://www.sat.gob.mx/cfd/4\" "
                        + "xmlns:leyendasFisc=\"http://www.sat.gob.mx/leyendasFiscales\"")
                .replace("</cfdi:Comprobante>", "<cfdi:Complemento><leyendasFisc:LeyendasFiscales version=\"1.0\">"
                        + "<leyendasFisc:Leyenda disposicionFiscal=\"RESDERAUTH\" norma=\"Artículo 2.\" "
                        + "textoLeyenda=\"Obra de arte original\"/></leyendasFisc:LeyendasFiscales>"
                        + "</cfdi:Complemento></cfdi:Comprobante>");
    }

    /** Fills in the certificate and signs the cadena original, as an issuer's software would. */
    public static byte[] signed(String template) {
        String xml = template.replace("@NUMBER@", CERTIFICATE_NUMBER).replace("@CERT@", CERTIFICATE);
        try {
            return Sealer.seal(xml.getBytes(StandardCharsets.UTF_8), X509, KEY);
        } catch (CfdiReadException e) {
            throw new IllegalStateException(e);
        }
    }
}
