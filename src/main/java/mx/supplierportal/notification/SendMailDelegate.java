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

    SendMailDelegate(MailComposer composer, @Value("${portal.base-url}") String portalUrl) {
        this.composer = composer;
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
        composer.send(to, template, locale, model);
    }

    private static String required(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("mail task input parameter '" + name + "' is missing");
        }
        return value.toString();
    }
}
