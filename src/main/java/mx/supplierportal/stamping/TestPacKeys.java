package mx.supplierportal.stamping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import mx.supplierportal.cfdi.TestPac;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Makes the built-in test PAC's key and certificate once per installation, before any bean exists: when
 * {@code portal.stamping.pac=test} names a key file and a certificate file that do not exist yet, a new key and a
 * certificate of serial {@value #SERIAL} are written there. The demo puts the certificate in its folder of trusted SAT
 * certificates, which is read when the validator is made, later in the start: so its own stamps verify in the demo
 * (and keep verifying after a restart), and nowhere else.
 */
class TestPacKeys implements EnvironmentPostProcessor {

    /** A 20-digit number in SAT's form that no SAT certificate has (SAT's start with 0000100000 and a year). */
    static final String SERIAL = "00001000000999999902";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"test".equals(environment.getProperty("portal.stamping.pac"))) {
            return;
        }
        String key = environment.getProperty("portal.stamping.test-pac.key-file", "");
        String certificate = environment.getProperty("portal.stamping.test-pac.certificate-file", "");
        if (key.isBlank() || certificate.isBlank() || (Files.exists(Path.of(key)) && Files.exists(Path.of(certificate)))) {
            return;
        }
        write(Path.of(key), Path.of(certificate));
    }

    static void write(Path key, Path certificate) {
        TestPac.Keys keys = TestPac.newKeys(SERIAL, Clock.systemUTC());
        try {
            for (Path file : new Path[] {key, certificate}) {
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
            }
            Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(keys.pkcs8()) + "\n-----END PRIVATE KEY-----\n");
            Files.write(certificate, keys.certificate());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test PAC's key to " + key + " and " + certificate, e);
        }
    }
}
