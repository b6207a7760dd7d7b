package mx.supplierportal.cfdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SAT's seal on the stamp (SelloSAT) is verified with SAT's certificate, as SAT's own tools verify it. */
class StampSealTest {

    private static final Pattern TFD = Pattern.compile("<tfd:TimbreFiscalDigital[^>]*/>");
    private static final String UUID = "1B4E28BA-2FA1-41D2-883F-0016D3CCA427";

    private final CfdiValidator productionValidator = new CfdiValidator();
    private final CfdiValidator testValidator = new CfdiValidator(SatCertificates.bundled().trustingTestCertificate());

    @TempDir
    Path folder;

    private static String stampedSample() {
        return Samples.text(Samples.STAMPED);
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** The TFD element alone as a document, the way SAT's TFD stylesheet reads it. */
    private static byte[] tfdDocument(String cfdi) {
        Matcher tfd = TFD.matcher(cfdi);
        assertThat(tfd.find()).isTrue();
        return bytes(tfd.group().replaceFirst("<tfd:TimbreFiscalDigital ", "<tfd:TimbreFiscalDigital "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "));
    }

    @Test
    void theJavaStampCadenaIsSatsByteForByte() throws CfdiReadException {
        String withLeyenda = stampedSample().replace("Version=\"1.1\" SelloCFD",
                "Version=\"1.1\" Leyenda=\"  Timbre   de prueba \" SelloCFD");
        for (String cfdi : new String[] {stampedSample(), withLeyenda}) {
            Cfdi.Timbre timbre = new CfdiReader().read(bytes(cfdi)).timbre().orElseThrow();
            assertThat(bytes(StampSeal.cadenaOf(timbre))).isEqualTo(bytes(SatCadena.tfd11().of(tfdDocument(cfdi))));
        }
        assertThat(StampSeal.cadenaOf(new CfdiReader().read(bytes(withLeyenda)).timbre().orElseThrow()))
                .startsWith("||1.1|6F35D3B5-3651-5370-BC2C-14CDBE384CD7|2025-02-19T08:37:30|CVD110412TF6|"
                        + "Timbre de prueba|");
    }

    @Test
    void aStampOfSatsTestEnvironmentVerifiesWhereTestsTrustItAndIsRefusedInProduction() {
        ValidationReport trusted = testValidator.validate(bytes(stampedSample()), ValidationContext.NONE);
        assertThat(trusted.findings()).filteredOn(f -> f.code().startsWith("TFD-")).singleElement()
                .satisfies(f -> {
                    assertThat(f.code()).isEqualTo("TFD-TEST-STAMP"); // the seal verifies; its origin is said
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                });
        assertThat(trusted.valid()).isTrue();

        ValidationReport production = productionValidator.validate(bytes(stampedSample()), ValidationContext.NONE);
        assertThat(production.has("TFD-TEST-STAMP")).isTrue();
        assertThat(production.valid()).isFalse();
        assertThat(Finding.text("TFD-TEST-STAMP", java.util.Locale.forLanguageTag("es")))
                .contains("ambiente de pruebas del SAT");
    }

    @Test
    void aMadeUpOrChangedStampIsRefused() {
        String changedUuid = stampedSample().replace("6F35D3B5-3651-5370-BC2C-14CDBE384CD7",
                "6F35D3B5-3651-5370-BC2C-14CDBE384CD8");
        String madeUpSeal = stampedSample().replaceFirst("SelloSAT=\"J2cE", "SelloSAT=\"K2cE");
        String noSeal = stampedSample().replaceFirst("SelloSAT=\"[^\"]*\"", "");
        for (String cfdi : new String[] {changedUuid, madeUpSeal, noSeal}) {
            ValidationReport report = testValidator.validate(bytes(cfdi), ValidationContext.NONE);
            assertThat(report.has("TFD-SEAL-INVALID")).as(cfdi.substring(0, 40)).isTrue();
            assertThat(report.valid()).isFalse();
        }
    }

    @Test
    void aTestPacsStampWhoseCertificateIsNotTrustedHereIsRefused() {
        // the built-in test PAC of another installation (its own certificate, RfcProvCertif of SAT's test PAC)
        TestPac elsewhere = TestPac.generate("00001000000999999902", java.time.Clock.systemUTC());
        String now = java.time.LocalDateTime.now(java.time.ZoneId.of("America/Mexico_City"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
        byte[] sealed = TestCfdis.signed(TestCfdis.invoice().replace("2025-03-10T10:00:00", now));
        byte[] stamped = elsewhere.stamp(sealed, "00000000-0000-4000-8000-000000000001", now).xml();
        ValidationReport report = new CfdiValidator(SatCertificates.bundled()).validate(stamped, ValidationContext.NONE);
        assertThat(report.findings()).filteredOn(f -> f.code().equals("TFD-TEST-STAMP")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(report.valid()).isFalse();
    }

    @Test
    void aStampByACertificateNobodyKnowsIsAWarningThatNamesIt() {
        // the sample is certified by a real PAC's RFC (CVD110412TF6), here with a certificate nobody has seen
        String unknown = stampedSample().replace("NoCertificadoSAT=\"30001000000500003456\"",
                "NoCertificadoSAT=\"00001000000799999999\"");
        ValidationReport report = testValidator.validate(bytes(unknown), ValidationContext.NONE);
        assertThat(report.findings()).filteredOn(f -> f.code().equals("TFD-CERT-UNKNOWN")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.arguments()).containsExactly("00001000000799999999");
                });
        assertThat(report.has("TFD-SEAL-INVALID")).isFalse();

        // a production SAT certificate that did not sign this stamp: the seal does not verify
        String wrongCertificate = stampedSample().replace("NoCertificadoSAT=\"30001000000500003456\"",
                "NoCertificadoSAT=\"00001000000708361114\"");
        assertThat(productionValidator.validate(bytes(wrongCertificate), ValidationContext.NONE)
                .has("TFD-SEAL-INVALID")).isTrue();
    }

    @Test
    void anOperatorsFolderAddsSatCertificatesAndFreshStampsVerify() {
        TestStamps sat = TestStamps.generate(folder, TestStamps.SERIAL, SatCertificates.SAT_RFC);
        CfdiValidator validator = new CfdiValidator(SatCertificates.bundled().withFolder(folder));
        byte[] sealed = TestCfdis.signed(TestCfdis.invoice());

        ValidationReport fresh = validator.validate(sat.stamp(sealed, UUID, "2025-03-10T10:05:00"),
                ValidationContext.NONE);
        assertThat(fresh.findings()).extracting(Finding::code).noneMatch(code -> code.startsWith("TFD-"));
        assertThat(fresh.valid()).isTrue();

        // the same stamp where the folder is not configured: certified as "SAT pruebas" by a certificate not trusted
        // there, so a test stamp, refused (never a silent "valid")
        ValidationReport elsewhere = productionValidator.validate(sat.stamp(sealed, UUID, "2025-03-10T10:05:00"),
                ValidationContext.NONE);
        assertThat(elsewhere.has("TFD-TEST-STAMP")).isTrue();
        assertThat(elsewhere.valid()).isFalse();
    }

    @Test
    void theStampComesAfterTheIssueAndWithinSeventyTwoHours() {
        TestStamps sat = TestStamps.generate(folder, TestStamps.SERIAL, SatCertificates.SAT_RFC);
        CfdiValidator validator = new CfdiValidator(SatCertificates.bundled().withFolder(folder));
        byte[] sealed = TestCfdis.signed(TestCfdis.invoice()); // Fecha 2025-03-10T10:00:00

        ValidationReport before = validator.validate(sat.stamp(sealed, UUID, "2025-03-10T08:59:59"),
                ValidationContext.NONE);
        assertThat(before.findings()).filteredOn(f -> f.code().equals("TFD-DATE-BEFORE-ISSUE")).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.ERROR);
        // Quintana Roo issues an hour ahead of central time: a stamp "before" the issue by up to an hour is real
        assertThat(validator.validate(sat.stamp(sealed, UUID, "2025-03-10T09:00:00"), ValidationContext.NONE)
                .has("TFD-DATE-BEFORE-ISSUE")).isFalse();

        ValidationReport late = validator.validate(sat.stamp(sealed, UUID, "2025-03-13T12:00:01"),
                ValidationContext.NONE);
        assertThat(late.findings()).filteredOn(f -> f.code().equals("TFD-DATE-LATE")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.arguments()).containsExactly("2025-03-13T12:00:01", "2025-03-10T10:00:00");
                });
        assertThat(validator.validate(sat.stamp(sealed, UUID, "2025-03-13T10:00:00"), ValidationContext.NONE)
                .has("TFD-DATE-LATE")).isFalse();
    }

    @Test
    void aCertificateThatIsNotSatsIsNeverTrusted() throws IOException {
        TestStamps.generate(folder, "00001000000999999902", "EKU9003173C9"); // owned by a taxpayer, not SAT
        assertThatThrownBy(() -> SatCertificates.bundled().withFolder(folder))
                .hasMessageContaining("00001000000999999902").hasMessageContaining("SAT970701NN3");

        Path other = Files.createDirectory(folder.resolve("renamed"));
        TestStamps.generate(other, TestStamps.SERIAL, SatCertificates.SAT_RFC); // SERIAL, then renamed: the file name must be its serial
        Files.move(other.resolve(TestStamps.SERIAL + ".cer"), other.resolve("00001000000999999903.cer"));
        assertThatThrownBy(() -> SatCertificates.bundled().withFolder(other))
                .hasMessageContaining("00001000000999999903");
    }

    @Test
    void anUnknownCertificateIsDownloadedOnceFromSatsRepositoryAndCached() throws IOException {
        Path source = Files.createDirectory(folder.resolve("repository"));
        TestStamps sat = TestStamps.generate(source, TestStamps.SERIAL, SatCertificates.SAT_RFC);
        byte[] certificate = Files.readAllBytes(source.resolve(TestStamps.SERIAL + ".cer"));
        AtomicInteger requests = new AtomicInteger();
        HttpServer repository = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        repository.createContext("/rccf/", exchange -> {
            requests.incrementAndGet();
            boolean right = exchange.getRequestURI().getPath()
                    .equals("/rccf/000010/000009/99/99/99/" + TestStamps.SERIAL + ".cer");
            byte[] body = right ? certificate : new byte[0];
            exchange.sendResponseHeaders(right ? 200 : 404, right ? body.length : -1);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        repository.start();
        try {
            Path cache = folder.resolve("cache");
            String pattern = "http://127.0.0.1:" + repository.getAddress().getPort()
                    + "/rccf/{0}/{1}/{2}/{3}/{4}/{serial}.cer";
            SatCertificates certificates = SatCertificates.bundled().withFolder(cache)
                    .withDownload(pattern, Duration.ofSeconds(5), Clock.systemUTC());
            CfdiValidator validator = new CfdiValidator(certificates);
            byte[] stamped = sat.stamp(TestCfdis.signed(TestCfdis.invoice()), UUID, "2025-03-10T10:05:00");

            for (int i = 0; i < 3; i++) {
                ValidationReport report = validator.validate(stamped, ValidationContext.NONE);
                assertThat(report.findings()).extracting(Finding::code).noneMatch(code -> code.startsWith("TFD-"));
            }
            assertThat(requests).hasValue(1);
            assertThat(cache.resolve(TestStamps.SERIAL + ".cer")).exists();
            // the next start finds it in the folder, without the repository
            assertThat(new CfdiValidator(SatCertificates.bundled().withFolder(cache)).validate(stamped,
                    ValidationContext.NONE).has("TFD-CERT-UNKNOWN")).isFalse();

            // an answer that is not there is asked again only after a while, and stays a warning meanwhile
            // (certified by a real PAC's RFC: an unknown certificate of SAT's test PAC would be a test stamp)
            String unknown = new String(stamped, StandardCharsets.UTF_8).replace(
                    "NoCertificadoSAT=\"" + TestStamps.SERIAL + "\"", "NoCertificadoSAT=\"00001000000999999977\"")
                    .replace("RfcProvCertif=\"SPR190613I52\"", "RfcProvCertif=\"CVD110412TF6\"");
            for (int i = 0; i < 2; i++) {
                assertThat(validator.validate(bytes(unknown), ValidationContext.NONE).has("TFD-CERT-UNKNOWN")).isTrue();
            }
            assertThat(requests).hasValue(2);
        } finally {
            repository.stop(0);
        }
    }

    @Test
    void satsRepositoryAddressFollowsItsPattern() {
        assertThat(SatCertificates.repositoryUri(SatCertificates.SAT_REPOSITORY, "00001000000708361114"))
                .hasToString("https://rdc.sat.gob.mx/rccf/000010/000007/08/36/11/00001000000708361114.cer");
        assertThat(SatCertificates.bundled().serials()).containsExactly("00001000000403258748",
                "00001000000504465028", "00001000000708361114");
        assertThat(SatCertificates.bundled().trustingTestCertificate().serials()).contains("30001000000500003456");
    }
}
