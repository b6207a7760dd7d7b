package mx.supplierportal.cfdi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A stand-in for SAT's stamping: a certificate whose owner is SAT's RFC and whose serial is a 20-digit SAT number,
 * in a folder (as an operator adds one), and TimbreFiscalDigitals signed with its key, so that tests can make fresh
 * stamps (any UUID, any date) whose SelloSAT really verifies. {@link #standIn()}'s certificate is in
 * {@code src/test/resources/cfdi/stand-in-sat/}, which {@code application-test.yml} trusts; nothing else does.
 */
public final class TestStamps {

    public static final String SERIAL = "00001000000999999901";
    private static final Pattern TFD = Pattern.compile("<tfd:TimbreFiscalDigital[^>]*/>");
    private static final Pattern FECHA = Pattern.compile(" Fecha=\"([^\"]*)\"");
    private static final DateTimeFormatter CFDI_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** The tests' stand-in SAT (fixed key in {@code cfdi/stand-in-sat.key.pem}). */
    public static TestStamps standIn() {
        return StandIn.INSTANCE;
    }

    private static final class StandIn {
        static final TestStamps INSTANCE = load();
    }

    private final PrivateKey key;
    private final TestPac pac;

    private TestStamps(PrivateKey key, String serial, byte[] certificate) {
        this.key = key;
        this.pac = new TestPac(key, serial, certificate, java.time.Clock.systemUTC());
    }

    private static TestStamps load() {
        try (InputStream pem = TestStamps.class.getResourceAsStream("/cfdi/stand-in-sat.key.pem")) {
            String text = new String(pem.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            byte[] certificate;
            try (InputStream cer = TestStamps.class.getResourceAsStream("/cfdi/stand-in-sat/" + SERIAL + ".cer")) {
                certificate = cer.readAllBytes();
            }
            return new TestStamps(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(text))), SERIAL, certificate);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A new key and a certificate of {@code serial} owned by {@code owner}, written as {@code folder/serial.cer}. */
    public static TestStamps generate(Path folder, String serial, String owner) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, "SAT STAND-IN FOR THE PORTAL'S TESTS")
                    .addRDN(new ASN1ObjectIdentifier("2.5.4.45"), new DERPrintableString(owner))
                    .build();
            var certificate = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(1, serial.getBytes(StandardCharsets.US_ASCII)),
                    Date.from(Instant.parse("2020-01-01T00:00:00Z")), Date.from(Instant.parse("2040-01-01T00:00:00Z")),
                    subject, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
            Files.createDirectories(folder);
            Files.write(folder.resolve(serial + ".cer"), certificate.getEncoded());
            return new TestStamps(keys.getPrivate(), serial, certificate.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stand-in's test PAC itself (its checks included): what a PAC stand-in stamps with. */
    public TestPac pac() {
        return pac;
    }

    /** The sealed CFDI with a TimbreFiscalDigital 1.1 of {@code uuid} stamped at {@code fechaTimbrado}. */
    public byte[] stamp(byte[] sealed, String uuid, String fechaTimbrado) {
        return pac.stamp(sealed, uuid, fechaTimbrado).xml();
    }

    /** The sealed CFDI stamped one minute after its {@code Fecha}, as a PAC would. */
    public String stamp(byte[] sealed, String uuid) {
        Matcher fecha = FECHA.matcher(new String(sealed, StandardCharsets.UTF_8));
        if (!fecha.find()) {
            throw new IllegalArgumentException("not a CFDI");
        }
        return new String(stamp(sealed, uuid, LocalDateTime.parse(fecha.group(1)).plusMinutes(1).format(CFDI_DATE)),
                StandardCharsets.UTF_8);
    }

    /** A stamped CFDI stamped again with another UUID (its old stamp removed; the issuer's seal is untouched). */
    public String restamp(String stamped, String uuid) {
        Matcher tfd = TFD.matcher(stamped);
        if (!tfd.find()) {
            throw new IllegalArgumentException("not stamped");
        }
        Matcher fecha = Pattern.compile("FechaTimbrado=\"([^\"]*)\"").matcher(tfd.group());
        String when = fecha.find() ? fecha.group(1) : null;
        String unstamped = stamped.substring(0, tfd.start()) + stamped.substring(tfd.end());
        return new String(stamp(unstamped.getBytes(StandardCharsets.UTF_8), uuid, when), StandardCharsets.UTF_8);
    }

    /** Writes the stand-in's files once: {@code java -cp … mx.supplierportal.cfdi.TestStamps src/test/resources/cfdi}. */
    public static void main(String[] args) throws IOException {
        Path resources = Path.of(args[0]);
        TestStamps made = generate(resources.resolve("stand-in-sat"), SERIAL, SatCertificates.SAT_RFC);
        Files.writeString(resources.resolve("stand-in-sat.key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(made.key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
    }
}
