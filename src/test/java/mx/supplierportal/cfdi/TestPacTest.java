package mx.supplierportal.cfdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in test PAC: its stamps verify where its certificate is trusted and only there; it refuses what a PAC
 * refuses; a repeated request id gets the first stamp back.
 */
class TestPacTest {

    private static final String SERIAL = "00001000000999999902";

    @TempDir
    Path folder;

    /** The test CFDIs are dated 2025-…; the test PAC's clock stands one hour after the invoice's Fecha. */
    private final byte[] sealed = TestCfdis.signed(TestCfdis.invoice());
    private final Clock oneHourLater = Clock.fixed(Instant.parse(fecha(sealed) + "Z").plusSeconds(3600 + 6 * 3600),
            ZoneOffset.UTC);
    private final TestPac pac = TestPac.generate(SERIAL, oneHourLater);

    @Test
    void itsStampVerifiesWhereItsCertificateIsTrustedAndNowhereElse() throws Exception {
        Stamper.Stamped stamped = pac.stamp(sealed, "upload-1");
        assertThat(stamped.uuid()).matches("[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}");
        assertThat(stamped.fechaTimbrado()).isEqualTo(java.time.LocalDateTime.parse(fecha(sealed)).plusHours(1)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")));

        Files.write(folder.resolve(SERIAL + ".cer"), pac.certificate());
        Cfdi cfdi = new CfdiReader().read(stamped.xml());
        assertThat(cfdi.timbre()).isPresent();
        List<Finding> trusted = StampSeal.check(cfdi, SatCertificates.bundled().withFolder(folder));
        assertThat(trusted).extracting(Finding::code).doesNotContain("TFD-SEAL-INVALID", "TFD-CERT-UNKNOWN");
        List<Finding> untrusted = StampSeal.check(cfdi, SatCertificates.bundled());
        // where its certificate is not trusted (production): a test PAC's stamp, refused
        assertThat(untrusted).filteredOn(f -> f.code().equals("TFD-TEST-STAMP")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        // the issuer's seal is untouched by the stamp
        assertThat(IssuerSeal.cadenaOf(cfdi)).isEqualTo(IssuerSeal.cadenaOf(new CfdiReader().read(sealed)));
    }

    @Test
    void aRepeatedRequestGetsTheFirstStampAndANewRequestOfAStampedCfdiIsRefused() throws Exception {
        Stamper.Stamped first = pac.stamp(sealed, "upload-2");
        assertThat(pac.stamp(sealed, "upload-2").uuid()).isEqualTo(first.uuid());
        Stamper.Refused again = org.junit.jupiter.api.Assertions.assertThrows(Stamper.Refused.class,
                () -> pac.stamp(first.xml(), "upload-3"));
        assertThat(again.code()).isEqualTo("ALREADY_STAMPED");
    }

    @Test
    void whatAPacRefusesIsRefused() {
        String unsealed = new String(sealed, StandardCharsets.UTF_8).replaceAll("Sello=\"[^\"]*\"", "Sello=\"\"");
        assertThatThrownBy(() -> pac.stamp(unsealed.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(Stamper.Refused.class).extracting("code").isEqualTo("NOT_SEALED");
        assertThatThrownBy(() -> pac.stamp("<no/>".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(Stamper.Refused.class).extracting("code").isEqualTo("STRUCTURE");
        assertThatThrownBy(() -> pac.stamp(new byte[TestPac.MAX_BYTES + 1], null))
                .isInstanceOf(Stamper.Refused.class).extracting("code").isEqualTo("SIZE");
        TestPac late = TestPac.generate(SERIAL, Clock.offset(oneHourLater, java.time.Duration.ofHours(72)));
        assertThatThrownBy(() -> late.stamp(sealed, null))
                .isInstanceOf(Stamper.Refused.class).extracting("code").isEqualTo("DATE_WINDOW");
    }

    private static String fecha(byte[] xml) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" Fecha=\"([^\"]*)\"")
                .matcher(new String(xml, StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("no Fecha");
        }
        return m.group(1);
    }
}
