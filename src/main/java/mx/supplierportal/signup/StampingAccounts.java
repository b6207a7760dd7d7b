package mx.supplierportal.signup;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.OffsetDateTime;
import java.util.Optional;
import mx.supplierportal.cfdi.CfdiReadException;
import mx.supplierportal.cfdi.Sealer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the stamping service may know of a self-registered account: who issues (RFC, name, régimen, código postal),
 * whether it may stamp, and its stamps. The CSD's private key never leaves this package: {@link #seal} seals with it.
 * Stamps move in three steps: {@link #reserve} takes one off the balance for a CFDI being stamped, then either
 * {@link #spend} (stamped) or {@link #release} (refused) — so two uploads at once cannot spend the last stamp twice.
 */
@Service
public class StampingAccounts {

    /** An account as the stamping pages and process see it. */
    public record Issuer(long accountId, long userId, long supplierId, String rfc, String businessName,
            String taxRegime, String postalCode, boolean active, int balance, int reserved, boolean hasCsd,
            OffsetDateTime csdValidTo) {

        /** Active (its first order paid) with a stamp left. */
        public boolean canStamp() {
            return active && balance > 0;
        }
    }

    private final SignupAccountRepository accounts;
    private final SignupCsdRepository csds;
    private final KeyVault vault;
    private final JdbcTemplate jdbc;
    private final mx.supplierportal.supplier.SelfRegisteredUsers users;

    StampingAccounts(SignupAccountRepository accounts, SignupCsdRepository csds, KeyVault vault, JdbcTemplate jdbc,
            mx.supplierportal.supplier.SelfRegisteredUsers users) {
        this.accounts = accounts;
        this.csds = csds;
        this.vault = vault;
        this.jdbc = jdbc;
        this.users = users;
    }

    /** The account of a signed-in supplier user; empty for a user no self-registration made. */
    @Transactional(readOnly = true)
    public Optional<Issuer> ofUser(long userId) {
        return accounts.findBySupplierUserId(userId).map(account -> {
            Optional<SignupCsd> csd = csds.findById(account.getId());
            return new Issuer(account.getId(), account.getSupplierUserId(), users.companyIdOf(userId),
                    account.getRfc(), account.getBusinessName(), account.getTaxRegime(), account.getPostalCode(),
                    account.getStatus() == SignupAccount.Status.ACTIVE, account.getStampBalance(),
                    account.getStampsReserved(), csd.isPresent(), csd.map(SignupCsd::getValidTo).orElse(null));
        });
    }

    /** Whether the signed-in supplier user has an active stamping account (one query: the menu asks on every page). */
    @Transactional(readOnly = true)
    public boolean isActive(long userId) {
        return accounts.existsBySupplierUserIdAndStatus(userId, SignupAccount.Status.ACTIVE);
    }

    /** The CFDI sealed with the account's CSD (NoCertificado, Certificado, Sello); the key is opened only here. */
    @Transactional(readOnly = true)
    public byte[] seal(long accountId, byte[] xml) throws CfdiReadException {
        SignupCsd csd = csds.findById(accountId).orElseThrow(() -> new IllegalStateException(
                "account " + accountId + " has no CSD"));
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    vault.open(csd.getEncryptedKey(), accountId)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored CSD key of account " + accountId + " cannot be read", e);
        }
        return Sealer.seal(xml, certificateOf(csd.getCertificate()), key);
    }

    /** Takes one stamp off an active account's balance for a CFDI being stamped; false when none is left. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean reserve(long accountId) {
        return jdbc.update("update signup_account set stamp_balance = stamp_balance - 1, stamps_reserved = "
                + "stamps_reserved + 1, version = version + 1 where id = ? and status = 'ACTIVE' and stamp_balance > 0",
                accountId) == 1;
    }

    /** The reserved stamp was used: the PAC stamped the CFDI. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void spend(long accountId) {
        move(accountId, "stamps_reserved = stamps_reserved - 1");
    }

    /** The reserved stamp goes back to the balance: the PAC refused the CFDI. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(long accountId) {
        move(accountId, "stamp_balance = stamp_balance + 1, stamps_reserved = stamps_reserved - 1");
    }

    private void move(long accountId, String change) {
        if (jdbc.update("update signup_account set " + change + ", version = version + 1 where id = ? and "
                + "stamps_reserved > 0", accountId) != 1) {
            throw new IllegalStateException("account " + accountId + " has no reserved stamp");
        }
    }

    private static X509Certificate certificateOf(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored CSD certificate cannot be read", e);
        }
    }
}
