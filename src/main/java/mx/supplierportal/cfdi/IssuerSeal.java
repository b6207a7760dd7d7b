package mx.supplierportal.cfdi;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The issuer's seal: the certificate in {@code Certificado} must be the one named by {@code NoCertificado}, belong
 * to the Emisor's RFC and be valid on {@code Fecha}; {@code Sello} must be the SHA256withRSA signature of the
 * cadena original under that certificate's key.
 */
final class IssuerSeal {

    /** CFDI dates carry no zone: they are the issuer's local time, taken here as central Mexico's. */
    static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    private static final Pattern UNIQUE_ID = Pattern.compile("2\\.5\\.4\\.45=#?([^,+]+)|UID=([^,+]+)");
    private static final ThreadLocal<CertificateFactory> FACTORIES = ThreadLocal.withInitial(() -> {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private IssuerSeal() {
    }

    static List<Finding> check(Cfdi cfdi) {
        List<Finding> findings = new ArrayList<>();
        Cfdi.Comprobante c = cfdi.comprobante();
        if (isBlank(c.certificado()) || isBlank(c.sello()) || isBlank(c.noCertificado())) {
            findings.add(Finding.error("SEAL-MISSING"));
            return findings;
        }
        X509Certificate certificate;
        try {
            byte[] der = Base64.getMimeDecoder().decode(c.certificado());
            certificate = (X509Certificate) FACTORIES.get().generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            findings.add(Finding.error("SEAL-CERT-UNREADABLE"));
            return findings;
        }
        String serial = satSerial(certificate.getSerialNumber());
        if (!serial.equals(c.noCertificado().strip())) {
            findings.add(Finding.error("SEAL-CERT-NUMBER", c.noCertificado(), serial));
        }
        String certificateRfc = rfcOf(certificate);
        if (cfdi.emisor() != null && certificateRfc != null
                && !certificateRfc.equalsIgnoreCase(String.valueOf(cfdi.emisor().rfc()).strip())) {
            findings.add(Finding.error("SEAL-CERT-RFC", certificateRfc, cfdi.emisor().rfc()));
        }
        try {
            LocalDateTime fecha = LocalDateTime.parse(c.fecha());
            java.time.Instant when = fecha.atZone(MEXICO).toInstant();
            if (when.isBefore(certificate.getNotBefore().toInstant())
                    || when.isAfter(certificate.getNotAfter().toInstant())) {
                findings.add(Finding.error("SEAL-CERT-VALIDITY", c.fecha(),
                        certificate.getNotBefore().toInstant().toString(),
                        certificate.getNotAfter().toInstant().toString()));
            }
        } catch (DateTimeParseException | NullPointerException e) {
            // the date's shape is another rule's finding
        }
        String cadena = cadenaOf(cfdi);
        if (cadena == null) {
            findings.add(Finding.warning("SEAL-UNVERIFIABLE-COMPLEMENT", unknownComplements(cfdi)));
            return findings;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(cadena.getBytes(StandardCharsets.UTF_8));
            byte[] seal = Base64.getMimeDecoder().decode(c.sello());
            if (!verifier.verify(seal)) {
                findings.add(Finding.error("SEAL-INVALID"));
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            findings.add(Finding.error("SEAL-INVALID"));
        }
        return findings;
    }

    /** SAT writes a certificate number as the ASCII text of the serial number's bytes. */
    static String satSerial(BigInteger serial) {
        byte[] bytes = serial.toByteArray();
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            if (b != 0) {
                text.append((char) b);
            }
        }
        return text.toString();
    }

    /** The RFC in the subject's x500UniqueIdentifier ("EKU9003173C9 / VADA800927DJ3": the first is the owner's). */
    static String rfcOf(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253);
        Matcher matcher = UNIQUE_ID.matcher(subject);
        while (matcher.find()) {
            String value = matcher.group(1) != null ? decodeHexValue(matcher.group(1)) : matcher.group(2);
            String first = value.split("/")[0].strip();
            if (!first.isEmpty()) {
                return first;
            }
        }
        return null;
    }

    /** RFC 2253 writes unknown attribute types as "#" + hex of their DER; the value is a printable string. */
    private static String decodeHexValue(String hex) {
        if (!hex.matches("[0-9A-Fa-f]+")) {
            return hex;
        }
        byte[] der = new BigInteger(hex, 16).toByteArray();
        int offset = der[0] == 0 ? 1 : 0; // sign byte
        int length = der[offset + 1] & 0xFF;
        int start = offset + 2;
        if ((length & 0x80) != 0) {
            int lengthBytes = length & 0x7F;
            length = 0;
            for (int i = 0; i < lengthBytes; i++) {
                length = (length << 8) | (der[start + i] & 0xFF);
            }
            start += lengthBytes;
        }
        return new String(der, start, Math.min(length, der.length - start), StandardCharsets.UTF_8);
    }

    /**
     * The cadena the seal signs: the Java path where it covers every complement (fast), else SAT's own stylesheet
     * when it knows every complement's namespace; null when a complement is unknown to SAT's stylesheet too.
     */
    static String cadenaOf(Cfdi cfdi) {
        CadenaOriginal.Result java = CadenaOriginal.of(cfdi);
        if (java.complete()) {
            return java.text();
        }
        if (!unknownComplements(cfdi).isEmpty() || cfdi.source() == null) {
            return null;
        }
        try {
            return SatCadena.CFDI_40.of(cfdi.source());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The complements (by name and namespace) whose cadena SAT's stylesheet does not define. */
    private static String unknownComplements(Cfdi cfdi) {
        List<XmlNode> complements = new ArrayList<>(cfdi.otherComplements());
        for (XmlNode perConcept : cfdi.root().descendants(Cfdi.NS, "ComplementoConcepto")) {
            complements.addAll(perConcept.children());
        }
        return String.join(", ", complements.stream()
                .filter(c -> !SatCadena.CFDI_40.namespaces().contains(c.namespace()))
                .map(c -> c.name() + " (" + c.namespace() + ")").distinct().toList());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
