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

    /** Payment terms: days after reception (the day the invoice was sent). */
    @Column(name = "payment_net_days", nullable = false)
    private int paymentNetDays = 30;

    /** ISO day of the week of the client's payment run (1 Monday ... 7 Sunday), or null for any working day. */
    @Column(name = "payment_weekday")
    private Integer paymentWeekday;

    /** The payment complement (REP) is due on this day of the month after the payment. */
    @Column(name = "rep_due_day", nullable = false)
    private int repDueDay = 5;

    protected InvoiceSettings() {
    }

    InvoiceSettings(Long clientId, boolean pdfRequired, int maxAgeDays) {
        this.clientId = clientId;
        this.pdfRequired = pdfRequired;
        this.maxAgeDays = maxAgeDays;
    }

    public boolean isPdfRequired() { return pdfRequired; }
    public int getMaxAgeDays() { return maxAgeDays; }
    public int getPaymentNetDays() { return paymentNetDays; }
    public Integer getPaymentWeekday() { return paymentWeekday; }
    public int getRepDueDay() { return repDueDay; }

    void documentRules(boolean pdfRequired, int maxAgeDays) {
        this.pdfRequired = pdfRequired;
        this.maxAgeDays = maxAgeDays;
    }

    void paymentTerms(int netDays, Integer weekday, int repDueDay) {
        this.paymentNetDays = netDays;
        this.paymentWeekday = weekday;
        this.repDueDay = repDueDay;
    }

    /**
     * The payment date the terms give for an invoice received on {@code received}: {@code N} days later, moved to
     * the next payment-run weekday when the client has one, then to the next day banks are open (off weekends and
     * Mexican bank holidays, {@link BankHolidays}).
     */
    public java.time.LocalDate proposedPaymentDate(java.time.LocalDate received) {
        java.time.LocalDate date = received.plusDays(paymentNetDays);
        if (paymentWeekday != null) {
            while (date.getDayOfWeek().getValue() != paymentWeekday) {
                date = date.plusDays(1);
            }
        }
        while (BankHolidays.closed(date)) {
            date = date.plusDays(1);
        }
        return date;
    }

    /** The day the payment complement of a payment made on {@code paidOn} is due (SAT: by the 5th of the next month). */
    public java.time.LocalDate repDueDate(java.time.LocalDate paidOn) {
        java.time.LocalDate nextMonth = paidOn.plusMonths(1).withDayOfMonth(1);
        return nextMonth.withDayOfMonth(Math.min(repDueDay, nextMonth.lengthOfMonth()));
    }
}
