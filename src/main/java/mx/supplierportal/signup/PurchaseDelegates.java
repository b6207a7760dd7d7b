package mx.supplierportal.signup;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code self-registration}'s payment part. The order comes from the variable
 * {@code stampOrderId} only after checking that it belongs to the account of the instance the task runs in.
 */
@Configuration
class PurchaseDelegates {

    private final SignupAccountRepository accounts;
    private final StampOrderRepository orders;
    private final PayPal payPal;
    private final Clock clock;

    PurchaseDelegates(SignupAccountRepository accounts, StampOrderRepository orders, PayPal payPal, Clock clock) {
        this.accounts = accounts;
        this.orders = orders;
        this.payPal = payPal;
        this.clock = clock;
    }

    /**
     * Captures the approved PayPal order. {@code PayPal-Request-Id} is the order's own, so a retry after a lost
     * answer gets the first capture back instead of a second one. Sets {@code paymentOutcome}: COMPLETED, PENDING
     * (PayPal's webhook will say when it completes) or DECLINED. PayPal unreachable: the job fails and is retried.
     */
    @Bean
    JavaDelegate capturePayPalPaymentDelegate() {
        return execution -> {
            StampOrder order = orderOf(execution);
            PayPalConnector.Capture capture = payPal.connector().capture(order.getPaypalOrderId(),
                    "capture-stamp-order-" + order.getId());
            order.captured(capture.captureId());
            String outcome = switch (capture.status()) {
                case COMPLETED -> "COMPLETED";
                case PENDING -> "PENDING";
                case DECLINED, FAILED -> {
                    order.refused(null);
                    yield "DECLINED";
                }
            };
            execution.setVariable("paymentOutcome", outcome);
        };
    }

    /** The order is paid: its stamps are credited once and the account is active. */
    @Bean
    JavaDelegate activateStampAccountDelegate() {
        return execution -> {
            StampOrder order = orderOf(execution);
            SignupAccount account = accountOf(execution);
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (order.paid(now)) {
                account.credit(order.getStamps(), now);
            }
            execution.setVariable("receiptStamps", Variables.integerValue(order.getStamps(), true));
            execution.setVariable("receiptAmount", Variables.stringValue(Purchases.money(order), true));
            execution.setVariable("stampBalance", Variables.integerValue(account.getStampBalance(), true));
            execution.setVariable("paidWith", Variables.stringValue(order.getMethod().name(), true));
        };
    }

    /** Treasury rejected the deposit: the order says why (the email repeats it). */
    @Bean
    JavaDelegate recordDepositRejectionDelegate() {
        return execution -> {
            Object reason = execution.getVariable("rejectionReason");
            orderOf(execution).refused(reason == null ? null : reason.toString());
        };
    }

    private SignupAccount accountOf(DelegateExecution execution) {
        return accounts.findByProcessInstanceId(execution.getProcessInstanceId()).orElseThrow(
                () -> new IllegalStateException("no self-registration for instance " + execution.getProcessInstanceId()));
    }

    private StampOrder orderOf(DelegateExecution execution) {
        SignupAccount account = accountOf(execution);
        Object id = execution.getVariable("stampOrderId");
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("process variable stampOrderId is missing");
        }
        return orders.findByIdAndAccountId(number.longValue(), account.getId()).orElseThrow(
                () -> new IllegalStateException("order " + id + " is not this account's"));
    }
}
