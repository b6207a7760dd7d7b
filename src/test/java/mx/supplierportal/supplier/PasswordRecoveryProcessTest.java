package mx.supplierportal.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mx.supplierportal.support.ProcessTestEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of processes/password-recovery.bpmn. */
@Deployment(resources = "processes/password-recovery.bpmn")
class PasswordRecoveryProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private final List<String> sent = new ArrayList<>();

    @BeforeEach
    void collaborators() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("issuePasswordResetLinkDelegate", (JavaDelegate) execution ->
                execution.setVariable("link", org.camunda.bpm.engine.variable.Variables.stringValue("l", true)));
        Mocks.register("sendMailDelegate", (JavaDelegate) execution ->
                sent.add(execution.getVariable("template") + " to " + execution.getVariable("to")));
        Mocks.register("supplierDirectory", new mx.supplierportal.support.FakeSupplierDirectory("en"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void newPasswordChosenAndConfirmedByEmail() {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Task_IssueResetLink");
        execute(job(instance));
        assertThat(instance).isWaitingAt("Task_ChooseNewPassword");
        assertThat(task(instance)).hasCandidateGroup("supplier-user-5");
        complete(task(instance));
        execute(job(instance));
        assertThat(instance).hasPassed("EndEvent_PasswordChanged").isEnded();
        assertThat(sent).containsExactly("password-reset to user5@supplier.test",
                "password-changed to user5@supplier.test");
    }

    @Test
    void unusedLinkExpires() {
        ProcessInstance instance = start();
        execute(job(instance));
        execute(managementService().createJobQuery().timers().singleResult());
        assertThat(instance).hasPassed("EndEvent_LinkExpired").isEnded();
        assertThat(sent).containsExactly("password-reset to user5@supplier.test");
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(PasswordRecovery.PROCESS_KEY, "supplier-user-5",
                Map.of("supplierUserId", 5L, "resetTimeout", "PT1H"));
    }
}
