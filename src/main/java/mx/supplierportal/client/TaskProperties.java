package mx.supplierportal.client;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** The extension properties an analyst sets on a user task in Camunda Modeler (Extension properties). */
final class TaskProperties {

    private TaskProperties() {
    }

    static Optional<String> valueOf(DelegateTask task, String name) {
        ExtensionElements extensions = task.getBpmnModelElementInstance().getExtensionElements();
        if (extensions == null) {
            return Optional.empty();
        }
        for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
            for (CamundaProperty property : properties.getCamundaProperties()) {
                if (name.equals(property.getCamundaName()) && property.getCamundaValue() != null) {
                    return Optional.of(property.getCamundaValue());
                }
            }
        }
        return Optional.empty();
    }
}
