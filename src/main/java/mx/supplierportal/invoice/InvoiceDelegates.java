package mx.supplierportal.invoice;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks and the stage listener of {@code invoice-reception}. */
@Configuration
class InvoiceDelegates {

    private final InvoiceRepository invoices;
    private final Invoices service;
    private final InvoiceOfInstance instances;

    InvoiceDelegates(InvoiceRepository invoices, Invoices service, InvoiceOfInstance instances) {
        this.invoices = invoices;
        this.service = service;
        this.instances = instances;
    }

    /** Moves the invoice's stage when a reviewers' or approvers' task starts. */
    @Bean
    ExecutionListener invoiceStageListener() {
        return execution -> {
            Invoice invoice = invoice(execution);
            Invoice.Stage stage = "Task_Approve".equals(execution.getCurrentActivityId()) ? Invoice.Stage.APPROVAL
                    : Invoice.Stage.REVIEW;
            service.event(invoice, stage, invoice.getStatus().name());
        };
    }

    @Bean
    JavaDelegate markInvoiceApprovedDelegate() {
        return execution -> {
            Invoice invoice = invoice(execution);
            invoice.approved();
            service.event(invoice, Invoice.Stage.APPROVAL, "APPROVED");
        };
    }

    @Bean
    JavaDelegate markInvoiceRejectedDelegate() {
        return execution -> {
            Invoice invoice = invoice(execution);
            invoice.rejected(reason(execution), Boolean.TRUE.equals(execution.getVariable("reissue")));
            service.event(invoice, invoice.getStage(), "REJECTED");
        };
    }

    @Bean
    JavaDelegate markInvoiceMoreInfoDelegate() {
        return execution -> {
            Invoice invoice = invoice(execution);
            invoice.moreInfo(reason(execution));
            service.event(invoice, Invoice.Stage.REVIEW, "MORE_INFO");
        };
    }

    private static String reason(DelegateExecution execution) {
        Object reason = execution.getVariable("reason");
        String text = reason == null ? "" : reason.toString().strip();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /** The instance's own invoice (tenant + UUID business key), whatever an invoiceId variable says. */
    private Invoice invoice(DelegateExecution execution) {
        long id = instances.requiredIdOf(execution);
        return invoices.lockById(id).orElseThrow(() -> new IllegalStateException("invoice " + id + " does not exist"));
    }
}
