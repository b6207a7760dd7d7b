package mx.supplierportal.cfdi;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The built-in test PAC: stamps a sealed CFDI with a TimbreFiscalDigital 1.1 (a v4 UUID, FechaTimbrado in Mexico City
 * time, RfcProvCertif of SAT's test PAC, SelloCFD = the CFDI's Sello, NoCertificadoSAT and SelloSAT of its own test
 * certificate, over the TFD's cadena). Its certificate names SAT as owner, so the portal's validator verifies these
 * stamps exactly where that certificate is trusted (an operator's folder: the demo and the tests), never elsewhere.
 * Like a real PAC it refuses a CFDI already stamped, not sealed, larger than 1 MB or issued more than 72 hours ago,
 * and answers a repeated {@code requestId} with its first stamp.
 */
public final class TestPac implements Stamper {

    static final String RFC_PROV_CERTIF = SatCertificates.SAT_TEST_RFC;
    static final int MAX_BYTES = 1024 * 1024;
    private static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");
    private static final DateTimeFormatter CFDI_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final PrivateKey key;
    private final String serial;
    private final byte[] certificate;
    private final Clock clock;
    private final Map<String, Stamped> answered = new ConcurrentHashMap<>();

    public TestPac(PrivateKey key, String serial, byte[] certificate, Clock clock) {
        this.key = key;
        this.serial = serial;
        this.certificate = certificate.clone();
        this.clock = clock;
    }

    /** A test PAC with a new key and certificate (owner SAT's RFC, the given 20-digit serial, valid 20 years). */
    public static TestPac generate(String serial, Clock clock) {
        Keys keys = newKeys(serial, clock);
        try {
            PrivateKey key = java.security.KeyFactory.getInstance("RSA").generatePrivate(
                    new java.security.spec.PKCS8EncodedKeySpec(keys.pkcs8()));
            return new TestPac(key, serial, keys.certificate(), clock);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test PAC's new key", e);
        }
    }

    /** A test PAC's key (PKCS#8) and its certificate (DER), to be kept in files. */
    public record Keys(byte[] pkcs8, byte[] certificate) {
    }

    /** A new key and a certificate of {@code serial} whose owner is SAT's RFC, valid 20 years from now. */
    public static Keys newKeys(String serial, Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, "PAC DE PRUEBAS DEL PORTAL (NO ES DEL SAT)")
                    .addRDN(new ASN1ObjectIdentifier("2.5.4.45"), new DERPrintableString(SatCertificates.SAT_RFC))
                    .build();
            Instant now = clock.instant();
            byte[] certificate = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(1, serial.getBytes(StandardCharsets.US_ASCII)), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365 * 20))), subject, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())).getEncoded();
            return new Keys(keys.getPrivate().getEncoded(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot make the test PAC's certificate", e);
        }
    }

    /**
     * A test PAC with a configured key (PKCS#8 PEM) and certificate (DER): stamps then verify wherever that certificate
     * is trusted, across restarts. Its serial is the certificate's SAT number.
     */
    public static TestPac load(java.nio.file.Path keyPem, java.nio.file.Path certificateDer, Clock clock) {
        try {
            String text = java.nio.file.Files.readString(keyPem, StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            PrivateKey key = java.security.KeyFactory.getInstance("RSA").generatePrivate(
                    new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
            byte[] der = java.nio.file.Files.readAllBytes(certificateDer);
            java.security.cert.X509Certificate certificate = (java.security.cert.X509Certificate)
                    java.security.cert.CertificateFactory.getInstance("X.509")
                            .generateCertificate(new java.io.ByteArrayInputStream(der));
            return new TestPac(key, IssuerSeal.satSerial(certificate.getSerialNumber()), der, clock);
        } catch (java.io.IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the test PAC's key " + keyPem + " or certificate " + certificateDer
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Its certificate (DER), for the folder of trusted stamping certificates as {@code SERIAL.cer}. */
    public byte[] certificate() {
        return certificate.clone();
    }

    public String serial() {
        return serial;
    }

    @Override
    public Stamped stamp(byte[] sealedCfdi, String requestId) throws Refused {
        Stamped earlier = requestId == null ? null : answered.get(requestId);
        if (earlier != null) {
            return earlier;
        }
        if (sealedCfdi == null || sealedCfdi.length > MAX_BYTES) {
            throw new Refused("SIZE", "the CFDI is larger than 1 MB");
        }
        Cfdi cfdi;
        try {
            cfdi = new CfdiReader().read(sealedCfdi);
        } catch (CfdiReadException e) {
            throw new Refused("STRUCTURE", "not a CFDI 4.0: " + e.getMessage());
        }
        if (cfdi.timbre().isPresent()) {
            throw new Refused("ALREADY_STAMPED", "the CFDI already has a TimbreFiscalDigital");
        }
        String sello = cfdi.comprobante().sello();
        if (sello == null || sello.isBlank()) {
            throw new Refused("NOT_SEALED", "the CFDI has no issuer seal (Sello)");
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), MEXICO_CITY).withNano(0);
        LocalDateTime issued;
        try {
            issued = LocalDateTime.parse(cfdi.comprobante().fecha());
        } catch (RuntimeException e) {
            throw new Refused("STRUCTURE", "Fecha is not a date: " + cfdi.comprobante().fecha());
        }
        if (Duration.between(issued, now).compareTo(StampSeal.STAMPING_WINDOW) > 0) {
            throw new Refused("DATE_WINDOW", "the CFDI was issued more than 72 hours ago");
        }
        if (issued.isAfter(now.plus(StampSeal.EARLIER_ZONE))) {
            throw new Refused("DATE_WINDOW", "the CFDI is dated in the future");
        }
        Stamped stamped = stamp(sealedCfdi, UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT),
                now.format(CFDI_DATE));
        if (requestId != null) {
            Stamped first = answered.putIfAbsent(requestId, stamped);
            return first != null ? first : stamped;
        }
        return stamped;
    }

    /** The sealed CFDI with a TimbreFiscalDigital 1.1 of {@code uuid} at {@code fechaTimbrado} (no checks). */
    Stamped stamp(byte[] sealedCfdi, String uuid, String fechaTimbrado) {
        String xml = new String(sealedCfdi, StandardCharsets.UTF_8);
        String selloCfd;
        try {
            selloCfd = new CfdiReader().read(sealedCfdi).comprobante().sello();
        } catch (CfdiReadException e) {
            throw new IllegalArgumentException(e);
        }
        Cfdi.Timbre timbre = new Cfdi.Timbre("1.1", uuid, fechaTimbrado, RFC_PROV_CERTIF, selloCfd, serial, null,
                null);
        String selloSat;
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(StampSeal.cadenaOf(timbre).getBytes(StandardCharsets.UTF_8));
            selloSat = Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the stamp", e);
        }
        String tfd = "<tfd:TimbreFiscalDigital xmlns:tfd=\"http://www.sat.gob.mx/TimbreFiscalDigital\" Version=\"1.1\" "
                + "UUID=\"" + uuid + "\" FechaTimbrado=\"" + fechaTimbrado + "\" RfcProvCertif=\"" + RFC_PROV_CERTIF
                + "\" SelloCFD=\"" + selloCfd + "\" NoCertificadoSAT=\"" + serial + "\" SelloSAT=\"" + selloSat
                + "\"/>";
        // the TimbreFiscalDigital is outside the issuer's cadena: adding it leaves the seal intact
        String stamped = xml.contains("</cfdi:Complemento>")
                ? xml.replace("</cfdi:Complemento>", tfd + "</cfdi:Complemento>")
                : xml.replace("</cfdi:Comprobante>", "<cfdi:Complemento>" + tfd + "</cfdi:Complemento></cfdi:Comprobante>");
        return new Stamped(stamped.getBytes(StandardCharsets.UTF_8), uuid, fechaTimbrado);
    }
}
