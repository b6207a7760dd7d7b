package mx.supplierportal.cfdi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The certificates SAT stamps with (named by a TimbreFiscalDigital's {@code NoCertificadoSAT}): the ones bundled with
 * the product, any {@code *.cer} an operator puts in a folder, and, when configured, SAT's public certificate
 * repository (downloaded once, cached in that folder). Every certificate is checked to be SAT's before it is trusted:
 * its owner RFC is SAT's (SAT970701NN3) and its serial is the number asked for. SAT's <em>test</em> certificate (SAT
 * PRUEBAS) is trusted only through {@link #trustingTestCertificate()}: demo and tests, never production. Thread-safe.
 */
public final class SatCertificates {

    /** SAT's own RFC: the owner of every certificate that stamps real CFDIs. */
    public static final String SAT_RFC = "SAT970701NN3";
    /** The owner of SAT's test-environment certificate. */
    public static final String SAT_TEST_RFC = "SPR190613I52";
    /** SAT's repository: the serial cut into 6, 6, 2, 2, 2 digits, then the serial again. */
    public static final String SAT_REPOSITORY = "https://rdc.sat.gob.mx/rccf/{0}/{1}/{2}/{3}/{4}/{serial}.cer";

    private static final Pattern SERIAL = Pattern.compile("^[0-9]{20}$");
    private static final Duration MISS_KEPT = Duration.ofHours(1);
    private static final Map<String, X509Certificate> TEST = load("certs-test", SAT_TEST_RFC);
    private static final Map<String, X509Certificate> BUNDLED = load("certs", SAT_RFC);

    /** What is known of one {@code NoCertificadoSAT}. */
    public sealed interface Lookup {
        /** A certificate SAT stamps with, trusted here. */
        record Trusted(X509Certificate certificate, boolean test) implements Lookup {
        }

        /** SAT's test certificate where it is not trusted: a stamp of SAT's test environment, not a real one. */
        record TestNotTrusted() implements Lookup {
        }

        /** Not known here (not bundled, not in the folder, not downloadable now). */
        record Unknown() implements Lookup {
        }
    }

    private final Map<String, X509Certificate> trusted;
    private final boolean trustTest;
    private final Path folder;
    private final String repository;
    private final Duration timeout;
    private final Clock clock;
    private final Map<String, X509Certificate> downloaded = new ConcurrentHashMap<>();
    private final Map<String, Instant> misses = new ConcurrentHashMap<>();

    private SatCertificates(Map<String, X509Certificate> trusted, boolean trustTest, Path folder, String repository,
            Duration timeout, Clock clock) {
        this.trusted = Collections.unmodifiableMap(new LinkedHashMap<>(trusted));
        this.trustTest = trustTest;
        this.folder = folder;
        this.repository = repository;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** SAT's certificates bundled with the product (production only; no folder, no download). */
    public static SatCertificates bundled() {
        return new SatCertificates(BUNDLED, false, null, null, null, Clock.systemUTC());
    }

    /** The same, also trusting SAT's test certificate (demo and tests only). */
    public SatCertificates trustingTestCertificate() {
        return new SatCertificates(trusted, true, folder, repository, timeout, clock);
    }

    /**
     * The same plus every {@code *.cer} in {@code folder} (named by its serial, as SAT's repository names them). A
     * file that is not SAT's certificate of that serial stops the start with its name: an operator must notice it.
     * A missing folder is no certificate.
     */
    public SatCertificates withFolder(Path folder) {
        Map<String, X509Certificate> all = new LinkedHashMap<>(trusted);
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.cer")) {
                for (Path file : files) {
                    String serial = file.getFileName().toString().replaceFirst("\\.cer$", "");
                    all.put(serial, checked(serial, Files.readAllBytes(file), SAT_RFC, file.toString()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read SAT certificates in " + folder, e);
            }
        }
        return new SatCertificates(all, trustTest, folder, repository, timeout, clock);
    }

    /**
     * The same, downloading an unknown certificate from {@code repositoryPattern} (see {@link #SAT_REPOSITORY}) once:
     * kept in memory and, when a folder is configured, saved there; a failed download is retried after an hour.
     */
    public SatCertificates withDownload(String repositoryPattern, Duration timeout, Clock clock) {
        return new SatCertificates(trusted, trustTest, folder, repositoryPattern, timeout, clock);
    }

    /** The serials trusted without downloading, test certificate included when trusted. */
    public List<String> serials() {
        List<String> serials = new java.util.ArrayList<>(trusted.keySet());
        if (trustTest) {
            serials.addAll(TEST.keySet());
        }
        return List.copyOf(serials);
    }

    public Lookup find(String serial) {
        if (serial == null) {
            return new Lookup.Unknown();
        }
        String number = serial.strip();
        X509Certificate known = trusted.get(number);
        if (known != null) {
            return new Lookup.Trusted(known, false);
        }
        X509Certificate test = TEST.get(number);
        if (test != null) {
            return trustTest ? new Lookup.Trusted(test, true) : new Lookup.TestNotTrusted();
        }
        return download(number).<Lookup>map(c -> new Lookup.Trusted(c, false)).orElseGet(Lookup.Unknown::new);
    }

    private Optional<X509Certificate> download(String serial) {
        if (repository == null || !SERIAL.matcher(serial).matches()) {
            return Optional.empty();
        }
        X509Certificate cached = downloaded.get(serial);
        if (cached != null) {
            return Optional.of(cached);
        }
        Instant missed = misses.get(serial);
        if (missed != null && missed.plus(MISS_KEPT).isAfter(clock.instant())) {
            return Optional.empty();
        }
        try {
            HttpResponse<byte[]> response = HttpClient.newBuilder().connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NORMAL).build()
                    .send(HttpRequest.newBuilder(repositoryUri(repository, serial)).timeout(timeout).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            X509Certificate certificate = checked(serial, response.body(), SAT_RFC, "SAT's repository");
            if (folder != null) {
                Files.createDirectories(folder);
                Path temporary = Files.createTempFile(folder, serial, ".tmp");
                Files.write(temporary, response.body());
                Files.move(temporary, folder.resolve(serial + ".cer"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            downloaded.put(serial, certificate);
            misses.remove(serial);
            return Optional.of(certificate);
        } catch (IOException | IllegalArgumentException e) {
            misses.put(serial, clock.instant());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** SAT's repository address of one serial: {@code {0}}…{@code {4}} are its 6, 6, 2, 2, 2-digit pieces. */
    static URI repositoryUri(String pattern, String serial) {
        return URI.create(pattern.replace("{0}", serial.substring(0, 6)).replace("{1}", serial.substring(6, 12))
                .replace("{2}", serial.substring(12, 14)).replace("{3}", serial.substring(14, 16))
                .replace("{4}", serial.substring(16, 18)).replace("{serial}", serial));
    }

    /** The certificate in {@code der} if it is {@code owner}'s and its serial is {@code serial}; else refused. */
    static X509Certificate checked(String serial, byte[] der, String owner, String where) {
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(where + ": not an X.509 certificate", e);
        }
        String actualSerial = IssuerSeal.satSerial(certificate.getSerialNumber());
        if (!actualSerial.equals(serial)) {
            throw new IllegalArgumentException(where + ": the certificate's serial is " + actualSerial
                    + ", not " + serial);
        }
        if (!owner.equals(IssuerSeal.rfcOf(certificate))) {
            throw new IllegalArgumentException(where + ": certificate " + serial + " is not " + owner + "'s");
        }
        return certificate;
    }

    private static Map<String, X509Certificate> load(String directory, String owner) {
        String base = "mx/supplierportal/cfdi/sat/" + directory + "/";
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        try (InputStream index = SatCertificates.class.getClassLoader().getResourceAsStream(base + "serials.txt")) {
            if (index == null) {
                throw new IllegalStateException("Bundled SAT certificates missing: " + base + "serials.txt");
            }
            for (String line : new String(index.readAllBytes(), StandardCharsets.US_ASCII).split("\\R")) {
                String serial = line.strip();
                if (serial.isEmpty() || serial.startsWith("#")) {
                    continue;
                }
                try (InputStream cer = SatCertificates.class.getClassLoader()
                        .getResourceAsStream(base + serial + ".cer")) {
                    if (cer == null) {
                        throw new IllegalStateException("Bundled SAT certificate missing: " + base + serial + ".cer");
                    }
                    certificates.put(serial, checked(serial, cer.readAllBytes(), owner, base + serial + ".cer"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(certificates);
    }
}
