package mx.supplierportal.client;

import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Each decision starts empty: when a staff task is created, the process variables its BPMN names in the extension
 * property {@value #PROPERTY} (comma-separated, e.g. {@code decision,reviewComment}) are removed, so a second review
 * round's form does not come pre-filled with the first round's comment, and an email quotes only its own decision.
 * An analyst lists the variables in Camunda Modeler (Extension properties) next to
 * {@code <camunda:taskListener event="create" delegateExpression="${decisionStartsEmpty}"/>}.
 */
@Component("decisionStartsEmpty")
public class DecisionStartsEmpty implements TaskListener {

    public static final String PROPERTY = "startsEmpty";

    @Override
    public void notify(DelegateTask task) {
        TaskProperties.valueOf(task, PROPERTY).ifPresent(names -> Arrays.stream(names.split(","))
                .map(String::strip).filter(n -> !n.isEmpty())
                .forEach(name -> task.getExecution().removeVariable(name)));
    }
}
