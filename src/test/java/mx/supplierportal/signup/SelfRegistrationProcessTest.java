package mx.supplierportal.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
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

/** Every path of processes/self-registration.bpmn. */
@Deployment(resources = {"processes/self-registration.bpmn", "forms/signup-deposit.form"})
class SelfRegistrationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private final List<String> done = new ArrayList<>();
    private String captureAnswer = "COMPLETED";

    @BeforeEach
    void collaborators() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("issueConfirmationCodeDelegate", (JavaDelegate) execution -> {
            done.add("code");
            execution.setVariable("code", Variables.stringValue("C" + done.size(), true));
        });
        Mocks.register("removeUnconfirmedAccountDelegate", (JavaDelegate) execution -> done.add("removed"));
        Mocks.register("capturePayPalPaymentDelegate", (JavaDelegate) execution -> {
            done.add("capture " + execution.getVariable("stampOrderId"));
            execution.setVariable("paymentOutcome", captureAnswer);
        });
        Mocks.register("activateStampAccountDelegate", (JavaDelegate) execution -> done.add("activate "
                + execution.getVariable("stampOrderId")));
        Mocks.register("recordDepositRejectionDelegate", (JavaDelegate) execution -> done.add("rejected "
                + execution.getVariable("rejectionReason")));
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
        assertThat(instance).isWaitingAt("Gateway_WaitForPayment");
    }

    @Test
    void paidWithPayPal() {
        ProcessInstance instance = readyToPay();
        approveOnPayPal(instance, 11L);
        execute(job(instance));
        assertThat(instance).isWaitingAt("Task_ActivateAccount");
        execute(job(instance));
        assertThat(instance).hasPassed("EndEvent_AccountActive").isEnded();
        assertThat(done).endsWith("capture 11", "activate 11", "signup-account-active to user7@supplier.test with null");
    }

    @Test
    void aPendingPayPalCaptureWaitsForPayPalsWebhook() {
        captureAnswer = "PENDING";
        ProcessInstance instance = readyToPay();
        approveOnPayPal(instance, 12L);
        execute(job(instance));
        assertThat(instance).isWaitingAt("Task_WaitForPayPalCompletion");
        correlate(Purchases.CAPTURE_COMPLETED, instance);
        execute(job(instance));
        assertThat(instance).hasPassed("EndEvent_AccountActive").isEnded();
    }

    @Test
    void aDeclinedPaymentIsToldAndThePersonChoosesAgain() {
        captureAnswer = "DECLINED";
        ProcessInstance instance = readyToPay();
        approveOnPayPal(instance, 13L);
        execute(job(instance));
        assertThat(instance).isWaitingAt("Task_SendPaymentDeclined");
        execute(job(instance));
        assertThat(done).endsWith("signup-payment-declined to user7@supplier.test with null");
        assertThat(instance).isWaitingAt("Gateway_WaitForPayment");
    }

    @Test
    void aDepositConfirmedByTreasuryActivatesTheAccount() {
        ProcessInstance instance = readyToPay();
        uploadProof(instance, 21L);
        assertThat(instance).isWaitingAt("Task_ConfirmDeposit");
        assertThat(task(instance)).hasCandidateGroup("portal-treasury")
                .hasName("Confirmar depósito de Timbres SA (RF18TIM000000021)");
        complete(task(instance), Map.of("depositDecision", "confirmed"));
        execute(job(instance));
        assertThat(instance).hasPassed("EndEvent_AccountActive").isEnded();
        assertThat(done).endsWith("activate 21", "signup-account-active to user7@supplier.test with null");
    }

    @Test
    void aRejectedDepositIsToldWithItsReasonAndThePersonChoosesAgain() {
        ProcessInstance instance = readyToPay();
        uploadProof(instance, 22L);
        complete(task(instance), Map.of("depositDecision", "rejected", "rejectionReason", "No llegó"));
        assertThat(instance).isWaitingAt("Task_RecordDepositRejection");
        execute(job(instance));
        assertThat(done).endsWith("rejected No llegó", "signup-deposit-rejected to user7@supplier.test with null");
        assertThat(instance).isWaitingAt("Gateway_WaitForPayment");
        approveOnPayPal(instance, 23L);
        execute(job(instance));
        execute(job(instance));
        assertThat(instance).hasPassed("EndEvent_AccountActive").isEnded();
    }

    private static ProcessInstance readyToPay() {
        ProcessInstance instance = start(false);
        execute(job(instance));
        correlate(AccountConfirmation.CONFIRMED, instance);
        correlate(CompanyData.SAVED, instance);
        return instance;
    }

    private static void approveOnPayPal(ProcessInstance instance, long order) {
        runtimeService().createMessageCorrelation(Purchases.PAYPAL_APPROVED).processInstanceId(instance.getId())
                .setVariable("stampOrderId", order).correlate();
    }

    private static void uploadProof(ProcessInstance instance, long order) {
        runtimeService().createMessageCorrelation(Purchases.DEPOSIT_PROOF).processInstanceId(instance.getId())
                .setVariables(Map.of("stampOrderId", order, "orderReference", "RF18TIM0000000" + order,
                        "businessName", "Timbres SA", "orderAmount", "$250.00 MXN", "orderStamps", 50,
                        "proofLink", "http://portal.test/treasury/stamp-orders/" + order + "/proof"))
                .correlate();
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
