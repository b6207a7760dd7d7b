package mx.supplierportal.supplier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code supplier-onboarding} and {@code password-recovery}, referenced from the BPMN by
 * {@code delegateExpression}. A link's secret is handed to the mail task as a transient variable: it lives only
 * in the job that issues it and sends the email, and never reaches the engine's tables.
 */
@Configuration
class OnboardingDelegates {

    /** Transient variable with the link to put in the email. */
    static final String LINK = "link";
    /** Transient variable: how many hours the link stays valid, for the email's text. */
    static final String LINK_VALID_HOURS = "linkValidHours";

    private final AccountTokens tokens;
    private final ClientSupplierRepository registrations;
    private final OnboardingProperties properties;

    OnboardingDelegates(AccountTokens tokens, ClientSupplierRepository registrations,
            OnboardingProperties properties) {
        this.tokens = tokens;
        this.registrations = registrations;
        this.properties = properties;
    }

    /** New activation secret (earlier ones die); the registration is "invited" again. */
    @Bean
    JavaDelegate issueActivationLinkDelegate() {
        return execution -> {
            long userId = longVariable(execution, "supplierUserId");
            String raw = tokens.issue(userId, AccountToken.Purpose.ACTIVATION, properties.activation().ttl(),
                    execution.getProcessInstanceId());
            registration(execution).invited();
            execution.setVariable(LINK, Variables.stringValue(properties.link("/activate", raw), true));
            execution.setVariable(LINK_VALID_HOURS,
                    Variables.longValue(properties.activation().ttl().toHours(), true));
        };
    }

    @Bean
    JavaDelegate markActivationExpiredDelegate() {
        // The link's secret expires on its own at the same moment; the activation page then says "expired".
        return execution -> registration(execution).activationExpired();
    }

    @Bean
    JavaDelegate withdrawInvitationDelegate() {
        return execution -> {
            tokens.revokeOpen(longVariable(execution, "supplierUserId"), AccountToken.Purpose.ACTIVATION);
            registration(execution).withdrawn();
        };
    }

    @Bean
    JavaDelegate issuePasswordResetLinkDelegate() {
        return execution -> {
            long userId = longVariable(execution, "supplierUserId");
            String raw = tokens.issue(userId, AccountToken.Purpose.PASSWORD_RESET, properties.passwordReset().ttl(),
                    execution.getProcessInstanceId());
            execution.setVariable(LINK, Variables.stringValue(properties.link("/password/reset", raw), true));
            execution.setVariable(LINK_VALID_HOURS,
                    Variables.longValue(Math.max(1, properties.passwordReset().ttl().toHours()), true));
        };
    }

    private ClientSupplier registration(DelegateExecution execution) {
        long id = longVariable(execution, "clientSupplierId");
        return registrations.findById(id)
                .orElseThrow(() -> new IllegalStateException("registration " + id + " does not exist"));
    }

    private static long longVariable(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("process variable " + name + " is missing");
        }
        return number.longValue();
    }
}
