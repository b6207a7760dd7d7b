package mx.supplierportal.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A stored file: what its owner called it, what it really is (by content), its size and SHA-256. */
@Entity
@Table(name = "stored_document")
public class StoredDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "supplier_id", nullable = false)
    private Long supplierId;

    @Column(name = "declared_name", nullable = false)
    private String declaredName;

    @Column(name = "detected_type", nullable = false)
    private String detectedType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected StoredDocument() {
    }

    StoredDocument(Long supplierId, String declaredName, String detectedType, long sizeBytes, String sha256,
            String createdBy, OffsetDateTime createdAt) {
        this.supplierId = supplierId;
        this.declaredName = declaredName;
        this.detectedType = detectedType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getSupplierId() {
        return supplierId;
    }

    public String getDeclaredName() {
        return declaredName;
    }

    public String getDetectedType() {
        return detectedType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
