package mx.supplierportal.notification;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import mx.supplierportal.web.Languages;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one mail-sending delegate of every process: {@code camunda:delegateExpression="${sendMailDelegate}"} with
 * input parameters {@code template} (a name under {@code templates/mail/}), {@code to} and {@code language}. The
 * template sees every process variable, transient ones included. Put the task behind {@code asyncBefore} with a
 * {@code failedJobRetryTimeCycle}: an SMTP outage then becomes retries and finally an incident, never a lost email.
 */
@Component("sendMailDelegate")
class SendMailDelegate implements JavaDelegate {

    private final MailComposer composer;
    private final String portalUrl;
    private final mx.supplierportal.document.Documents documents;
    private final mx.supplierportal.supplier.SupplierDirectory directory;

    SendMailDelegate(MailComposer composer, @Value("${portal.base-url}") String portalUrl,
            mx.supplierportal.document.Documents documents, mx.supplierportal.supplier.SupplierDirectory directory) {
        this.composer = composer;
        this.documents = documents;
        this.directory = directory;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
    }

    @Override
    public void execute(DelegateExecution execution) {
        String template = required(execution, "template");
        String to = required(execution, "to");
        Object language = execution.getVariable("language");
        Locale locale = Languages.parse(language == null ? null : language.toString()).orElse(Languages.SPANISH);
        Map<String, Object> model = new HashMap<>(execution.getVariables());
        model.put("businessKey", execution.getProcessBusinessKey());
        model.put("portalUrl", portalUrl);
        composer.send(to, template, locale, model, attachments(execution));
    }

    /**
     * The optional input parameter {@code attachments}: stored documents' ids, comma-separated. Only documents of the
     * recipient's own supplier (variable {@code supplierUserId}) are ever attached: an id in a variable is not trusted.
     */
    private java.util.List<MailComposer.Attachment> attachments(DelegateExecution execution) {
        Object ids = execution.getVariable("attachments");
        if (ids == null || ids.toString().isBlank()) {
            return java.util.List.of();
        }
        Object userId = execution.getVariable("supplierUserId");
        if (!(userId instanceof Number user)) {
            throw new IllegalStateException("a mail with attachments goes to a supplier user (supplierUserId)");
        }
        long supplierId = directory.supplierIdOf(user);
        java.util.List<MailComposer.Attachment> attachments = new java.util.ArrayList<>();
        for (String id : ids.toString().split(",")) {
            var document = documents.find(Long.parseLong(id.strip())).filter(d -> d.getSupplierId() != null
                    && d.getSupplierId() == supplierId).orElseThrow(() -> new IllegalStateException(
                            "document " + id.strip() + " is not one of supplier " + supplierId + "'s"));
            attachments.add(new MailComposer.Attachment(document.getDeclaredName(), document.getDetectedType(),
                    documents.content(document)));
        }
        return attachments;
    }

    private static String required(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("mail task input parameter '" + name + "' is missing");
        }
        return value.toString();
    }
}
