package mx.supplierportal.invoice;

import java.util.Locale;
import java.util.Optional;
import mx.supplierportal.client.Clients;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Which invoice a process instance works for, derived from the instance itself — its tenant (the client) and its
 * business key (the CFDI's UUID) — never from an {@code invoiceId} variable, which anyone completing a task could
 * overwrite. Used by every delegate of invoice-reception, cfdi-sat-check and payment-scheduling.
 */
@Component
class InvoiceOfInstance {

    private final InvoiceRepository invoices;
    private final Clients clients;

    InvoiceOfInstance(InvoiceRepository invoices, Clients clients) {
        this.invoices = invoices;
        this.clients = clients;
    }

    /** The invoice's id; empty when it no longer exists (a draft deleted meanwhile). */
    Optional<Long> idOf(DelegateExecution execution) {
        Clients.InstanceOwner owner = clients.ownerOf(execution);
        return invoices.idByClientIdAndUuid(owner.client().getId(), owner.businessKey().toUpperCase(Locale.ROOT));
    }

    long requiredIdOf(DelegateExecution execution) {
        return idOf(execution).orElseThrow(() -> new IllegalStateException("no invoice " + execution
                .getProcessBusinessKey() + " of tenant " + execution.getTenantId()));
    }
}
