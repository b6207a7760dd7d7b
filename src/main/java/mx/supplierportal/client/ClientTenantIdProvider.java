package mx.supplierportal.client;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.stereotype.Component;

/**
 * Process definitions are shared by every client (deployed without a tenant); each instance belongs to the client it
 * works for: started with a {@value #CLIENT_CODE} variable, it gets that client's tenant id. Tasks, jobs and history
 * inherit it, so Camunda's tenant check shows staff only their own client's work.
 */
@Component
class ClientTenantIdProvider extends AbstractProcessEnginePlugin implements TenantIdProvider {

    /** The process variable that names the client. */
    static final String CLIENT_CODE = "clientCode";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(this);
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        if (context.getVariables() == null) {
            return null;
        }
        Object code = context.getVariables().get(CLIENT_CODE);
        return code == null ? null : code.toString();
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
        return context.getExecution() == null ? null : context.getExecution().getTenantId();
    }
}
