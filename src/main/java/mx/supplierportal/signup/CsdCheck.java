package mx.supplierportal.signup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Whether a certificate (.cer), private key (.key) and password are a usable CSD (certificado de sello digital) of
 * an RFC: an X.509 certificate; a CSD, not an e.firma (SAT's CSDs name a branch — OU — and e.firma certificates do
 * not); of this RFC (the first RFC in the subject's x500UniqueIdentifier); in force now; and a key that opens with
 * the password and signs what the certificate verifies. Each failure is a message key; the first one found about
 * the certificate stops the rest.
 */
final class CsdCheck {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    record Csd(X509Certificate certificate, PrivateKey key, String serial) {
    }

    record Result(Csd csd, List<String> problems, Object[] arguments) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    private CsdCheck() {
    }

    static Result check(byte[] cer, byte[] key, char[] password, String rfc, Instant now) {
        List<String> problems = new ArrayList<>();
        X509Certificate certificate = certificate(cer);
        if (certificate == null) {
            return fail("signup.csd.notCertificate");
        }
        X500Name subject;
        try {
            subject = new JcaX509CertificateHolder(certificate).getSubject();
        } catch (GeneralSecurityException e) {
            return fail("signup.csd.notCertificate");
        }
        if (text(subject, BCStyle.OU).isBlank()) {
            return fail("signup.csd.efirma");
        }
        String owner = text(subject, BCStyle.UNIQUE_IDENTIFIER).split("/")[0].strip().toUpperCase(Locale.ROOT);
        if (!owner.equals(rfc)) {
            return new Result(null, List.of("signup.csd.otherRfc"), new Object[] {owner.isEmpty() ? "?" : owner, rfc});
        }
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            return new Result(null, List.of("signup.csd.expired"),
                    new Object[] {mx.supplierportal.web.Formats.date(certificate.getNotAfter().toInstant())});
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            return new Result(null, List.of("signup.csd.notYetValid"),
                    new Object[] {mx.supplierportal.web.Formats.date(certificate.getNotBefore().toInstant())});
        }
        PrivateKey privateKey;
        try {
            privateKey = privateKey(key, password);
        } catch (WrongPassword e) {
            return fail("signup.csd.wrongPassword");
        } catch (IOException | RuntimeException e) {
            return fail("signup.csd.notKey");
        }
        if (!matches(certificate, privateKey)) {
            problems.add("signup.csd.keyMismatch");
        }
        return problems.isEmpty() ? new Result(new Csd(certificate, privateKey, serial(certificate)), problems, new Object[0])
                : new Result(null, problems, new Object[0]);
    }

    /** SAT's NoCertificado of the certificate. */
    static String serial(X509Certificate certificate) {
        return mx.supplierportal.cfdi.Sealer.noCertificado(certificate);
    }

    private static X509Certificate certificate(byte[] cer) {
        if (cer == null || cer.length == 0 || cer.length > 20_000) {
            return null;
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(cer));
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    private static final class WrongPassword extends Exception {
        WrongPassword(Throwable cause) {
            super(cause);
        }
    }

    private static PrivateKey privateKey(byte[] key, char[] password) throws IOException, WrongPassword {
        if (key == null || key.length == 0 || key.length > 20_000) {
            throw new IOException("no key");
        }
        PKCS8EncryptedPrivateKeyInfo encrypted = new PKCS8EncryptedPrivateKeyInfo(key);
        PrivateKeyInfo info;
        try {
            InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC)
                    .build(password == null ? new char[0] : password);
            info = encrypted.decryptPrivateKeyInfo(decryptor);
        } catch (PKCSException e) {
            throw new WrongPassword(e);
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new IOException(e);
        }
        return new JcaPEMKeyConverter().setProvider(BC).getPrivateKey(info);
    }

    private static boolean matches(X509Certificate certificate, PrivateKey key) {
        try {
            byte[] probe = BigInteger.valueOf(System.nanoTime()).toByteArray();
            Signature sign = Signature.getInstance("SHA256withRSA");
            sign.initSign(key);
            sign.update(probe);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance("SHA256withRSA");
            verify.initVerify(certificate.getPublicKey());
            verify.update(probe);
            return verify.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String text(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier attribute) {
        RDN[] rdns = name.getRDNs(attribute);
        return rdns.length == 0 ? "" : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    private static Result fail(String key) {
        return new Result(null, List.of(key), new Object[0]);
    }
}
