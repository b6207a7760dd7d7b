package mx.supplierportal.signup;

import mx.supplierportal.supplier.SelfRegisteredUsers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code self-registration}. Each finds its account by the process instance it runs in, never
 * by an id in a variable. The confirmation code reaches the mail task only as a transient variable: it lives in the
 * job that issues and sends it and never reaches the engine's tables.
 */
@Configuration
class SignupDelegates {

    /** Transient variables for the confirmation email. */
    static final String CODE = "code";
    static final String LINK = "link";
    static final String CODE_VALID_HOURS = "codeValidHours";

    private final SignupAccountRepository accounts;
    private final SeriesRepository series;
    private final SelfRegisteredUsers users;
    private final SignupProperties properties;
    private final String portalUrl;

    SignupDelegates(SignupAccountRepository accounts, SeriesRepository series, SelfRegisteredUsers users,
            SignupProperties properties, @Value("${portal.base-url}") String portalUrl) {
        this.accounts = accounts;
        this.series = series;
        this.users = users;
        this.properties = properties;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
    }

    /** A new confirmation code (earlier ones stop working), handed to the mail task that follows in the same job. */
    @Bean
    JavaDelegate issueConfirmationCodeDelegate() {
        return execution -> {
            SignupAccount account = accountOf(execution);
            String code = users.issueConfirmationCode(account.getSupplierUserId(), properties.confirmationTtl(),
                    execution.getProcessInstanceId());
            execution.setVariable(CODE, Variables.stringValue(code, true));
            execution.setVariable(LINK, Variables.stringValue(portalUrl + "/signup/confirm?code=" + code, true));
            execution.setVariable(CODE_VALID_HOURS,
                    Variables.longValue(Math.max(1, properties.confirmationTtl().toHours()), true));
        };
    }

    /** The code expired unused: the account, its user and (if nothing else uses it) the company row go. */
    @Bean
    JavaDelegate removeUnconfirmedAccountDelegate() {
        return execution -> accounts.findByProcessInstanceId(execution.getProcessInstanceId())
                .filter(account -> account.getStatus() == SignupAccount.Status.UNCONFIRMED)
                .ifPresent(account -> {
                    series.deleteByAccountId(account.getId());
                    accounts.delete(account);
                    accounts.flush();
                    users.removeUnconfirmed(account.getSupplierUserId());
                });
    }

    private SignupAccount accountOf(DelegateExecution execution) {
        return accounts.findByProcessInstanceId(execution.getProcessInstanceId()).orElseThrow(
                () -> new IllegalStateException("no self-registration for instance " + execution.getProcessInstanceId()));
    }
}
