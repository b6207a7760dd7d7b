package mx.supplierportal.payment;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A payment treasury made to one supplier, covering one or more of its approved invoices. */
@Entity
@Table(name = "payment")
public class Payment {

    /** The payment complement (REP) the supplier owes for the PPD invoices a payment covers. */
    public enum ComplementStatus { NOT_REQUIRED, PENDING, OVERDUE, ACCEPTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false)
    private Long clientId;

    @Column(name = "client_supplier_id", nullable = false)
    private Long registrationId;

    @Column(name = "supplier_id", nullable = false)
    private Long supplierId;

    @Column(name = "payment_number", nullable = false)
    private String number;

    @Column(name = "number_key", nullable = false)
    private String numberKey;

    @Column(name = "paid_on", nullable = false)
    private LocalDate paidOn;

    /** SAT's c_FormaPago code (03 = transfer...). */
    @Column(nullable = false)
    private String method;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(name = "bank_reference")
    private String bankReference;

    @Column(name = "registered_by", nullable = false)
    private String registeredBy;

    @Column(name = "registered_at", nullable = false)
    private OffsetDateTime registeredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "rep_status", nullable = false)
    private ComplementStatus complementStatus;

    @Column(name = "rep_due")
    private LocalDate complementDue;

    @Column(name = "rep_document_id")
    private Long complementDocumentId;

    @Column(name = "rep_sat_confirmed", nullable = false)
    private boolean complementSatConfirmed;

    @Column(name = "rep_uuid")
    private String complementUuid;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Version
    private long version;

    protected Payment() {
    }

    Payment(Long clientId, Long registrationId, Long supplierId, String number, LocalDate paidOn, String method,
            String currency, BigDecimal amount, String bankReference, String registeredBy, OffsetDateTime registeredAt,
            LocalDate complementDue) {
        this.clientId = clientId;
        this.registrationId = registrationId;
        this.supplierId = supplierId;
        this.number = number;
        this.numberKey = key(number);
        this.paidOn = paidOn;
        this.method = method;
        this.currency = currency;
        this.amount = amount;
        this.bankReference = bankReference;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
        this.complementDue = complementDue;
        this.complementStatus = complementDue == null ? ComplementStatus.NOT_REQUIRED : ComplementStatus.PENDING;
    }

    /** How payment numbers are compared: without regard to case. */
    static String key(String number) {
        return number.toUpperCase(java.util.Locale.ROOT);
    }

    public Long getId() { return id; }
    public Long getClientId() { return clientId; }
    public Long getRegistrationId() { return registrationId; }
    public Long getSupplierId() { return supplierId; }
    public String getNumber() { return number; }
    public LocalDate getPaidOn() { return paidOn; }
    public String getMethod() { return method; }
    public String getCurrency() { return currency; }
    public BigDecimal getAmount() { return amount; }
    public String getBankReference() { return bankReference; }
    public String getRegisteredBy() { return registeredBy; }
    public OffsetDateTime getRegisteredAt() { return registeredAt; }
    public ComplementStatus getComplementStatus() { return complementStatus; }
    public LocalDate getComplementDue() { return complementDue; }
    public Long getComplementDocumentId() { return complementDocumentId; }
    public String getComplementUuid() { return complementUuid; }
    /** SAT confirmed that the accepted complement is current (during the upload or asked again later). */
    public boolean isComplementSatConfirmed() { return complementSatConfirmed; }
    public String getProcessInstanceId() { return processInstanceId; }

    /** The supplier still has to upload the complement (pending or overdue). */
    public boolean complementOwed() {
        return complementStatus == ComplementStatus.PENDING || complementStatus == ComplementStatus.OVERDUE;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void complementAccepted(long documentId, String uuid, boolean satConfirmed) {
        this.complementStatus = ComplementStatus.ACCEPTED;
        this.complementDocumentId = documentId;
        this.complementUuid = uuid;
        this.complementSatConfirmed = satConfirmed;
    }

    void complementConfirmedAtSat() {
        this.complementSatConfirmed = true;
    }

    /**
     * SAT reports the accepted complement cancelled: it is owed again (the cancelled file stays among the supplier's
     * stored documents, and its UUID in the process history).
     */
    void complementCancelledAtSat() {
        this.complementStatus = ComplementStatus.PENDING;
        this.complementDocumentId = null;
        this.complementUuid = null;
        this.complementSatConfirmed = false;
    }

    void complementOverdue() {
        if (complementStatus == ComplementStatus.PENDING) {
            this.complementStatus = ComplementStatus.OVERDUE;
        }
    }
}
