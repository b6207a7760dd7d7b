package mx.supplierportal.client;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The one way the portal starts a process instance: its business key, its tenant and the variables every instance of
 * a client carries. Definitions are deployed without a tenant and shared; the instance's tenant comes from its
 * {@code clientCode} variable ({@link ClientTenantIdProvider}), so staff of that client alone see its tasks.
 */
@Component
public class ProcessStarts {

    private final RuntimeService runtimeService;

    ProcessStarts(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** An instance working for the client {@code clientCode}: {@code clientCode} and {@code clientName} are set. */
    public ProcessInstance forClient(String processKey, String businessKey, String clientCode, String clientName,
            Map<String, ?> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put(ClientTenantIdProvider.CLIENT_CODE, clientCode);
        all.put("clientName", clientName);
        return start(processKey, businessKey, all);
    }

    /** An instance working for no client (password recovery): it gets the portal's own tenant, no client sees it. */
    public ProcessInstance forPortal(String processKey, String businessKey, Map<String, ?> variables) {
        if (variables.containsKey(ClientTenantIdProvider.CLIENT_CODE)) {
            throw new IllegalArgumentException("an instance for no client cannot carry a clientCode");
        }
        return start(processKey, businessKey, new HashMap<>(variables));
    }

    private ProcessInstance start(String processKey, String businessKey, Map<String, Object> variables) {
        if (businessKey == null || businessKey.isBlank()) {
            throw new IllegalArgumentException("a process instance needs its business key: " + processKey);
        }
        return runtimeService.createProcessInstanceByKey(processKey).businessKey(businessKey)
                .processDefinitionWithoutTenantId().setVariables(variables).execute();
    }
}
