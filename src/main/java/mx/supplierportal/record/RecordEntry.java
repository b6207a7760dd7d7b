package mx.supplierportal.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The supplier's value for one template field, and what the reviewer decided about it. */
@Entity
@Table(name = "record_entry")
public class RecordEntry {

    public enum Status {
        /** Filled (or changed) and not yet reviewed. */
        PENDING,
        ACCEPTED,
        REJECTED,
        EXPIRED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "record_id", nullable = false)
    private Long recordId;

    @Column(name = "field_id", nullable = false)
    private Long fieldId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "text_value")
    private String textValue;

    @Column(name = "date_value")
    private LocalDate dateValue;

    @Column(name = "document_id")
    private Long documentId;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Column(name = "reject_reason")
    private String rejectReason;

    /** Changed since the last review: only changed entries go back to the reviewers. */
    @Column(nullable = false)
    private boolean changed;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected RecordEntry() {
    }

    RecordEntry(Long recordId, Long fieldId, OffsetDateTime now) {
        this.recordId = recordId;
        this.fieldId = fieldId;
        this.status = Status.PENDING;
        this.changed = true;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getRecordId() {
        return recordId;
    }

    public Long getFieldId() {
        return fieldId;
    }

    public Status getStatus() {
        return status;
    }

    public String getTextValue() {
        return textValue;
    }

    public LocalDate getDateValue() {
        return dateValue;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public String getRejectReason() {
        return rejectReason;
    }

    public boolean isChanged() {
        return changed;
    }

    public boolean hasValue() {
        return documentId != null || dateValue != null || (textValue != null && !textValue.isBlank());
    }

    void setText(String value, OffsetDateTime now) {
        this.textValue = value;
        touched(now);
    }

    void setDate(LocalDate value, OffsetDateTime now) {
        this.dateValue = value;
        touched(now);
    }

    void setDocument(Long documentId, OffsetDateTime now) {
        this.documentId = documentId;
        touched(now);
    }

    void accept(LocalDate validUntil) {
        this.status = Status.ACCEPTED;
        this.validUntil = validUntil;
        this.rejectReason = null;
        this.changed = false;
    }

    void reject(String reason) {
        this.status = Status.REJECTED;
        this.rejectReason = reason;
        this.changed = false;
    }

    void expire() {
        this.status = Status.EXPIRED;
    }

    /** A new value is a new thing to review: the earlier value's validity date does not carry over to it. */
    private void touched(OffsetDateTime now) {
        this.status = Status.PENDING;
        this.validUntil = null;
        this.changed = true;
        this.updatedAt = now;
    }
}
