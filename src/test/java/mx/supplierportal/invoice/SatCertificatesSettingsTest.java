package mx.supplierportal.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import mx.supplierportal.cfdi.CfdiValidator;
import mx.supplierportal.cfdi.SatCertificates;
import mx.supplierportal.cfdi.ValidationContext;
import mx.supplierportal.support.MciFixture;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Production never trusts SAT's test certificate; the configured folder is where operators add SAT's new ones. */
class SatCertificatesSettingsTest {

    private static CfdiValidator validator(String folder, boolean trustTest, String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new SatCheck().cfdiValidator(folder, trustTest, false, SatCertificates.SAT_REPOSITORY,
                Duration.ofSeconds(1), Clock.systemUTC(), environment);
    }

    @Test
    void theProductionProfileRefusesToTrustSatsTestCertificate() {
        assertThatThrownBy(() -> validator("", true, "postgres")).hasMessageContaining("trust-test-certificate");
        byte[] sample = MciFixture.sharedSample().getBytes(StandardCharsets.UTF_8);
        var production = validator("", false, "postgres").validate(sample, ValidationContext.NONE);
        assertThat(production.has("TFD-TEST-STAMP")).isTrue();
        assertThat(production.valid()).isFalse();
        var demo = validator("", true, "demo").validate(sample, ValidationContext.NONE);
        assertThat(demo.findings()).filteredOn(f -> f.code().equals("TFD-TEST-STAMP")).singleElement()
                .extracting(f -> f.severity()).isEqualTo(mx.supplierportal.cfdi.Severity.WARNING);
        assertThat(demo.valid()).isTrue();
    }

    @Test
    void certificatesInTheConfiguredFolderAreTrusted() {
        byte[] fresh = MciFixture.freshInvoice("1B4E28BA-2FA1-41D2-883F-0016D3CCA427").getBytes(StandardCharsets.UTF_8);
        // not trusted without the folder: certified by "SAT pruebas" with an unknown certificate, a test stamp
        assertThat(validator("", false).validate(fresh, ValidationContext.NONE).has("TFD-TEST-STAMP")).isTrue();
        assertThat(validator("src/test/resources/cfdi/stand-in-sat", false).validate(fresh, ValidationContext.NONE)
                .findings()).noneMatch(f -> f.code().startsWith("TFD-"));
    }
}
