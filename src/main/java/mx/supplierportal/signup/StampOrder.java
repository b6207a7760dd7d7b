package mx.supplierportal.signup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A package of stamps a self-registered business buys, and how it pays for it. */
@Entity
@Table(name = "stamp_order")
public class StampOrder {

    public enum Method { PAYPAL, DEPOSIT }

    public enum Status {
        /** PayPal: created, the person is approving it on PayPal; deposit: waiting for the proof. */
        OPEN,
        /** Approved on PayPal (or the deposit proof uploaded): the portal is capturing it / treasury is checking it. */
        IN_REVIEW,
        PAID,
        /** PayPal declined the capture, or treasury rejected the deposit (the reason says why). */
        REFUSED,
        /** Another order was chosen instead before this one was paid. */
        REPLACED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false)
    private int stamps;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Method method;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    private String reference;

    @Column(name = "paypal_order_id")
    private String paypalOrderId;

    @Column(name = "paypal_capture_id")
    private String paypalCaptureId;

    @Column(name = "proof_document_id")
    private Long proofDocumentId;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "paid_at")
    private OffsetDateTime paidAt;

    @Version
    private long version;

    protected StampOrder() {
    }

    StampOrder(long accountId, StampPackage stampPackage, String currency, Method method, OffsetDateTime createdAt) {
        this.accountId = accountId;
        this.stamps = stampPackage.stamps();
        this.amount = stampPackage.price();
        this.currency = currency;
        this.method = method;
        this.status = Status.OPEN;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    long getAccountId() {
        return accountId;
    }

    public int getStamps() {
        return stamps;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public Method getMethod() {
        return method;
    }

    public Status getStatus() {
        return status;
    }

    public String getReference() {
        return reference;
    }

    String getPaypalOrderId() {
        return paypalOrderId;
    }

    public Long getProofDocumentId() {
        return proofDocumentId;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    public OffsetDateTime getPaidAt() {
        return paidAt;
    }

    void deposit(String reference, OffsetDateTime expiresAt) {
        this.reference = reference;
        this.expiresAt = expiresAt;
    }

    void paypal(String paypalOrderId) {
        this.paypalOrderId = paypalOrderId;
    }

    void proof(long documentId) {
        this.proofDocumentId = documentId;
        this.status = Status.IN_REVIEW;
    }

    void approvedOnPayPal() {
        this.status = Status.IN_REVIEW;
    }

    void captured(String captureId) {
        this.paypalCaptureId = captureId;
    }

    /** Returns true the first time: only then are its stamps credited. */
    boolean paid(OffsetDateTime when) {
        if (status == Status.PAID) {
            return false;
        }
        status = Status.PAID;
        paidAt = when;
        return true;
    }

    void refused(String reason) {
        status = Status.REFUSED;
        rejectionReason = reason;
    }

    void replaced() {
        if (status == Status.OPEN) {
            status = Status.REPLACED;
        }
    }

    boolean isOpen() {
        return status == Status.OPEN;
    }
}
