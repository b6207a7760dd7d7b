package mx.supplierportal.supplier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A person who signs in to the portal for a supplier. */
@Entity
@Table(name = "supplier_user")
public class SupplierUser {

    public enum Status { PENDING, ACTIVE, DISABLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "supplier_id", nullable = false)
    private Long supplierId;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(nullable = false)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "password_changed_at")
    private OffsetDateTime passwordChangedAt;

    @Version
    private long version;

    protected SupplierUser() {
    }

    SupplierUser(Long supplierId, String email, String fullName, String language, OffsetDateTime createdAt) {
        this.supplierId = supplierId;
        this.email = email;
        this.fullName = fullName;
        this.language = language;
        this.createdAt = createdAt;
        this.status = Status.PENDING;
    }

    /** An account a business created itself: its password is chosen now, it works once the email is confirmed. */
    static SupplierUser selfRegistered(Long supplierId, String email, String passwordHash, String language,
            OffsetDateTime createdAt) {
        SupplierUser user = new SupplierUser(supplierId, email, email, language, createdAt);
        user.passwordHash = passwordHash;
        user.passwordChangedAt = createdAt;
        return user;
    }

    /** The emailed confirmation code was typed: a pending account becomes active. */
    void confirmed() {
        if (status == Status.PENDING) {
            status = Status.ACTIVE;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getSupplierId() {
        return supplierId;
    }

    public String getEmail() {
        return email;
    }

    public String getFullName() {
        return fullName;
    }

    public String getLanguage() {
        return language;
    }

    public Status getStatus() {
        return status;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPassword(String hash, OffsetDateTime when) {
        this.passwordHash = hash;
        this.passwordChangedAt = when;
        if (status == Status.PENDING) {
            status = Status.ACTIVE;
        }
    }

    void setLanguage(String language) {
        this.language = language;
    }
}
