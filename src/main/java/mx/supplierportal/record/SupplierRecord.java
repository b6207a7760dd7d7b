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
import java.time.OffsetDateTime;

/** A supplier's digital record for one client (one per registration). */
@Entity
@Table(name = "supplier_record")
public class SupplierRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_supplier_id", nullable = false, unique = true)
    private Long clientSupplierId;

    @Column(name = "template_id", nullable = false)
    private Long templateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RecordStatus status;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Column(name = "approved_at")
    private OffsetDateTime approvedAt;

    /** The reviewers' overall comment of the last review (blank: none), and when that review was decided. */
    @Column(name = "review_comment")
    private String reviewComment;

    @Column(name = "reviewed_at")
    private OffsetDateTime reviewedAt;

    @Version
    private long version;

    protected SupplierRecord() {
    }

    SupplierRecord(Long clientSupplierId, Long templateId) {
        this.clientSupplierId = clientSupplierId;
        this.templateId = templateId;
        this.status = RecordStatus.DRAFT;
    }

    public Long getId() {
        return id;
    }

    public Long getClientSupplierId() {
        return clientSupplierId;
    }

    public Long getTemplateId() {
        return templateId;
    }

    public RecordStatus getStatus() {
        return status;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public OffsetDateTime getSubmittedAt() {
        return submittedAt;
    }

    public OffsetDateTime getApprovedAt() {
        return approvedAt;
    }

    public String getReviewComment() {
        return reviewComment;
    }

    public OffsetDateTime getReviewedAt() {
        return reviewedAt;
    }

    /** The reviewers decided: their comment (kept to the column's 4,000 characters) replaces the last one. */
    void reviewed(String comment, OffsetDateTime when) {
        String text = comment == null ? "" : comment.strip();
        this.reviewComment = text.isEmpty() ? null : text.substring(0, Math.min(text.length(), 4000));
        this.reviewedAt = when;
    }

    /** The supplier may edit while the record is not with the reviewers. */
    public boolean editable() {
        return status != RecordStatus.UNDER_REVIEW;
    }

    void submitted(String processInstanceId, OffsetDateTime when) {
        this.status = RecordStatus.UNDER_REVIEW;
        this.processInstanceId = processInstanceId;
        this.submittedAt = when;
    }

    void changesRequested() {
        this.status = RecordStatus.CHANGES_REQUESTED;
    }

    void approved(OffsetDateTime when) {
        this.status = RecordStatus.APPROVED;
        this.approvedAt = when;
    }

    void updateRequired() {
        this.status = RecordStatus.UPDATE_REQUIRED;
    }
}
