package mx.supplierportal.stamping;

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

/**
 * One CFDI a self-registered business asked the portal to stamp. It is created with its sealed XML and a reserved
 * stamp, after every check passed; the stamping process then stamps it at the PAC ({@link Status#STAMPED}, the stamp
 * spent) or records the PAC's refusal ({@link Status#REFUSED}, the stamp given back).
 */
@Entity
@Table(name = "stamp_request")
public class StampRequest {

    public enum Status {
        /** At the PAC (or waiting for it to answer again): "en proceso". */
        PENDING,
        STAMPED,
        REFUSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "supplier_id", nullable = false)
    private Long supplierId;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    private String serie;

    private String folio;

    @Column(name = "receiver_rfc", nullable = false)
    private String receiverRfc;

    @Column(name = "receiver_name")
    private String receiverName;

    @Column(nullable = false)
    private BigDecimal total;

    @Column(nullable = false)
    private String currency;

    @Column(name = "issued_at", nullable = false)
    private String issuedAt;

    @Column(name = "sealed_document_id", nullable = false)
    private Long sealedDocumentId;

    @Column(name = "stamped_document_id")
    private Long stampedDocumentId;

    @Column(name = "pdf_document_id")
    private Long pdfDocumentId;

    private String uuid;

    @Column(name = "stamped_at")
    private OffsetDateTime stampedAt;

    @Column(name = "refusal_code")
    private String refusalCode;

    @Column(name = "refusal_message")
    private String refusalMessage;

    @Column(name = "request_id", nullable = false)
    private String requestId;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected StampRequest() {
    }

    StampRequest(long accountId, long supplierId, long userId, String serie, String folio, String receiverRfc,
            String receiverName, BigDecimal total, String currency, String issuedAt, long sealedDocumentId,
            String requestId, OffsetDateTime createdAt) {
        this.accountId = accountId;
        this.supplierId = supplierId;
        this.userId = userId;
        this.serie = serie;
        this.folio = folio;
        this.receiverRfc = receiverRfc;
        this.receiverName = receiverName;
        this.total = total;
        this.currency = currency;
        this.issuedAt = issuedAt;
        this.sealedDocumentId = sealedDocumentId;
        this.requestId = requestId;
        this.createdAt = createdAt;
        this.status = Status.PENDING;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void stamped(String uuid, long stampedDocumentId, OffsetDateTime when) {
        this.uuid = uuid;
        this.stampedDocumentId = stampedDocumentId;
        this.stampedAt = when;
        this.status = Status.STAMPED;
    }

    void printed(long pdfDocumentId) {
        this.pdfDocumentId = pdfDocumentId;
    }

    void refused(String code, String message) {
        this.refusalCode = code;
        this.refusalMessage = message == null || message.length() <= 1000 ? message : message.substring(0, 1000);
        this.status = Status.REFUSED;
    }

    public Long getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public long getSupplierId() {
        return supplierId;
    }

    public long getUserId() {
        return userId;
    }

    public Status getStatus() {
        return status;
    }

    public String getSerie() {
        return serie;
    }

    public String getFolio() {
        return folio;
    }

    /** "A-17", "A", "17" or empty: how the business names this CFDI. */
    public String serieFolio() {
        return serieFolio(serie, folio);
    }

    /** "A-17", "A", "17" or empty, from a CFDI's Serie and Folio (either may be absent). */
    static String serieFolio(String serie, String folio) {
        String s = serie == null ? "" : serie;
        String f = folio == null ? "" : folio;
        return s.isEmpty() || f.isEmpty() ? s + f : s + "-" + f;
    }

    public String getReceiverRfc() {
        return receiverRfc;
    }

    public String getReceiverName() {
        return receiverName;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public String getCurrency() {
        return currency;
    }

    public String getIssuedAt() {
        return issuedAt;
    }

    public long getSealedDocumentId() {
        return sealedDocumentId;
    }

    public Long getStampedDocumentId() {
        return stampedDocumentId;
    }

    public Long getPdfDocumentId() {
        return pdfDocumentId;
    }

    public String getUuid() {
        return uuid;
    }

    public OffsetDateTime getStampedAt() {
        return stampedAt;
    }

    public String getRefusalCode() {
        return refusalCode;
    }

    public String getRefusalMessage() {
        return refusalMessage;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
