package mx.supplierportal.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mx.supplierportal.support.FakeSupplierDirectory;
import mx.supplierportal.support.ProcessTestEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of processes/payment-scheduling.bpmn and processes/payment-received.bpmn, timers and retries included. */
@Deployment(resources = {"processes/payment-scheduling.bpmn", "processes/payment-received.bpmn",
        "forms/payment-schedule.form", "forms/payment-complement-overdue.form"})
class PaymentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void collaborators() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("staffTaskTitle", new mx.supplierportal.client.StaffTaskTitle());
        Mocks.register("proposePaymentDateDelegate", (JavaDelegate) e -> {
            e.setVariable("proposedDate", "2026-12-21");
            e.setVariable("paymentDate", "2026-12-21");
        });
        Mocks.register("recordPaymentDateDelegate", (JavaDelegate) e -> calls.add(e.getProcessBusinessKey() + " on "
                + e.getVariable("paymentDate")));
        Mocks.register("markComplementOverdueDelegate", (JavaDelegate) e -> calls.add("overdue"));
        Mocks.register("sendMailDelegate", (JavaDelegate) e -> calls.add("mail:" + e.getVariable("template")));
        Mocks.register("supplierDirectory", new FakeSupplierDirectory("es"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance scheduling(String uuid) {
        return runtimeService().startProcessInstanceByKey("payment-scheduling", uuid,
                Map.of("invoiceId", 1L, "clientCode", "mci", "supplierId", 3L));
    }

    private static void paymentArrives(ProcessInstance instance, boolean paid) {
        runtimeService().createMessageCorrelation("PaymentRegistered").processInstanceId(instance.getId())
                .setVariable("paid", paid).correlate();
    }

    @Test
    void treasurySchedulesReschedulesAndTwoInstallmentsPayTheInvoice() {
        ProcessInstance instance = scheduling("UUID-A");
        assertThat(instance).isWaitingAt("Task_SchedulePayment");
        assertThat(task(instance)).hasCandidateGroup("mci-treasury");
        assertThat(runtimeService().getVariable(instance.getId(), "paymentDate")).isEqualTo("2026-12-21");
        complete(task(instance), withVariables("paymentDate", "2026-12-28"));
        assertThat(instance).isWaitingAt("Task_WaitForPayment");

        runtimeService().createMessageCorrelation("PaymentRescheduled").processInstanceId(instance.getId())
                .setVariable("paymentDate", "2027-01-04").correlate();
        assertThat(instance).isWaitingAt("Task_WaitForPayment"); // still waiting for the money

        paymentArrives(instance, false); // first installment of a PPD invoice
        assertThat(instance).isWaitingAt("Task_WaitForPayment");
        paymentArrives(instance, true);
        assertThat(instance).hasPassed("EndEvent_Paid").isEnded();
        assertThat(calls).containsExactly("UUID-A on 2026-12-28", "UUID-A on 2027-01-04");
    }

    @Test
    void onePaymentReachesTheProcessesOfSeveralInvoices() {
        ProcessInstance first = scheduling("UUID-1");
        ProcessInstance second = scheduling("UUID-2");
        complete(task(first));
        complete(task(second));
        for (ProcessInstance each : List.of(first, second)) {
            paymentArrives(each, true);
        }
        assertThat(first).isEnded();
        assertThat(second).isEnded();
    }

    private ProcessInstance received(boolean repRequired, Instant reminder, Instant overdue) {
        Map<String, Object> variables = new HashMap<>(Map.of("paymentId", 9L, "supplierId", 3L, "supplierUserId", 4L,
                "clientCode", "mci", "clientName", "Municipio", "repRequired", repRequired));
        if (repRequired) {
            variables.put("repReminderAt", Date.from(reminder));
            variables.put("repOverdueAt", Date.from(overdue));
            variables.put("repDueAt", Date.from(overdue.minus(1, ChronoUnit.MINUTES)));
        }
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("payment-received", "P-1", variables);
        execute(job(instance)); // "payment made" email
        return instance;
    }

    @Test
    void aPaymentOfPueInvoicesOnlyNeedsNoComplement() {
        ProcessInstance instance = received(false, null, null);
        assertThat(instance).hasPassed("EndEvent_NoRep").isEnded();
        assertThat(calls).containsExactly("mail:payment-made");
    }

    private static Job timer(ProcessInstance instance, String activity) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(activity).singleResult();
    }

    @Test
    void theSupplierIsRemindedAndUploadsTheComplementInTime() {
        Instant now = Instant.now();
        ProcessInstance instance = received(true, now.plus(10, ChronoUnit.DAYS), now.plus(14, ChronoUnit.DAYS));
        assertThat(instance).isWaitingAt("Task_UploadRep");
        assertThat(task(instance)).hasCandidateGroup("supplier-3");
        assertThat(task(instance).getDueDate()).isEqualTo(Date.from(now.plus(14, ChronoUnit.DAYS)
                .minus(1, ChronoUnit.MINUTES)));
        Job reminder = timer(instance, "BoundaryEvent_Reminder");
        assertThat(reminder.getDuedate()).isEqualTo(Date.from(now.plus(10, ChronoUnit.DAYS)));
        execute(reminder);
        execute(job("Task_SendRepReminder", instance)); // the reminder email is behind asyncBefore
        assertThat(instance).hasPassed("EndEvent_ReminderSent").isWaitingAt("Task_UploadRep");

        complete(upload(instance), withVariables("repSatConfirmed", true));
        assertThat(instance).hasPassed("EndEvent_RepReceived").isEnded();
        assertThat(calls).containsExactly("mail:payment-made", "mail:payment-complement-reminder");
    }

    private static org.camunda.bpm.engine.task.Task upload(ProcessInstance instance) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_UploadRep").singleResult();
    }

    @Test
    void aComplementSatCouldNotConfirmIsAskedAgainAndComesBackWhenCancelled() {
        Instant now = Instant.now();
        ProcessInstance instance = received(true, now.plus(10, ChronoUnit.DAYS), now.plus(14, ChronoUnit.DAYS));
        java.util.Deque<String> sat = new java.util.ArrayDeque<>(List.of("down", "cancelled", "current"));
        Mocks.register("recheckComplementAtSatDelegate", (JavaDelegate) e -> {
            String answer = sat.removeFirst();
            calls.add("sat:" + answer);
            if (answer.equals("down")) {
                throw new IllegalStateException("SAT could not be asked");
            }
            e.setVariable("repCancelled", answer.equals("cancelled"));
        });
        // accepted without SAT's confirmation: asked again in the background, retried while SAT is down
        complete(upload(instance), withVariables("repSatConfirmed", false, "repUuid", "REP-1"));
        assertThat(instance).isWaitingAt("Task_RecheckRepSat");
        Job recheck = job("Task_RecheckRepSat", instance);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> managementService().executeJob(recheck.getId()))
                .hasMessageContaining("SAT could not be asked");
        Job retried = job("Task_RecheckRepSat", instance);
        assertThat(retried.getRetries()).isEqualTo(11); // R12/PT2H: retried every two hours for a day
        assertThat(retried.getDuedate()).isAfter(Date.from(now.plus(110, ChronoUnit.MINUTES)));
        // SAT reports it cancelled: the supplier is emailed and has to upload one again
        execute(retried);
        execute(job("Task_SendRepCancelledEmail", instance));
        assertThat(instance).isWaitingAt("Task_UploadRep");
        assertThat(upload(instance)).hasCandidateGroup("supplier-3");
        // the new one is not confirmed either; this time SAT says it is current
        complete(upload(instance), withVariables("repSatConfirmed", false, "repUuid", "REP-2"));
        execute(job("Task_RecheckRepSat", instance));
        assertThat(instance).hasPassed("EndEvent_RepConfirmed").isEnded();
        assertThat(calls).containsExactly("mail:payment-made", "sat:down", "sat:cancelled",
                "mail:payment-complement-cancelled", "sat:current");
    }

    @Test
    void anOverdueComplementIsFlaggedToTreasury() {
        Instant now = Instant.now();
        ProcessInstance instance = received(true, now.plus(1, ChronoUnit.DAYS), now.plus(4, ChronoUnit.DAYS));
        execute(timer(instance, "BoundaryEvent_Overdue"));
        assertThat(calls).contains("overdue");
        var followUp = taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_FollowUpRep")
                .singleResult();
        assertThat(followUp).isNotNull();
        assertThat(followUp).hasCandidateGroup("mci-treasury");
        // the supplier can still upload it late; treasury closes its follow-up
        complete(upload(instance), withVariables("repSatConfirmed", true));
        complete(followUp);
        assertThat(instance).hasPassed("EndEvent_RepReceived", "EndEvent_FollowedUp").isEnded();
    }
}
