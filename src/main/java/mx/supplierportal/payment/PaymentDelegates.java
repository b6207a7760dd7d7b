package mx.supplierportal.payment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import mx.supplierportal.invoice.InvoicePayments;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code payment-scheduling} and {@code payment-received}. */
@Configuration
class PaymentDelegates {

    /** Sets proposedDate and paymentDate (the form's default) from the client's payment terms. */
    @Bean
    JavaDelegate proposePaymentDateDelegate(InvoicePayments invoices) {
        return execution -> {
            String proposed = invoices.proposedDate(invoices.invoiceOf(execution)).toString();
            execution.setVariable("proposedDate", proposed);
            execution.setVariable("paymentDate", proposed);
        };
    }

    /** Records paymentDate (yyyy-MM-dd, from the treasury form or a reschedule) on the invoice. */
    @Bean
    JavaDelegate recordPaymentDateDelegate(InvoicePayments invoices) {
        return execution -> {
            String value = String.valueOf(execution.getVariable("paymentDate")).strip();
            LocalDate date;
            try {
                date = LocalDate.parse(value); // yyyy-MM-dd, a real calendar day
            } catch (DateTimeParseException e) {
                // Completing the task is refused (this step runs in the completion's transaction): Tasklist shows it
                throw new org.camunda.bpm.engine.BadUserRequestException("La fecha de pago «" + value + "» no es una "
                        + "fecha real; escríbala como AAAA-MM-DD, por ejemplo 2026-12-31. / The payment date «" + value
                        + "» is not a real date; write it as YYYY-MM-DD, for example 2026-12-31.", e);
            }
            invoices.schedule(invoices.invoiceOf(execution), date);
        };
    }

    /** The complement's due date passed without one: the payment shows "overdue" to supplier and treasury. */
    @Bean
    JavaDelegate markComplementOverdueDelegate(PaymentRepository payments, PaymentOfInstance instances) {
        return execution -> payments.lockById(instances.idOf(execution)).orElseThrow().complementOverdue();
    }

    /**
     * Asks SAT again about a complement it could not confirm at upload; sets repCancelled. When SAT reports it
     * cancelled the complement is owed again, and the reminder (if its date already passed) moves to a day from now,
     * so that the supplier's renewed task does not start with a reminder minutes after the "cancelled" email.
     */
    @Bean
    JavaDelegate recheckComplementAtSatDelegate(Complements complements, PaymentOfInstance instances,
            java.time.Clock clock) {
        return execution -> {
            boolean cancelled = complements.recheck(instances.idOf(execution));
            execution.setVariable("repCancelled", cancelled);
            Object reminder = execution.getVariable("repReminderAt");
            java.util.Date dayFromNow = java.util.Date.from(clock.instant().plus(java.time.Duration.ofDays(1)));
            if (cancelled && reminder instanceof java.util.Date at && at.before(dayFromNow)) {
                execution.setVariable("repReminderAt", dayFromNow);
            }
        };
    }
}
