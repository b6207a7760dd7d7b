package mx.supplierportal.support;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds a TimbreFiscalDigital to a CFDI signed by the test CSD, as a PAC would (the stamp is not part of the issuer's
 * seal, so the seal stays valid). SAT's own seal over the stamp is not checked by the portal; it is a placeholder.
 */
public final class TestStamp {

    private static final Pattern SELLO = Pattern.compile(" Sello=\"([^\"]*)\"");
    private static final Pattern FECHA = Pattern.compile(" Fecha=\"([^\"]*)\"");

    private TestStamp() {
    }

    public static String stamp(byte[] signed, String uuid) {
        String xml = new String(signed, StandardCharsets.UTF_8);
        Matcher sello = SELLO.matcher(xml);
        Matcher fecha = FECHA.matcher(xml);
        if (!sello.find() || !fecha.find()) {
            throw new IllegalArgumentException("not a signed CFDI");
        }
        String stamp = "<tfd:TimbreFiscalDigital xmlns:tfd=\"http://www.sat.gob.mx/TimbreFiscalDigital\" Version=\"1.1\""
                + " SelloCFD=\"" + sello.group(1) + "\" NoCertificadoSAT=\"30001000000500003456\""
                + " RfcProvCertif=\"CVD110412TF6\" UUID=\"" + uuid + "\" FechaTimbrado=\""
                + LocalDateTime.parse(fecha.group(1)).plusMinutes(1).format(
                        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")) + "\" SelloSAT=\"c2VsbG8gZGUgcHJ1ZWJh\"/>";
        if (xml.contains("</cfdi:Complemento>")) {
            return xml.replace("</cfdi:Complemento>", stamp + "</cfdi:Complemento>");
        }
        return xml.replace("</cfdi:Comprobante>", "<cfdi:Complemento>" + stamp + "</cfdi:Complemento></cfdi:Comprobante>");
    }
}
