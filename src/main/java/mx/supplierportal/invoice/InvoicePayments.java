package mx.supplierportal.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import mx.supplierportal.web.MexicoTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the payment feature may do to invoices: propose and record their payment date, and apply payments to them.
 * Every change takes the invoice's row lock (see {@link InvoiceRepository#lockById}).
 */
@Service
public class InvoicePayments {


    private final InvoiceRepository invoices;
    private final InvoiceRules rules;
    private final Invoices service;
    private final java.time.Clock clock;

    private final InvoiceOfInstance instances;

    InvoicePayments(InvoiceRepository invoices, InvoiceRules rules, Invoices service, InvoiceOfInstance instances,
            java.time.Clock clock) {
        this.invoices = invoices;
        this.instances = instances;
        this.rules = rules;
        this.service = service;
        this.clock = clock;
    }

    /**
     * The invoice a payment-scheduling instance works for: from its tenant and UUID business key, never from an
     * {@code invoiceId} variable.
     */
    public long invoiceOf(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        return instances.requiredIdOf(execution);
    }

    /** The payment date the client's terms give for this invoice, counted from the day it was sent. */
    @Transactional(readOnly = true)
    public LocalDate proposedDate(long invoiceId) {
        Invoice invoice = invoices.findById(invoiceId).orElseThrow();
        OffsetDateTime received = invoice.getSentAt() == null ? OffsetDateTime.now(clock) : invoice.getSentAt();
        return rules.settingsOf(invoice.getClientId()).proposedPaymentDate(
                received.atZoneSameInstant(MexicoTime.ZONE).toLocalDate());
    }

    /** Records the (new) payment date: the supplier sees it in "In process" at once. */
    @Transactional
    public void schedule(long invoiceId, LocalDate date) {
        Invoice invoice = invoices.lockById(invoiceId).orElseThrow();
        boolean again = invoice.getScheduledPaymentDate() != null;
        invoice.scheduled(date);
        service.event(invoice, Invoice.Stage.PAYMENT_SCHEDULED, again ? "RESCHEDULED" : "SCHEDULED");
    }

    /** The invoice, locked for the rest of the transaction, to apply a payment to it. */
    public Optional<Invoice> lockForPayment(long invoiceId) {
        return invoices.lockById(invoiceId);
    }

    /** Adds a payment to the invoice; when nothing is left to pay, the invoice is paid. */
    public void applyPayment(Invoice invoice, BigDecimal amount) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        invoice.paid(amount, now);
        if (invoice.getStatus() == Invoice.Status.PAID) {
            service.event(invoice, Invoice.Stage.PAID, "PAID");
        } else {
            service.event(invoice, Invoice.Stage.PAYMENT_SCHEDULED, "PARTIALLY_PAID");
        }
    }

    /** A supplier's approved invoices with something left to pay, for one client, oldest first. */
    @Transactional(readOnly = true)
    public List<Invoice> payable(long registrationId) {
        return invoices.findByRegistrationIdAndStatusOrderByCreatedAtAsc(registrationId, Invoice.Status.APPROVED);
    }
}
