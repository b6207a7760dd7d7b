package mx.supplierportal.cfdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SW sapien connector against a local stub that speaks SW's protocol: success (token kept), a lost answer
 * recovered through {@code customid} and 307, the installation out of stamps, a structure error, an outage then
 * success, a timeout, an expired token, wrong credentials.
 */
class SwSapienStamperTest {

    private final SwSapienStub sw;
    private final SwSapienStamper stamper;

    SwSapienStamperTest() throws Exception {
        sw = new SwSapienStub();
        stamper = new SwSapienStamper(sw.base(), SwSapienStub.USER, SwSapienStub.PASSWORD, Duration.ofMillis(800),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        sw.close();
    }

    @Test
    void stampsWithOneTokenAndTheStampVerifies() throws Exception {
        Stamper.Stamped first = stamper.stamp(sealed(), "request-1");
        Stamper.Stamped second = stamper.stamp(sealed(), "request-2");
        assertThat(first.uuid()).isNotEqualTo(second.uuid());
        assertThat(sw.tokensIssued()).as("the token is kept until it is about to expire").isEqualTo(1);
        assertThat(sw.customIds()).containsExactly("request-1", "request-2");
        ValidationReport report = new CfdiValidator(SatCertificates.bundled().trustingTestCertificate()
                .withFolder(Path.of("src/test/resources/cfdi/stand-in-sat")))
                .validate(first.xml(), ValidationContext.NONE.withRequireStamp(true));
        assertThat(report.findings()).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
        assertThat(report.cfdi().orElseThrow().timbre().orElseThrow().uuid()).isEqualTo(first.uuid());
    }

    @Test
    void aLostAnswerIsRecoveredWithTheSameRequestIdAndNeverStampedTwice() throws Exception {
        sw.then(SwSapienStub.Next.LOSE_ANSWER);
        assertThatThrownBy(() -> stamper.stamp(sealed(), "request-lost")).isInstanceOf(Stamper.Unavailable.class);
        Stamper.Stamped retried = stamper.stamp(sealed(), "request-lost"); // SW answers 307 with the first stamp
        Stamper.Stamped again = stamper.stamp(sealed(), "request-lost");
        assertThat(again.uuid()).isEqualTo(retried.uuid());
        assertThat(new String(retried.xml(), StandardCharsets.UTF_8)).contains(retried.uuid());
    }

    @Test
    void theInstallationOutOfStampsIsAnOutageNotARefusalOfTheCfdi() {
        sw.then(SwSapienStub.Next.OUT_OF_STAMPS);
        assertThatThrownBy(() -> stamper.stamp(sealed(), "request-au")).isInstanceOf(Stamper.Unavailable.class)
                .hasMessageContaining("AU2001");
    }

    @Test
    void aStructureErrorIsADefiniteRefusalWithSwsCode() {
        sw.then(SwSapienStub.Next.STRUCTURE_ERROR);
        assertThatThrownBy(() -> stamper.stamp(sealed(), "request-structure"))
                .isInstanceOfSatisfying(Stamper.Refused.class, refused -> {
                    assertThat(refused.code()).isEqualTo("CFDI40108");
                    assertThat(refused.getMessage()).contains("c_TipoDeComprobante");
                });
    }

    @Test
    void anOutageIsUnavailableAndTheRetrySucceeds() throws Exception {
        sw.then(SwSapienStub.Next.SERVER_ERROR);
        assertThatThrownBy(() -> stamper.stamp(sealed(), "request-500")).isInstanceOf(Stamper.Unavailable.class)
                .hasMessageContaining("HTTP 500");
        assertThat(stamper.stamp(sealed(), "request-500").uuid()).isNotBlank();
    }

    @Test
    void aSlowPacTimesOutAsUnavailable() {
        sw.then(SwSapienStub.Next.SLOW);
        long started = System.nanoTime();
        assertThatThrownBy(() -> stamper.stamp(sealed(), "request-slow")).isInstanceOf(Stamper.Unavailable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the configured timeout, not SW's answer")
                .isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void anExpiredTokenIsRenewedOnce() throws Exception {
        stamper.stamp(sealed(), "request-a");
        sw.then(SwSapienStub.Next.TOKEN_EXPIRED);
        assertThat(stamper.stamp(sealed(), "request-b").uuid()).isNotBlank();
        assertThat(sw.tokensIssued()).isEqualTo(2);
    }

    @Test
    void wrongCredentialsAreTheOperatorsToFixNotTheBusinesss() {
        SwSapienStamper wrong = new SwSapienStamper(sw.base(), SwSapienStub.USER, "not-the-password",
                Duration.ofSeconds(2), Clock.systemUTC());
        assertThatThrownBy(() -> wrong.stamp(sealed(), "request-x")).isInstanceOf(Stamper.Unavailable.class)
                .hasMessageContaining("credentials");
    }

    @Test
    void codesAreReadFromTheStartOfSwsMessages() {
        assertThat(SwSapienStamper.codeOf("307. El comprobante contiene un timbre previo.")).isEqualTo("307");
        assertThat(SwSapienStamper.codeOf("AU2001 No cuenta con timbres")).isEqualTo("AU2001");
        assertThat(SwSapienStamper.codeOf("CFDI40108 El TipoDeComprobante…")).isEqualTo("CFDI40108");
        assertThat(SwSapienStamper.codeOf("Sin código")).isEqualTo("SW");
    }

    /** SAT's test issuer's invoice sealed now (Mexico City time), as the portal sends it. */
    private static byte[] sealed() {
        String now = LocalDateTime.now(ZoneId.of("America/Mexico_City")).withNano(0)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
        return TestCfdis.signed(TestCfdis.invoice().replace("2025-03-10T10:00:00", now));
    }
}
