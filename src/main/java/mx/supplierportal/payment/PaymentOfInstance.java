package mx.supplierportal.payment;

import mx.supplierportal.client.Client;
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
        Client client = clients.ofTenant(execution.getTenantId());
        String number = execution.getProcessBusinessKey();
        if (client == null || number == null) {
            throw new IllegalStateException("process instance " + execution.getProcessInstanceId()
                    + " has no client tenant or no payment-number business key");
        }
        return payments.idByClientIdAndNumberKey(client.getId(), Payment.key(number)).orElseThrow(
                () -> new IllegalStateException("no payment " + number + " of tenant " + execution.getTenantId()));
    }
}
