package mx.supplierportal.payment;

import mx.supplierportal.client.Clients;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Which payment a payment-received instance works for, derived from the instance — its tenant (the client) and its
 * business key (the payment number, unique per client) — never from a {@code paymentId} variable.
 */
@Component
class PaymentOfInstance {

    private final PaymentRepository payments;
    private final Clients clients;

    PaymentOfInstance(PaymentRepository payments, Clients clients) {
        this.payments = payments;
        this.clients = clients;
    }

    long idOf(DelegateExecution execution) {
        Clients.InstanceOwner owner = clients.ownerOf(execution);
        return payments.idByClientIdAndNumberKey(owner.client().getId(), Payment.key(owner.businessKey()))
                .orElseThrow(() -> new IllegalStateException("no payment " + owner.businessKey() + " of tenant "
                        + execution.getTenantId()));
    }
}
