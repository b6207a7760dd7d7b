package mx.supplierportal.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mx.supplierportal.support.FakeSupplierDirectory;
import mx.supplierportal.support.ProcessTestEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every path of processes/invoice-reception.bpmn, and the approval table invoice-approval.dmn. */
@Deployment(resources = {"processes/invoice-reception.bpmn", "processes/invoice-approval.dmn",
        "processes/payment-scheduling.bpmn", "forms/invoice-review.form", "forms/invoice-approval.form",
        "forms/payment-schedule.form"})
class InvoiceProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void collaborators() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("staffTaskTitle", new mx.supplierportal.client.StaffTaskTitle());
        Mocks.register("sendMailDelegate", (JavaDelegate) e -> calls.add("mail:" + e.getVariable("template")));
        Mocks.register("invoiceStageListener", (ExecutionListener) e -> calls.add("stage:" + e.getCurrentActivityId()));
        Mocks.register("markInvoiceApprovedDelegate", (JavaDelegate) e -> calls.add("approved"));
        Mocks.register("markInvoiceRejectedDelegate", (JavaDelegate) e -> calls.add("rejected:" + e.getVariable("reason")));
        Mocks.register("markInvoiceMoreInfoDelegate", (JavaDelegate) e -> calls.add("moreInfo"));
        Mocks.register("decisionStartsEmpty", new mx.supplierportal.client.DecisionStartsEmpty());
        Mocks.register("supplierDirectory", new FakeSupplierDirectory("es"));
        Mocks.register("proposePaymentDateDelegate", (JavaDelegate) e -> e.setVariable("paymentDate", "2026-12-21"));
        Mocks.register("recordPaymentDateDelegate", (JavaDelegate) e -> calls.add("scheduled:" + e.getVariable("paymentDate")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance start(double totalMxn) {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("invoice-reception",
                "6128396F-C09B-4EC6-8699-43C5F7E3B230", Map.of("invoiceId", 1L, "supplierId", 3L, "supplierUserId", 4L,
                        "clientCode", "mci", "clientName", "Municipio", "totalMxn", totalMxn));
        execute(job(instance)); // "invoice sent" email
        return instance;
    }

    /** A small invoice: the DMN names accounts payable, the reviewers themselves, so their approval is enough. */
    @Test
    void aSmallInvoiceIsApprovedByItsReviewAlone() {
        ProcessInstance instance = start(3327.01);
        assertThat(instance).isWaitingAt("Task_PayablesReview");
        assertThat(task(instance)).hasCandidateGroup("mci-payables");
        complete(task(instance), withVariables("decision", "approve"));
        assertThat(instance).hasPassed("Gateway_SecondApproval", "Task_MarkApproved").hasNotPassed("Task_Approve");
        execute(job(instance));
        // approved: payment scheduling takes over (payment-scheduling.bpmn, same business key)
        assertThat(instance).isWaitingAt("CallActivity_Payment");
        ProcessInstance payment = BpmnAwareTests.calledProcessInstance(instance);
        assertThat(payment.getBusinessKey()).isEqualTo(instance.getBusinessKey());
        assertThat(payment).isWaitingAt("Task_SchedulePayment");
        complete(task(payment));
        runtimeService().createMessageCorrelation("PaymentRegistered").processInstanceId(payment.getId())
                .setVariable("paid", true).correlate();
        assertThat(instance).hasPassed("EndEvent_Paid").isEnded();
        assertThat(calls).containsExactly("mail:invoice-sent", "stage:Task_PayablesReview",
                "approved", "mail:invoice-approved", "scheduled:2026-12-21");
    }

    /** Tasklist names the invoice, the supplier and the amount; a title that cannot be evaluated stops nothing. */
    @Test
    void staffTasksAreNamedForTheirInvoice() {
        ProcessInstance named = runtimeService().startProcessInstanceByKey("invoice-reception",
                "0D8F4C7A-1B1F-4C54-9E2A-5E7C1B1A2B3C", Map.of("invoiceId", 2L, "supplierId", 3L,
                        "supplierUserId", 4L, "clientCode", "mci", "clientName", "Municipio", "totalMxn", 74_000.0,
                        "serieFolio", "F-104", "businessName", "Tortillería La Esperanza", "total", "74,000.00 MXN"));
        execute(job(named));
        assertThat(task(named).getName()).isEqualTo("Revisar factura F-104 — Tortillería La Esperanza, 74,000.00 MXN");
        complete(task(named), withVariables("decision", "approve"));
        assertThat(task(named).getName()).isEqualTo("Aprobar factura F-104 — Tortillería La Esperanza, 74,000.00 MXN");

        ProcessInstance unnamed = start(3327.01); // no serieFolio, businessName nor total: the element's name
        assertThat(unnamed).isWaitingAt("Task_PayablesReview");
        assertThat(task(unnamed).getName()).isEqualTo("Revisar factura");
    }

    /** A medium invoice: reviewed by accounts payable, then approved by the client's admins. */
    @Test
    void aMediumInvoiceNeedsTheAdminsApprovalAfterTheReview() {
        ProcessInstance instance = start(74_000);
        complete(task(instance), withVariables("decision", "approve"));
        assertThat(instance).isWaitingAt("Task_Approve");
        assertThat(task(instance)).hasCandidateGroup("mci-admin");
        complete(task(instance), withVariables("approval", "approve"));
        execute(job(instance));
        assertThat(instance).isWaitingAt("CallActivity_Payment");
        assertThat(calls).containsSubsequence("stage:Task_PayablesReview", "stage:Task_Approve", "approved");
    }

    @Test
    void largeInvoicesGoToTreasuryWhichRejects() {
        ProcessInstance instance = start(750_000);
        complete(task(instance), withVariables("decision", "approve"));
        assertThat(task(instance)).hasCandidateGroup("mci-treasury");
        complete(task(instance), withVariables("approval", "reject", "reason", "Sin presupuesto"));
        execute(job(instance));
        assertThat(instance).hasPassed("EndEvent_Rejected").isEnded();
        assertThat(calls).contains("rejected:Sin presupuesto", "mail:invoice-rejected");
    }

    @Test
    void rejectedAtReview() {
        ProcessInstance instance = start(100);
        complete(task(instance), withVariables("decision", "reject", "reason", "Duplicada"));
        execute(job(instance));
        assertThat(instance).hasPassed("Task_MarkRejected").hasNotPassed("Task_Approve").isEnded();
    }

    @Test
    void moreInformationThenBackToReview() {
        ProcessInstance instance = start(100);
        complete(task(instance), withVariables("decision", "moreInfo", "reason", "Falta la orden"));
        execute(job(instance));
        assertThat(instance).isWaitingAt("Task_AddInformation");
        assertThat(task(instance)).hasCandidateGroup("supplier-3");
        complete(task(instance));
        assertThat(instance).isWaitingAt("Task_PayablesReview");
        assertThat(calls).containsSubsequence("moreInfo", "mail:invoice-more-info", "stage:Task_PayablesReview");
        // The second review starts empty: neither the earlier decision nor its reason comes back
        org.assertj.core.api.Assertions.assertThat(runtimeService().getVariables(instance.getId()))
                .doesNotContainKeys("decision", "reason");
        complete(task(instance), withVariables("decision", "approve"));
        org.assertj.core.api.Assertions.assertThat(runtimeService().getVariables(instance.getId()))
                .doesNotContainKey("reason"); // so the approval email quotes nothing from the earlier request
    }

    @ParameterizedTest
    @CsvSource({"0.01, payables", "49999.99, payables", "50000, admin", "499999.99, admin", "500000, treasury",
            "12000000, treasury"})
    void approvalTable(double totalMxn, String role) {
        assertThat(engine.getDecisionService().evaluateDecisionTableByKey("invoice-approval",
                Variables.createVariables().putValue("totalMxn", totalMxn)).getSingleResult()
                .getSingleEntry().toString()).isEqualTo(role);
    }
}
