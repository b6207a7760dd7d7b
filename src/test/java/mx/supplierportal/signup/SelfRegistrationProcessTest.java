package mx.supplierportal.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mx.supplierportal.support.FakeSupplierDirectory;
import mx.supplierportal.support.ProcessTestEngine;
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

/** Every path of processes/self-registration.bpmn built so far (steps 1 to 3). */
@Deployment(resources = "processes/self-registration.bpmn")
class SelfRegistrationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private final List<String> done = new ArrayList<>();

    @BeforeEach
    void collaborators() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("issueConfirmationCodeDelegate", (JavaDelegate) execution -> {
            done.add("code");
            execution.setVariable("code", Variables.stringValue("C" + done.size(), true));
        });
        Mocks.register("removeUnconfirmedAccountDelegate", (JavaDelegate) execution -> done.add("removed"));
        Mocks.register("sendMailDelegate", (JavaDelegate) execution -> done.add(execution.getVariable("template")
                + " to " + execution.getVariable("to") + " with " + execution.getVariable("code")));
        Mocks.register("supplierDirectory", new FakeSupplierDirectory("es"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void confirmedWithTheCodeThenCompanyDataSaved() {
        ProcessInstance instance = start(false);
        assertThat(instance).isWaitingAt("Task_IssueConfirmationCode");
        execute(job(instance));
        assertThat(done).containsExactly("code", "signup-confirmation to user7@supplier.test with C1");
        correlate(AccountConfirmation.CONFIRMED, instance);
        correlate(CompanyData.SAVED, instance);
        assertThat(instance).hasPassed("EndEvent_ReadyForPayment").isEnded();
    }

    @Test
    void aNewCodeReplacesTheFirstAndRestartsTheClock() {
        ProcessInstance instance = start(false);
        execute(job(instance));
        correlate(AccountConfirmation.RESEND, instance);
        execute(job(instance));
        assertThat(done).containsExactly("code", "signup-confirmation to user7@supplier.test with C1",
                "code", "signup-confirmation to user7@supplier.test with C3");
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).timers().count())
                .isEqualTo(1);
        correlate(AccountConfirmation.CONFIRMED, instance);
        assertThat(instance).isWaitingAt("Task_WaitForCompanyData");
    }

    @Test
    void anUnconfirmedAccountIsRemovedWhenItsCodeExpires() {
        ProcessInstance instance = start(false);
        execute(job(instance));
        execute(managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult());
        assertThat(instance).isWaitingAt("Task_RemoveUnconfirmedAccount");
        execute(job(instance));
        assertThat(instance).hasPassed("EndEvent_AccountRemoved").isEnded();
        assertThat(done).endsWith("removed");
    }

    @Test
    void anEmailWithAnAccountOnlyGetsAnExplanation() {
        ProcessInstance instance = start(true);
        assertThat(instance).isWaitingAt("Task_SendAccountExists");
        execute(job(instance));
        assertThat(instance).hasPassed("EndEvent_NothingCreated").isEnded();
        assertThat(done).containsExactly("signup-account-exists to user7@supplier.test with null");
    }

    private static ProcessInstance start(boolean existingAccount) {
        return runtimeService().startProcessInstanceByKey(AccountCreation.PROCESS_KEY, "EKU9003173C9", Map.of(
                "supplierUserId", 7L, "rfc", "EKU9003173C9", "existingAccount", existingAccount,
                "confirmationTimeout", "PT72H"));
    }

    private static void correlate(String message, ProcessInstance instance) {
        runtimeService().createMessageCorrelation(message).processInstanceId(instance.getId()).correlate();
    }
}
