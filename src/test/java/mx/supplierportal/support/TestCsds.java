package mx.supplierportal.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * CSD files for tests: SAT's real test CSD of EKU9003173C9 (valid 2023-05-18 to 2027-05-18, key password
 * {@value #PASSWORD}), and made-up certificates that are wrong in one way each — an e.firma-like one (no branch,
 * OU), one of another RFC, an expired one — with their own keys, encrypted as SAT's are.
 */
public final class TestCsds {

    public static final String PASSWORD = "12345678a";
    public static final String RFC = "EKU9003173C9";
    /** A moment when SAT's test CSD is in force: tests that save it stop their clock here. */
    public static final Instant IN_FORCE = Instant.parse("2026-06-01T17:00:00Z");
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    /** A made-up certificate and its key (.key bytes, encrypted with {@link #PASSWORD}). */
    public record Files(byte[] cer, byte[] key) {
    }

    private TestCsds() {
    }

    public static byte[] satCer() {
        return resource("signup/csd/EKU9003173C9.cer");
    }

    public static byte[] satKey() {
        return resource("signup/csd/EKU9003173C9.key");
    }

    /** A certificate for {@code rfc}; {@code branch} null makes it look like an e.firma (no OU). */
    public static Files madeUp(String rfc, String branch, Instant from, Instant to) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, "EMPRESA DE PRUEBA SA DE CV")
                    .addRDN(BCStyle.O, "EMPRESA DE PRUEBA SA DE CV")
                    .addRDN(BCStyle.UNIQUE_IDENTIFIER, rfc + " / XAXX010101000");
            if (branch != null) {
                subject.addRDN(BCStyle.OU, branch);
            }
            byte[] cer = new JcaX509v3CertificateBuilder(new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, "AC DE PRUEBAS DEL PORTAL").build(),
                    new BigInteger(1, "30001000000500009999".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                    Date.from(from), Date.from(to), subject.build(), pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC).build(pair.getPrivate()))
                    .getEncoded();
            return new Files(cer, encrypted(pair.getPrivate()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A private key as SAT hands them out: PKCS#8, encrypted with a password (here PBES2 with AES-256). */
    public static byte[] encrypted(PrivateKey key) throws Exception {
        return new JcaPKCS8EncryptedPrivateKeyInfoBuilder(key).build(new JcePKCSPBEOutputEncryptorBuilder(
                NISTObjectIdentifiers.id_aes256_CBC).setProvider(BC).build(PASSWORD.toCharArray())).getEncoded();
    }

    private static byte[] resource(String name) {
        try (InputStream in = TestCsds.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
