package mx.supplierportal.stamping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import mx.supplierportal.cfdi.Stamper;
import mx.supplierportal.cfdi.SwSapienStamper;
import mx.supplierportal.cfdi.TestPac;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which PAC an installation stamps at, and the settings it refuses to start with. */
class StampingSettingsTest {

    private static Stamper stamper(String pac, String swUrl, String swUser, String swPassword, String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new StampingConfiguration().stamper(pac, "", "", Clock.systemUTC(), environment, swUrl, swUser,
                swPassword, Duration.ofSeconds(5));
    }

    @Test
    void swSapienNeedsItsAccountAndTheTestPacIsRefusedInProduction() {
        assertThat(stamper("sw", "https://services.test.sw.com.mx", "user", "secret")).isInstanceOf(SwSapienStamper.class);
        assertThatThrownBy(() -> stamper("sw", "https://services.test.sw.com.mx", "", "")).hasMessageContaining(
                "portal.stamping.sw.base-url, user and password");
        assertThat(stamper("test", "", "", "")).isInstanceOf(TestPac.class);
        assertThatThrownBy(() -> stamper("test", "", "", "", "postgres")).hasMessageContaining("real PAC");
        assertThatThrownBy(() -> stamper("finkok", "", "", "")).hasMessageContaining("sw, test or none");
        assertThatThrownBy(() -> stamper("none", "", "", "").stamp(new byte[0], "x"))
                .isInstanceOf(Stamper.Unavailable.class);
    }
}
