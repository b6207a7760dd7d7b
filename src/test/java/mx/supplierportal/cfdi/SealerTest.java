package mx.supplierportal.cfdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Sealing as the issuer's software does: the validator accepts the seal, and a changed amount breaks it. */
class SealerTest {

    @Test
    void aSealedInvoiceIsValidAndTamperingBreaksTheSeal() throws Exception {
        // the template without certificate attributes at all: the sealer adds NoCertificado, Certificado and Sello
        String bare = TestCfdis.invoice().replace(" NoCertificado=\"@NUMBER@\"", "").replace(" Certificado=\"@CERT@\"", "")
                .replace(" Sello=\"\"", "");
        byte[] sealed = TestCfdis.signed(bare);
        String xml = new String(sealed, StandardCharsets.UTF_8);
        assertThat(xml).contains("NoCertificado=\"30001000000500003416\"").containsPattern("Sello=\"[A-Za-z0-9+/=]{300,}\"");
        ValidationReport report = TestCfdis.validator().validate(sealed, ValidationContext.NONE);
        assertThat(report.findings()).extracting(Finding::code).doesNotContain("SEAL-INVALID", "SEAL-MISSING");

        byte[] tampered = xml.replaceFirst("Total=\"([0-9.]+)\"", "Total=\"1$1\"").getBytes(StandardCharsets.UTF_8);
        assertThat(TestCfdis.validator().validate(tampered, ValidationContext.NONE).findings())
                .extracting(Finding::code).contains("SEAL-INVALID");
    }

    @Test
    void theSealVerifiesOverSatsOwnStylesheetsCadena() throws Exception {
        byte[] sealed = TestCfdis.signed(TestCfdis.invoice());
        Cfdi cfdi = new CfdiReader().read(sealed);
        // SAT's cadenaoriginal_4_0.xslt, not the portal's Java builder; verified as openssl dgst -sha256 -verify would
        java.security.cert.X509Certificate certificate = (java.security.cert.X509Certificate)
                java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                        new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(
                                cfdi.comprobante().certificado())));
        java.security.Signature verify = java.security.Signature.getInstance("SHA256withRSA");
        verify.initVerify(certificate.getPublicKey());
        verify.update(SatCadena.CFDI_40.of(sealed).getBytes(StandardCharsets.UTF_8));
        assertThat(verify.verify(java.util.Base64.getDecoder().decode(cfdi.comprobante().sello()))).isTrue();
    }
}
