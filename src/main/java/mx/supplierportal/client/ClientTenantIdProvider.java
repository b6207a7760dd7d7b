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
 * inherit it, so Camunda's tenant check shows staff only their own client's work. An instance that works for no client
 * (password recovery) gets {@link Clients#PORTAL_TENANT}, which no client's staff belongs to: no instance is ever
 * tenant-less, so none is visible to every client's staff.
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
        Object code = context.getVariables() == null ? null : context.getVariables().get(CLIENT_CODE);
        return code == null ? Clients.PORTAL_TENANT : code.toString();
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
