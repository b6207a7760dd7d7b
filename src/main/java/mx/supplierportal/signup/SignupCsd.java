package mx.supplierportal.signup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A business's CSD: its certificate and its private key, encrypted ({@link KeyVault}); never shown again. */
@Entity
@Table(name = "signup_csd")
class SignupCsd {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(nullable = false)
    private byte[] certificate;

    @Column(nullable = false)
    private String serial;

    @Column(name = "valid_from", nullable = false)
    private OffsetDateTime validFrom;

    @Column(name = "valid_to", nullable = false)
    private OffsetDateTime validTo;

    @Column(name = "encrypted_key", nullable = false)
    private byte[] encryptedKey;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "saved_at", nullable = false)
    private OffsetDateTime savedAt;

    @Version
    private long version;

    protected SignupCsd() {
    }

    SignupCsd(long accountId) {
        this.accountId = accountId;
    }

    void replace(byte[] certificate, String serial, OffsetDateTime validFrom, OffsetDateTime validTo,
            byte[] encryptedKey, OffsetDateTime savedAt) {
        this.certificate = certificate;
        this.serial = serial;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.encryptedKey = encryptedKey;
        this.savedAt = savedAt;
    }

    void reminder(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public String getSerial() {
        return serial;
    }

    public OffsetDateTime getValidTo() {
        return validTo;
    }

    public OffsetDateTime getValidFrom() {
        return validFrom;
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    byte[] getCertificate() {
        return certificate;
    }

    byte[] getEncryptedKey() {
        return encryptedKey;
    }
}
