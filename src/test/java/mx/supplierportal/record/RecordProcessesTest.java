package mx.supplierportal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mx.supplierportal.support.ProcessTestEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
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

/** Every path of processes/digital-record-review.bpmn and processes/document-expiry.bpmn. */
@Deployment(resources = {"processes/digital-record-review.bpmn", "processes/document-expiry.bpmn",
        "forms/record-review.form"})
class RecordProcessesTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private final List<String> calls = new ArrayList<>();
    private String outcome = "approved";
    private boolean stillSameDocument = true;
    private boolean allDecided = true;

    @BeforeEach
    void collaborators() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("staffTaskTitle", new mx.supplierportal.client.StaffTaskTitle());
        Mocks.register("applyRecordReviewDelegate", (JavaDelegate) execution -> {
            calls.add("apply:" + execution.getVariable("decision"));
            execution.setVariable("outcome", outcome);
        });
        Mocks.register("sendMailDelegate", (JavaDelegate) execution -> calls.add("mail:"
                + execution.getVariable("template")));
        Mocks.register("scheduleExpiryDelegate", (JavaDelegate) execution -> calls.add("schedule"));
        Mocks.register("markEntryExpiredDelegate", (JavaDelegate) execution -> {
            calls.add("expire");
            execution.setVariable("expired", stillSameDocument);
        });
        Mocks.register("supplierDirectory", new mx.supplierportal.support.FakeSupplierDirectory("es"));
        Mocks.register("decisionStartsEmpty", new mx.supplierportal.client.DecisionStartsEmpty());
        Mocks.register("recordReviewCompletenessListener", (TaskListener) task -> {
            if (!allDecided && "approve".equals(task.getVariable("decision"))) {
                throw new org.camunda.bpm.engine.BadUserRequestException("undecided: Comprobante de domicilio");
            }
        });
    }

    @Test
    void approvingWithUndecidedItemsIsRefusedAndTheTaskStays() {
        allDecided = false;
        ProcessInstance instance = startReview();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task(instance),
                withVariables("decision", "approve"))).hasMessageContaining("undecided");
        assertThat(instance).isWaitingAt("Task_ReviewRecord");
        assertThat(calls).isEmpty();
        complete(task(instance), withVariables("decision", "changes")); // asking for changes is always possible
        assertThat(calls).containsExactly("apply:changes");
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance startReview() {
        return runtimeService().startProcessInstanceByKey("digital-record-review", "EKU9003173C9", Map.of(
                "recordId", 1L, "registrationId", 2L, "supplierId", 3L, "supplierUserId", 4L, "clientCode", "mci",
                "clientName", "Municipio", "businessName", "Escuela", "supplierRfc", "EKU9003173C9",
                "reviewUrl", "/staff/records/1"));
    }

    @Test
    void approvedAtOnce() {
        ProcessInstance instance = startReview();
        assertThat(instance).isWaitingAt("Task_ReviewRecord");
        assertThat(task(instance)).hasCandidateGroup("mci-reviewer");
        complete(task(instance), withVariables("decision", "approve"));
        assertThat(instance).isWaitingAt("Task_SendApproved");
        execute(job(instance));
        execute(job(instance)); // scheduling the expiry is its own retried step
        assertThat(instance).hasPassed("EndEvent_RecordApproved").isEnded();
        assertThat(calls).containsExactly("apply:approve", "mail:record-approved", "schedule");
    }

    @Test
    void changesRequestedThenSentAgainThenApproved() {
        outcome = "changes";
        ProcessInstance instance = startReview();
        complete(task(instance), withVariables("decision", "changes", "reviewComment", "Revise el domicilio"));
        execute(job(instance));
        assertThat(instance).isWaitingAt("Task_CorrectRecord");
        assertThat(task(instance)).hasCandidateGroup("supplier-3");
        complete(task(instance)); // the supplier sends again
        assertThat(instance).isWaitingAt("Task_ReviewRecord");
        // The second round's form starts empty: the first round's comment does not come back
        org.assertj.core.api.Assertions.assertThat(runtimeService().getVariables(instance.getId()))
                .doesNotContainKeys("decision", "reviewComment");
        outcome = "approved";
        complete(task(instance), withVariables("decision", "approve"));
        execute(job(instance));
        execute(job(instance));
        assertThat(instance).isEnded();
        assertThat(calls).containsExactly("apply:changes", "mail:record-changes", "apply:approve",
                "mail:record-approved", "schedule");
    }

    private ProcessInstance startExpiry() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("entryId", 9L);
        variables.put("recordId", 1L);
        variables.put("supplierUserId", 4L);
        variables.put("clientName", "Municipio");
        variables.put("fieldLabelEs", "Comprobante de domicilio");
        variables.put("fieldLabelEn", "Proof of address");
        variables.put("validUntil", "2030-03-31");
        variables.put("remindAt", "2030-03-24T00:00:00-06:00");
        variables.put("expiresAt", "2030-03-31T00:00:00-06:00");
        return runtimeService().startProcessInstanceByKey("document-expiry", "record-entry-9", variables);
    }

    @Test
    void reminderThenExpiry() {
        ProcessInstance instance = startExpiry();
        Job reminder = managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(reminder.getDuedate()).isEqualTo(java.util.Date.from(
                java.time.OffsetDateTime.parse("2030-03-24T00:00:00-06:00").toInstant()));
        execute(reminder);
        execute(job(instance)); // reminder email
        Job expiry = managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(expiry.getDuedate()).isEqualTo(java.util.Date.from(
                java.time.OffsetDateTime.parse("2030-03-31T00:00:00-06:00").toInstant()));
        execute(expiry);
        execute(job(instance)); // expired email
        assertThat(instance).hasPassed("EndEvent_UpdateRequired").isEnded();
        assertThat(calls).containsExactly("mail:document-expiring", "expire", "mail:document-expired");
    }

    @Test
    void replacedDocumentDoesNotExpire() {
        stillSameDocument = false;
        ProcessInstance instance = startExpiry();
        execute(managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult());
        execute(job(instance));
        execute(managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult());
        assertThat(instance).hasPassed("EndEvent_AlreadyReplaced").isEnded();
        assertThat(calls).containsExactly("mail:document-expiring", "expire");
    }
}
