package mx.supplierportal.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** processes/csd-expiry.bpmn: the reminder waits for its date, then emails the business. */
@Deployment(resources = "processes/csd-expiry.bpmn")
class CsdExpiryProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private final List<String> sent = new ArrayList<>();

    @BeforeEach
    void collaborators() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("sendMailDelegate", (JavaDelegate) execution -> sent.add(execution.getVariable("template")
                + " to " + execution.getVariable("to")));
        Mocks.register("supplierDirectory", new FakeSupplierDirectory("es"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void theReminderWaitsForItsDateThenEmails() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(Csds.PROCESS_KEY, "EKU9003173C9", Map.of(
                "supplierUserId", 3L, "remindOn", "2027-04-18T11:43:51Z", "csdSerial", "30001000000500003416",
                "csdValidTo", "18/05/2027"));
        assertThat(job(instance).getDuedate().toInstant().toString()).isEqualTo("2027-04-18T11:43:51Z");
        assertThat(sent).isEmpty();
        execute(job(instance));
        execute(job(instance));
        assertThat(instance).isEnded();
        assertThat(sent).containsExactly("csd-expiring to user3@supplier.test");
    }
}
