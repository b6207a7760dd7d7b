package mx.supplierportal.cfdi;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seals a CFDI as the issuer's software does: NoCertificado and Certificado from the issuer's CSD, then Sello =
 * SHA256withRSA over the cadena original (SAT's, {@link IssuerSeal#cadenaOf}). Only the three attributes of the
 * Comprobante's start tag change; the rest of the document stays byte for byte.
 */
public final class Sealer {

    private static final Pattern START_TAG = Pattern.compile("<([A-Za-z_][\\w.-]*:)?Comprobante\\b[^>]*>");

    private Sealer() {
    }

    public static byte[] seal(byte[] xml, X509Certificate certificate, PrivateKey key) throws CfdiReadException {
        String withCertificate;
        try {
            withCertificate = attribute(attribute(new String(xml, StandardCharsets.UTF_8), "NoCertificado",
                    noCertificado(certificate)), "Certificado",
                    Base64.getEncoder().encodeToString(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded", e);
        }
        String unsealed = attribute(withCertificate, "Sello", "");
        Cfdi cfdi = new CfdiReader().read(unsealed.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(IssuerSeal.cadenaOf(cfdi).getBytes(StandardCharsets.UTF_8));
            return attribute(unsealed, "Sello", Base64.getEncoder().encodeToString(signature.sign()))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the key cannot sign with SHA256withRSA", e);
        }
    }

    /**
     * The CFDI with these attributes of the Comprobante set (or added), escaped for XML; the rest stays byte for
     * byte. For what the issuer's software fills before sealing: Serie, Folio, Fecha.
     */
    public static byte[] withAttributes(byte[] xml, java.util.Map<String, String> attributes) throws CfdiReadException {
        String result = new String(xml, StandardCharsets.UTF_8);
        for (var attribute : attributes.entrySet()) {
            result = attribute(result, attribute.getKey(), escaped(attribute.getValue()));
        }
        return result.getBytes(StandardCharsets.UTF_8);
    }

    private static String escaped(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;").replace("'", "&apos;");
    }

    /** SAT's certificate number (NoCertificado) of a certificate: the ASCII text of its serial number's bytes. */
    public static String noCertificado(X509Certificate certificate) {
        return IssuerSeal.satSerial(certificate.getSerialNumber());
    }

    /** Sets (or adds) an attribute of the Comprobante's start tag; {@code value} is already escaped for XML. */
    private static String attribute(String xml, String name, String value) throws CfdiReadException {
        Matcher tag = START_TAG.matcher(xml);
        if (!tag.find()) {
            new CfdiReader().read(xml.getBytes(StandardCharsets.UTF_8)); // says what is wrong with it
            throw new IllegalArgumentException("no Comprobante element");
        }
        String start = tag.group();
        Matcher existing = Pattern.compile("(\\s" + name + "\\s*=\\s*)(\"[^\"]*\"|'[^']*')").matcher(start);
        String changed = existing.find()
                ? start.substring(0, existing.start()) + existing.group(1) + "\"" + value + "\""
                        + start.substring(existing.end())
                : start.replaceFirst("\\s*(/?)>$", Matcher.quoteReplacement(" " + name + "=\"" + value + "\"") + "$1>");
        return xml.substring(0, tag.start()) + changed + xml.substring(tag.end());
    }
}
