package mx.supplierportal.cfdi;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * SAT's seal on the stamp: {@code SelloSAT} must be the SHA256withRSA signature, under the SAT certificate named by
 * {@code NoCertificadoSAT}, of the TimbreFiscalDigital 1.1's cadena original; the stamp must come after the issue and
 * within the 72 hours a PAC may stamp in (Anexo 20).
 */
final class StampSeal {

    /**
     * CFDI dates are local times without a zone: {@code Fecha} in the place of issue's zone, {@code FechaTimbrado} in
     * central Mexico's. Mexico's zones run from one hour ahead of central (Quintana Roo) to two behind (Baja California
     * in winter), so a real stamp can look up to an hour "before" the issue and two hours later than it is.
     */
    static final Duration EARLIER_ZONE = Duration.ofHours(1);
    static final Duration LATER_ZONE = Duration.ofHours(2);
    static final Duration STAMPING_WINDOW = Stamper.STAMPING_WINDOW;

    private StampSeal() {
    }

    /** The TimbreFiscalDigital 1.1's cadena original, as SAT's {@code cadenaoriginal_TFD_1_1.xslt} writes it. */
    static String cadenaOf(Cfdi.Timbre timbre) {
        StringBuilder cadena = new StringBuilder("|");
        for (String value : new String[] {timbre.version(), timbre.uuid(), timbre.fechaTimbrado(),
                timbre.rfcProvCertif()}) {
            CadenaOriginal.appendNormalized(cadena.append('|'), value);
        }
        if (timbre.leyenda() != null) { // optional: written when present, even empty (XSLT tests the attribute)
            CadenaOriginal.appendNormalized(cadena.append('|'), timbre.leyenda());
        }
        CadenaOriginal.appendNormalized(cadena.append('|'), timbre.selloCfd());
        CadenaOriginal.appendNormalized(cadena.append('|'), timbre.noCertificadoSat());
        return cadena.append("||").toString();
    }

    static List<Finding> check(Cfdi cfdi, SatCertificates certificates) {
        List<Finding> findings = new ArrayList<>();
        if (cfdi.timbre().isEmpty() || !"1.1".equals(cfdi.timbre().get().version())) {
            return findings; // TFD-MISSING / TFD-VERSION say so
        }
        Cfdi.Timbre timbre = cfdi.timbre().get();
        dates(cfdi, timbre, findings);
        if (isBlank(timbre.selloSat()) || isBlank(timbre.noCertificadoSat())) {
            findings.add(Finding.error("TFD-SEAL-INVALID"));
            return findings;
        }
        SatCertificates.Lookup lookup = certificates.find(timbre.noCertificadoSat());
        if (lookup instanceof SatCertificates.Lookup.Trusted trusted) {
            verify(timbre, trusted.certificate(), findings);
            if (trusted.test()) { // verified, but by SAT's test environment: said, never silent
                findings.add(Finding.warning("TFD-TEST-STAMP"));
            }
        } else if (lookup instanceof SatCertificates.Lookup.TestNotTrusted) {
            findings.add(Finding.error("TFD-TEST-STAMP"));
        } else if (SatCertificates.SAT_TEST_RFC.equals(timbre.rfcProvCertif())) {
            // certified by "SAT pruebas" with a certificate this installation does not trust: a test PAC's stamp
            // (SAT's test environment, or another portal's built-in test PAC), never a real one
            findings.add(Finding.error("TFD-TEST-STAMP"));
        } else {
            findings.add(Finding.warning("TFD-CERT-UNKNOWN", timbre.noCertificadoSat().strip()));
        }
        return findings;
    }

    private static void verify(Cfdi.Timbre timbre, X509Certificate certificate, List<Finding> findings) {
        LocalDateTime stamped = parse(timbre.fechaTimbrado());
        if (stamped != null) {
            var instant = stamped.atZone(IssuerSeal.MEXICO).toInstant();
            if (instant.isBefore(certificate.getNotBefore().toInstant())
                    || instant.isAfter(certificate.getNotAfter().toInstant())) {
                findings.add(Finding.error("TFD-CERT-VALIDITY", timbre.noCertificadoSat().strip(),
                        timbre.fechaTimbrado()));
            }
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(cadenaOf(timbre).getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getMimeDecoder().decode(timbre.selloSat()))) {
                findings.add(Finding.error("TFD-SEAL-INVALID"));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            findings.add(Finding.error("TFD-SEAL-INVALID"));
        }
    }

    private static void dates(Cfdi cfdi, Cfdi.Timbre timbre, List<Finding> findings) {
        LocalDateTime issued = parse(cfdi.comprobante().fecha());
        LocalDateTime stamped = parse(timbre.fechaTimbrado());
        if (issued == null || stamped == null) {
            return; // the shapes are STR-PATTERN's findings
        }
        if (stamped.isBefore(issued.minus(EARLIER_ZONE))) {
            findings.add(Finding.error("TFD-DATE-BEFORE-ISSUE", timbre.fechaTimbrado(), cfdi.comprobante().fecha()));
        } else if (stamped.isAfter(issued.plus(STAMPING_WINDOW).plus(LATER_ZONE))) {
            findings.add(Finding.warning("TFD-DATE-LATE", timbre.fechaTimbrado(), cfdi.comprobante().fecha()));
        }
    }

    private static LocalDateTime parse(String value) {
        try {
            return value == null ? null : LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
