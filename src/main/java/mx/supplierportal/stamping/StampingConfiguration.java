package mx.supplierportal.stamping;

import java.nio.file.Path;
import java.time.Clock;
import mx.supplierportal.cfdi.Stamper;
import mx.supplierportal.cfdi.TestPac;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The installation's PAC ({@code portal.stamping.pac}): {@code sw} is SW sapien's REST service
 * ({@code portal.stamping.sw.*}: its test host https://services.test.sw.com.mx or production
 * https://services.sw.com.mx, the account's user and password, a timeout); {@code test} is the built-in test PAC (demo,
 * tests; its stamps verify only where its certificate is trusted); {@code none} (the default) offers no stamping.
 */
@Configuration
class StampingConfiguration {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StampingConfiguration.class);

    @Bean
    Stamper stamper(@Value("${portal.stamping.pac:none}") String pac,
            @Value("${portal.stamping.test-pac.key-file:}") String keyFile,
            @Value("${portal.stamping.test-pac.certificate-file:}") String certificateFile, Clock clock,
            Environment environment, @Value("${portal.stamping.sw.base-url:}") String swBaseUrl,
            @Value("${portal.stamping.sw.user:}") String swUser, @Value("${portal.stamping.sw.password:}") String swPassword,
            @Value("${portal.stamping.sw.timeout:PT30S}") java.time.Duration swTimeout) {
        switch (pac) {
            case "sw" -> {
                if (swBaseUrl.isBlank() || swUser.isBlank() || swPassword.isBlank()) {
                    throw new IllegalStateException("portal.stamping.pac=sw needs portal.stamping.sw.base-url, user "
                            + "and password (the SW sapien account of this installation)");
                }
                LOG.info("Stamping at SW sapien, {}", swBaseUrl);
                return new mx.supplierportal.cfdi.SwSapienStamper(java.net.URI.create(swBaseUrl), swUser, swPassword,
                        swTimeout, clock);
            }
            case "test" -> {
                if (environment.matchesProfiles("postgres")) {
                    throw new IllegalStateException("portal.stamping.pac=test is for the demo and tests: a production "
                            + "installation (profile postgres) stamps at a real PAC");
                }
                if (keyFile.isBlank() || certificateFile.isBlank()) {
                    LOG.warn("Test PAC with a key made at start-up: its stamps verify nowhere (set "
                            + "portal.stamping.test-pac.key-file and certificate-file to keep one)");
                    return TestPac.generate("00001000000999999999", clock);
                }
                TestPac testPac = TestPac.load(Path.of(keyFile), Path.of(certificateFile), clock);
                LOG.info("Stamping at the built-in test PAC, certificate {}", testPac.serial());
                return testPac;
            }
            case "none" -> {
                return (xml, requestId) -> {
                    throw new Stamper.Unavailable("this installation has no PAC (portal.stamping.pac)", null);
                };
            }
            default -> throw new IllegalStateException("portal.stamping.pac must be sw, test or none, not " + pac);
        }
    }

    /** Whether this installation stamps at all (the pages say so instead of offering an upload that cannot end). */
    @Bean
    StampingAvailability stampingAvailability(@Value("${portal.stamping.pac:none}") String pac) {
        return new StampingAvailability(!"none".equals(pac), "test".equals(pac));
    }

    record StampingAvailability(boolean enabled, boolean testPac) {
    }
}
