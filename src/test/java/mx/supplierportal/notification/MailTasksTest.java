package mx.supplierportal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;

/**
 * What an analyst may change in Modeler stays safe for emails: every mail task names a template that exists in
 * both formats, runs inside a retried job (its own, or the one of the task just before it that creates the link it
 * sends), and every email to the supplier comes from the element template "Enviar correo al proveedor", whose
 * choices are the templates that exist. Checked by what the tasks do, never by their ids.
 */
class MailTasksTest {

    private static final String ELEMENT_TEMPLATE = "mx.supplierportal.email-supplier";

    private static List<ServiceTask> mailTasks() throws Exception {
        List<ServiceTask> tasks = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(new File(file.toString()));
                model.getModelElementsByType(ServiceTask.class).stream()
                        .filter(t -> "${sendMailDelegate}".equals(t.getCamundaDelegateExpression()))
                        .forEach(tasks::add);
            }
        }
        return tasks;
    }

    private static String input(ServiceTask task, String name) {
        return task.getExtensionElements().getElementsQuery().filterByType(
                        org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class).singleResult()
                .getCamundaInputParameters().stream().filter(p -> name.equals(p.getCamundaName()))
                .map(CamundaInputParameter::getTextContent).findFirst().orElse(null);
    }

    private static boolean retriedJob(FlowNode node) {
        return node.isCamundaAsyncBefore() && node.getExtensionElements() != null
                && node.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
                        .count() == 1;
    }

    @Test
    void everyMailTaskIsSafeToChangeInModeler() throws Exception {
        List<ServiceTask> tasks = mailTasks();
        assertThat(tasks).hasSizeGreaterThan(10);
        Set<String> choices = new TreeSet<>();
        JsonNode template = new ObjectMapper().readTree(new File("element-templates/email-the-supplier.json")).get(0);
        assertThat(template.get("id").asText()).isEqualTo(ELEMENT_TEMPLATE);
        for (JsonNode property : template.get("properties")) {
            if (property.has("choices")) {
                property.get("choices").forEach(c -> choices.add(c.get("value").asText()));
            }
        }
        for (String choice : choices) {
            assertThat(Path.of("src/main/resources/templates/mail", choice + ".html")).as(choice).exists();
            assertThat(Path.of("src/main/resources/templates/mail", choice + ".txt")).as(choice).exists();
        }
        for (ServiceTask task : tasks) {
            String where = task.getId() + " in " + task.getParentElement().getAttributeValue("id");
            String mail = input(task, "template");
            assertThat(mail).as(where).isNotBlank();
            assertThat(Path.of("src/main/resources/templates/mail", mail + ".html")).as(where).exists();
            assertThat(Path.of("src/main/resources/templates/mail", mail + ".txt")).as(where).exists();
            boolean ownJob = retriedJob(task);
            boolean jobBefore = task.getIncoming().size() == 1 && task.getIncoming().iterator().next().getSource()
                    instanceof ServiceTask before && retriedJob(before);
            assertThat(ownJob || jobBefore).as(where + " runs inside a retried job").isTrue();
            if ("${supplierDirectory.emailOf(supplierUserId)}".equals(input(task, "to"))) {
                assertThat(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "modelerTemplate"))
                        .as(where).isEqualTo(ELEMENT_TEMPLATE);
                assertThat(choices).as(where).contains(mail);
            }
        }
    }
}
