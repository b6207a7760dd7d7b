package mx.supplierportal.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A client's invoice rules: whether the PDF is required and how old an invoice may be. */
@Entity
@Table(name = "invoice_settings")
public class InvoiceSettings {

    @Id
    @Column(name = "client_id")
    private Long clientId;

    @Column(name = "pdf_required", nullable = false)
    private boolean pdfRequired;

    @Column(name = "max_age_days", nullable = false)
    private int maxAgeDays;

    protected InvoiceSettings() {
    }

    InvoiceSettings(Long clientId, boolean pdfRequired, int maxAgeDays) {
        this.clientId = clientId;
        this.pdfRequired = pdfRequired;
        this.maxAgeDays = maxAgeDays;
    }

    public boolean isPdfRequired() { return pdfRequired; }
    public int getMaxAgeDays() { return maxAgeDays; }
}
