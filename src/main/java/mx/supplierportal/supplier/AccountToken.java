package mx.supplierportal.supplier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A single-use secret sent by email. Only the SHA-256 of the secret is stored. */
@Entity
@Table(name = "account_token")
class AccountToken {

    enum Purpose { ACTIVATION, PASSWORD_RESET, SIGNUP_CONFIRMATION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Purpose purpose;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    /** Wrong codes typed for this token's account while it was open. */
    @Column(nullable = false)
    private int failures;

    protected AccountToken() {
    }

    AccountToken(Long userId, Purpose purpose, String tokenHash, String processInstanceId, OffsetDateTime createdAt,
            OffsetDateTime expiresAt) {
        this.userId = userId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.processInstanceId = processInstanceId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    Long getUserId() {
        return userId;
    }

    Purpose getPurpose() {
        return purpose;
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    boolean isUsed() {
        return usedAt != null;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    void use(OffsetDateTime when) {
        this.usedAt = when;
    }

    int getFailures() {
        return failures;
    }

    /** One more wrong code typed for this account; returns how many there have been. */
    int failed() {
        return ++failures;
    }

    void revoke(OffsetDateTime when) {
        if (usedAt == null && revokedAt == null) {
            this.revokedAt = when;
        }
    }
}
