package mx.supplierportal.api;

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

/** processes/api-token-created.bpmn: the email waits behind its own job (an SMTP outage is retried), then is sent. */
@Deployment(resources = "processes/api-token-created.bpmn")
class ApiTokenCreatedProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private final List<String> sent = new ArrayList<>();

    @BeforeEach
    void collaborators() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("sendMailDelegate", (JavaDelegate) execution -> sent.add(execution.getVariable("template")
                + " to " + execution.getVariable("to") + " about " + execution.getVariable("tokenName")));
        Mocks.register("supplierDirectory", new FakeSupplierDirectory("es"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void theUserIsEmailedThatATokenWasCreated() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(ApiTokens.PROCESS, "api-token-7", Map.of(
                "supplierUserId", 3L, "tokenName", "ERP", "tokenScopes", "invoices:write", "tokenExpires",
                "01/03/2027"));
        assertThat(instance).isWaitingAt("Task_EmailTokenCreated");
        assertThat(sent).isEmpty();
        execute(job(instance));
        assertThat(instance).isEnded();
        assertThat(sent).containsExactly("api-token-created to user3@supplier.test about ERP");
    }
}
