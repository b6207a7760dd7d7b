package mx.supplierportal.client;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A staff task's name in Tasklist says whose it is and about what — *Revisar factura F-104 — Tortillería La
 * Esperanza, 1,740.00 MXN* — so that a reviewer can choose from the list. The analyst writes the title in Camunda
 * Modeler as the task's extension property {@value #PROPERTY}, with expressions over the process variables
 * ({@code Revisar expediente — ${businessName} (${supplierRfc})}), next to
 * {@code <camunda:taskListener event="create" delegateExpression="${staffTaskTitle}"/>}; the element's own name stays
 * short for the diagram. A title that cannot be evaluated (a misspelt variable) never stops the process: the task
 * keeps the element's name and the problem is logged.
 */
@Component("staffTaskTitle")
public class StaffTaskTitle implements TaskListener {

    public static final String PROPERTY = "title";
    private static final Logger LOG = LoggerFactory.getLogger(StaffTaskTitle.class);

    @Override
    public void notify(DelegateTask task) {
        TaskProperties.valueOf(task, PROPERTY).ifPresent(title -> {
            try {
                Object value = Context.getProcessEngineConfiguration().getExpressionManager()
                        .createExpression(title).getValue(task);
                if (value != null && !value.toString().isBlank()) {
                    task.setName(value.toString().strip());
                }
            } catch (ProcessEngineException e) {
                LOG.warn("Task {} ({}) keeps its name: its title '{}' could not be evaluated: {}",
                        task.getId(), task.getTaskDefinitionKey(), title, e.getMessage());
            }
        });
    }
}
