package mx.supplierportal.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import mx.supplierportal.support.ProcessTestEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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

/** Every path of processes/supplier-onboarding.bpmn. */
@Deployment(resources = {"processes/supplier-onboarding.bpmn", "forms/activation-expired.form"})
class SupplierOnboardingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    /** What the mail task was asked to send: template, recipient, language, link. */
    record Sent(String template, String to, String language, Object link) {
    }

    private final List<Sent> mails = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private boolean smtpDown;

    @BeforeEach
    void collaborators() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("staffTaskTitle", new mx.supplierportal.client.StaffTaskTitle());
        Mocks.register("issueActivationLinkDelegate", (JavaDelegate) execution -> {
            calls.add("issue");
            execution.setVariable("link", Variables.stringValue("https://portal/activate?token=" + calls.size(), true));
        });
        Mocks.register("sendMailDelegate", (JavaDelegate) this::send);
        Mocks.register("markActivationExpiredDelegate", (JavaDelegate) execution -> calls.add("expired"));
        Mocks.register("withdrawInvitationDelegate", (JavaDelegate) execution -> calls.add("withdrawn"));
        Mocks.register("supplierDirectory", new mx.supplierportal.support.FakeSupplierDirectory("en"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void supplierActivatesAndIsWelcomed() {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Task_IssueActivationLink"); // behind asyncBefore
        execute(job(instance));

        assertThat(instance).isWaitingAt("Task_ActivateAccount");
        assertThat(task(instance)).hasCandidateGroup("supplier-7");
        assertThat(mails).containsExactly(new Sent("supplier-activation", "user9@supplier.test", "en",
                "https://portal/activate?token=1"));

        complete(task(instance));
        assertThat(instance).isWaitingAt("Task_SendWelcomeEmail"); // its own retried job
        execute(job(instance));
        assertThat(instance).isEnded().hasPassed("Task_SendWelcomeEmail").isEnded();
        assertThat(instance).hasPassedInOrder("Task_IssueActivationLink", "Task_SendActivationEmail",
                "Task_ActivateAccount", "Task_SendWelcomeEmail", "EndEvent_SupplierActive");
        assertThat(mails).extracting(Sent::template).containsExactly("supplier-activation", "supplier-activated");
    }

    @Test
    void adminResendsWhileTheLinkIsStillValid() {
        ProcessInstance instance = start();
        execute(job(instance));
        runtimeService().createMessageCorrelation(SupplierRegistration.RESEND_MESSAGE)
                .processInstanceId(instance.getId()).correlate();

        assertThat(instance).isWaitingAt("Task_IssueActivationLink");
        execute(job(instance));
        assertThat(instance).isWaitingAt("Task_ActivateAccount");
        assertThat(calls).containsExactly("issue", "issue");
        assertThat(mails).extracting(Sent::link).containsExactly("https://portal/activate?token=1",
                "https://portal/activate?token=2");
    }

    @Test
    void theLinkExpiresAfterTheConfiguredTimeAndTheAdminSendsANewOne() throws java.io.IOException {
        Date now = new Date();
        ClockUtil.setCurrentTime(now);
        ProcessInstance instance = start();
        execute(job(instance));

        Job timer = managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer.getDuedate().getTime() - now.getTime())
                .isCloseTo(Duration.ofHours(72).toMillis(), within(Duration.of(1, ChronoUnit.SECONDS).toMillis()));
        execute(timer);

        assertThat(instance).isWaitingAt("Task_DecideExpiredActivation");
        assertThat(task(instance)).hasCandidateGroup("mci-admin");
        // The Camunda Form deployed with the process is the one Tasklist shows
        try (java.io.InputStream form = engine.getFormService().getDeployedTaskForm(task(instance).getId())) {
            assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"id\": \"activation-expired\"").contains("\"key\": \"decision\"");
        }
        assertThat(calls).containsExactly("issue", "expired");

        complete(task(instance), withVariables("decision", "resend"));
        assertThat(instance).isWaitingAt("Task_IssueActivationLink");
        execute(job(instance));
        assertThat(instance).isWaitingAt("Task_ActivateAccount");
        assertThat(mails).hasSize(2);
    }

    @Test
    void theAdminWithdrawsAnExpiredInvitation() {
        ProcessInstance instance = start();
        execute(job(instance));
        execute(managementService().createJobQuery().timers().singleResult());

        complete(task(instance), withVariables("decision", "withdraw"));
        assertThat(instance).hasPassed("Task_WithdrawInvitation").isEnded();
        assertThat(instance).hasPassed("EndEvent_InvitationWithdrawn");
        assertThat(calls).containsExactly("issue", "expired", "withdrawn");
    }

    @Test
    void resendFromThePortalAfterExpiryAnswersTheAdminsTask() {
        ProcessInstance instance = start();
        execute(job(instance));
        execute(managementService().createJobQuery().timers().singleResult());
        // what SupplierRegistration.resendActivation does when the admins' task is open
        complete(task(instance), withVariables("decision", "resend"));
        execute(job(instance));
        assertThat(instance).isWaitingAt("Task_ActivateAccount");
    }

    @Test
    void smtpOutageIsRetriedFiveTimesThenBecomesAnIncident() {
        smtpDown = true;
        ProcessInstance instance = start();
        Job mailJob = job(instance);
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                managementService().executeJob(mailJob.getId());
            } catch (RuntimeException expected) {
                // SMTP down
            }
            Job after = managementService().createJobQuery().jobId(mailJob.getId()).singleResult();
            assertThat(after.getRetries()).isEqualTo(5 - attempt);
        }
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
        assertThat(mails).isEmpty();

        smtpDown = false;
        managementService().setJobRetries(mailJob.getId(), 1);
        managementService().executeJob(mailJob.getId());
        assertThat(instance).isWaitingAt("Task_ActivateAccount");
        assertThat(mails).hasSize(1);
    }

    @Test
    void everyDefinitionKeepsItsHistoryForAWhile() {
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(SupplierRegistration.PROCESS_KEY).singleResult().getHistoryTimeToLive())
                .isEqualTo(180);
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(SupplierRegistration.PROCESS_KEY, "EKU9003173C9",
                Map.of("clientSupplierId", 3L, "supplierId", 7L, "supplierUserId", 9L, "clientCode", "mci",
                        "clientName", "Municipio", "businessName", "Escuela Kemper Urgate",
                        "supplierRfc", "EKU9003173C9", "activationTimeout", "PT72H"));
    }

    private void send(DelegateExecution execution) {
        if (smtpDown) {
            throw new IllegalStateException("SMTP connection refused");
        }
        mails.add(new Sent((String) execution.getVariable("template"), (String) execution.getVariable("to"),
                (String) execution.getVariable("language"), execution.getVariable("link")));
    }
}
