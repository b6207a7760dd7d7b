package mx.supplierportal.invoice;

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
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** A CFDI a supplier uploaded for a client: a draft until sent, then followed through the client's stages. */
@Entity
@Table(name = "invoice")
public class Invoice {

    public enum Status {
        /** "To send": uploaded, documents may be missing. */
        DRAFT,
        /** Sent; with the client (stage says where). */
        IN_PROCESS,
        /** The client asked for more information: the supplier adds it and sends again. */
        MORE_INFO,
        /** Approved: waits for its payment (scheduled or not yet; partly paid PPD invoices stay here). */
        APPROVED,
        REJECTED,
        /** Paid in full: leaves "In process"; its payments are in "Payments > Archive". */
        PAID
    }

    /** What SAT's status service last said about the CFDI. */
    public enum SatState { NOT_VERIFIED, VIGENTE, CANCELADO, NO_ENCONTRADO }

    /** The client's stages, in order; the dots on "In process". */
    public enum Stage { RECEIVED, REVIEW, APPROVAL, PAYMENT_SCHEDULED, PAID }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false)
    private Long clientId;

    @Column(name = "client_supplier_id", nullable = false)
    private Long registrationId;

    @Column(name = "supplier_id", nullable = false)
    private Long supplierId;

    @Column(nullable = false)
    private String uuid;

    private String serie;

    private String folio;

    @Column(name = "issued_at", nullable = false)
    private LocalDateTime issuedAt;

    @Column(nullable = false)
    private String currency;

    @Column(name = "exchange_rate")
    private BigDecimal exchangeRate;

    @Column(nullable = false)
    private BigDecimal subtotal;

    @Column(nullable = false)
    private BigDecimal total;

    @Column(name = "payment_method")
    private String paymentMethod;

    @Column(name = "emisor_rfc", nullable = false)
    private String emisorRfc;

    @Column(name = "receptor_rfc", nullable = false)
    private String receptorRfc;

    @Column(name = "xml_document_id", nullable = false)
    private Long xmlDocumentId;

    @Column(name = "pdf_document_id")
    private Long pdfDocumentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Stage stage;

    @Enumerated(EnumType.STRING)
    @Column(name = "sat_status", nullable = false)
    private SatState satStatus;

    @Column(name = "sat_checked_at")
    private OffsetDateTime satCheckedAt;

    /** Warning findings of the validation, one per line, shown on the details page. */
    private String warnings;

    @Column(name = "reject_reason")
    private String rejectReason;

    /** The rejection says the CFDI itself must be cancelled and issued again: it cannot be sent again. */
    @Column(name = "reissue_required", nullable = false)
    private boolean reissueRequired;

    /** 1 for the first sending; one more each time the supplier reopens a rejected invoice to send it again. */
    @Column(nullable = false)
    private int attempt = 1;

    @Column(name = "info_request")
    private String infoRequest;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "scheduled_payment_date")
    private LocalDate scheduledPaymentDate;

    @Column(name = "paid_amount", nullable = false)
    private BigDecimal paidAmount = BigDecimal.ZERO;

    @Column(name = "paid_at")
    private OffsetDateTime paidAt;

    @Column(name = "pdf_without_uuid", nullable = false)
    private boolean pdfWithoutUuid;

    @Version
    private long version;

    protected Invoice() {
    }

    Invoice(Long clientId, Long registrationId, Long supplierId, String uuid, String serie, String folio,
            LocalDateTime issuedAt, String currency, BigDecimal exchangeRate, BigDecimal subtotal, BigDecimal total,
            String paymentMethod, String emisorRfc, String receptorRfc, Long xmlDocumentId, Long pdfDocumentId,
            String warnings, OffsetDateTime createdAt) {
        this.clientId = clientId;
        this.registrationId = registrationId;
        this.supplierId = supplierId;
        this.uuid = uuid;
        this.serie = serie;
        this.folio = folio;
        this.issuedAt = issuedAt;
        this.currency = currency;
        this.exchangeRate = exchangeRate;
        this.subtotal = subtotal;
        this.total = total;
        this.paymentMethod = paymentMethod;
        this.emisorRfc = emisorRfc;
        this.receptorRfc = receptorRfc;
        this.xmlDocumentId = xmlDocumentId;
        this.pdfDocumentId = pdfDocumentId;
        this.warnings = warnings;
        this.createdAt = createdAt;
        this.status = Status.DRAFT;
        this.stage = Stage.RECEIVED;
        this.satStatus = SatState.NOT_VERIFIED;
    }

    public Long getId() { return id; }
    public Long getClientId() { return clientId; }
    public Long getRegistrationId() { return registrationId; }
    public Long getSupplierId() { return supplierId; }
    public String getUuid() { return uuid; }
    public String getSerie() { return serie; }
    public String getFolio() { return folio; }
    public LocalDateTime getIssuedAt() { return issuedAt; }
    public String getCurrency() { return currency; }
    public BigDecimal getExchangeRate() { return exchangeRate; }
    public BigDecimal getSubtotal() { return subtotal; }
    public BigDecimal getTotal() { return total; }
    public String getPaymentMethod() { return paymentMethod; }
    public String getEmisorRfc() { return emisorRfc; }
    public String getReceptorRfc() { return receptorRfc; }
    public Long getXmlDocumentId() { return xmlDocumentId; }
    public Long getPdfDocumentId() { return pdfDocumentId; }
    public Status getStatus() { return status; }
    public SatState getSatStatus() { return satStatus; }
    public OffsetDateTime getSatCheckedAt() { return satCheckedAt; }
    public Stage getStage() { return stage; }
    public String getWarnings() { return warnings; }
    public String getRejectReason() { return rejectReason; }

    public boolean isReissueRequired() { return reissueRequired; }

    public int getAttempt() { return attempt; }

    /** Rejected, and the supplier may correct it and send it again (the rejection did not ask for a new CFDI). */
    public boolean canBeSentAgain() {
        return status == Status.REJECTED && !reissueRequired && satStatus != SatState.CANCELADO;
    }
    public String getInfoRequest() { return infoRequest; }
    public String getProcessInstanceId() { return processInstanceId; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getSentAt() { return sentAt; }
    public LocalDate getScheduledPaymentDate() { return scheduledPaymentDate; }
    public BigDecimal getPaidAmount() { return paidAmount; }
    public OffsetDateTime getPaidAt() { return paidAt; }
    /** The PDF was read and does not show this invoice's UUID: it may be the PDF of another invoice. */
    public boolean isPdfWithoutUuid() { return pdfWithoutUuid; }

    void pdfWithoutUuid() {
        this.pdfWithoutUuid = true;
    }

    /** What is still to be paid, in the invoice's currency. */
    public BigDecimal balance() {
        return total.subtract(paidAmount);
    }

    /** Paid in installments or later (método de pago PPD): each payment needs a payment complement (REP). */
    public boolean isPpd() {
        return "PPD".equals(paymentMethod);
    }

    /** "A-123", or the start of the UUID when there is no serie or folio. */
    public String serieFolio() {
        return serieFolio(serie, folio, uuid);
    }

    /** The same for an invoice read as columns (lists that do not load the entity). */
    public static String serieFolio(String serie, String folio, String uuid) {
        String text = (serie == null ? "" : serie) + (serie != null && folio != null ? "-" : "")
                + (folio == null ? "" : folio);
        return text.isEmpty() ? uuid.substring(0, 8) : text;
    }

    /** The total in pesos, for approval rules. */
    public BigDecimal totalMxn() {
        return "MXN".equals(currency) || exchangeRate == null ? total : total.multiply(exchangeRate);
    }

    void satChecked(SatState state, OffsetDateTime when) {
        this.satStatus = state;
        this.satCheckedAt = when;
    }

    void sent(String processInstanceId, OffsetDateTime when) {
        this.status = Status.IN_PROCESS;
        this.processInstanceId = processInstanceId;
        this.sentAt = when;
        this.infoRequest = null;
    }

    void stage(Stage stage) {
        this.stage = stage;
    }

    void moreInfo(String request) {
        this.status = Status.MORE_INFO;
        this.infoRequest = request;
    }

    void approved() {
        this.status = Status.APPROVED;
        this.stage = Stage.APPROVAL;
    }

    void scheduled(LocalDate date) {
        this.scheduledPaymentDate = date;
        this.stage = Stage.PAYMENT_SCHEDULED;
    }

    void paid(BigDecimal amount, OffsetDateTime when) {
        this.paidAmount = paidAmount.add(amount);
        if (balance().signum() <= 0) {
            this.status = Status.PAID;
            this.stage = Stage.PAID;
            this.paidAt = when;
        }
    }

    void rejected(String reason, boolean reissue) {
        this.status = Status.REJECTED;
        this.rejectReason = reason;
        this.reissueRequired = reissue;
    }

    /** A new attempt: back to "to send", where the supplier fixes its documents; the rejection stays in the history. */
    void reopened() {
        this.status = Status.DRAFT;
        this.stage = Stage.RECEIVED;
        this.attempt++;
    }

    void replacePdf(Long pdfDocumentId, boolean showsUuid) {
        this.pdfDocumentId = pdfDocumentId;
        this.pdfWithoutUuid = !showsUuid;
    }
}
