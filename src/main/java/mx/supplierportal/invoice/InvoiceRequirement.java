package mx.supplierportal.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;

/** A document a client wants with every invoice (e.g. the purchase order). */
@Entity
@Table(name = "invoice_requirement")
public class InvoiceRequirement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false)
    private Long clientId;

    @Column(nullable = false)
    private int position;

    @Column(name = "req_key", nullable = false)
    private String key;

    @Column(name = "label_es", nullable = false)
    private String labelEs;

    @Column(name = "label_en", nullable = false)
    private String labelEn;

    @Column(name = "help_es")
    private String helpEs;

    @Column(name = "help_en")
    private String helpEn;

    @Column(nullable = false)
    private boolean mandatory;

    /** Removed by the client's admins: kept for the invoices that have it attached, asked of no new invoice. */
    @Column(name = "removed_at")
    private java.time.OffsetDateTime removedAt;

    protected InvoiceRequirement() {
    }

    InvoiceRequirement(Long clientId, int position, String key, String labelEs, String labelEn, String helpEs,
            String helpEn, boolean mandatory) {
        this.clientId = clientId;
        this.position = position;
        this.key = key;
        this.labelEs = labelEs;
        this.labelEn = labelEn;
        this.helpEs = helpEs;
        this.helpEn = helpEn;
        this.mandatory = mandatory;
    }

    public Long getId() { return id; }
    public Long getClientId() { return clientId; }
    public String getKey() { return key; }
    public boolean isMandatory() { return mandatory; }
    public boolean isRemoved() { return removedAt != null; }
    public String getLabelEs() { return labelEs; }
    public String getLabelEn() { return labelEn; }
    public String getHelpEs() { return helpEs; }
    public String getHelpEn() { return helpEn; }

    void update(String labelEs, String labelEn, String helpEs, String helpEn, boolean mandatory) {
        this.labelEs = labelEs;
        this.labelEn = labelEn;
        this.helpEs = helpEs;
        this.helpEn = helpEn;
        this.mandatory = mandatory;
    }

    void remove(java.time.OffsetDateTime when) {
        this.removedAt = when;
    }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelEs;
    }

    public String help(Locale locale) {
        return "en".equals(locale.getLanguage()) ? helpEn : helpEs;
    }
}
