package mx.supplierportal.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The payments that covered an invoice, for its page (a paid invoice links to its payments). Implemented by the
 * payment feature, which depends on invoices and not the other way round.
 */
public interface PaymentsOfInvoice {

    record PaymentLink(long paymentId, String number, LocalDate paidOn, BigDecimal amount) {
    }

    /** Oldest first; empty when nothing was paid yet. */
    List<PaymentLink> of(long invoiceId);
}
