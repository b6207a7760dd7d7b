package mx.supplierportal.client;

import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
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
        ExtensionElements extensions = task.getBpmnModelElementInstance().getExtensionElements();
        if (extensions == null) {
            return;
        }
        for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
            for (CamundaProperty property : properties.getCamundaProperties()) {
                if (PROPERTY.equals(property.getCamundaName()) && property.getCamundaValue() != null) {
                    Arrays.stream(property.getCamundaValue().split(",")).map(String::strip).filter(n -> !n.isEmpty())
                            .forEach(name -> task.getExecution().removeVariable(name));
                }
            }
        }
    }
}
