package mx.supplierportal.signup;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import mx.supplierportal.cfdi.Rfc;
import mx.supplierportal.client.ProcessStarts;
import mx.supplierportal.security.RateLimiter;
import mx.supplierportal.supplier.PasswordPolicy;
import mx.supplierportal.supplier.SelfRegisteredUsers;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 1, "Crear una cuenta": RFC, email (the user name) and password. Whether or not the email already has an
 * account, the page gives the same answer ("check your email"); only the mailbox learns which it was.
 */
@Service
class AccountCreation {

    static final String PROCESS_KEY = "self-registration";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /**
     * Problems mean nothing was created and nothing sent; warnings are shown with the neutral answer; {@code captcha}
     * is the message key of a CAPTCHA the page must show (needed, wrong or expired), or null.
     */
    record Outcome(List<FieldProblem> problems, List<String> warnings, boolean tooMany, String captcha) {

        boolean accepted() {
            return problems.isEmpty() && !tooMany && captcha == null;
        }
    }

    static final String FREE_ACCOUNTS = "signup-without-captcha-ip";

    private final SelfRegisteredUsers users;
    private final SignupAccountRepository accounts;
    private final ProcessStarts processStarts;
    private final PasswordPolicy passwordPolicy;
    private final RateLimiter rateLimiter;
    private final SignupProperties properties;
    private final AccountConfirmation confirmation;
    private final mx.supplierportal.security.Captchas captchas;
    private final Clock clock;

    AccountCreation(SelfRegisteredUsers users, SignupAccountRepository accounts, ProcessStarts processStarts,
            PasswordPolicy passwordPolicy, RateLimiter rateLimiter, SignupProperties properties,
            AccountConfirmation confirmation, mx.supplierportal.security.Captchas captchas, Clock clock) {
        this.captchas = captchas;
        this.users = users;
        this.accounts = accounts;
        this.processStarts = processStarts;
        this.passwordPolicy = passwordPolicy;
        this.rateLimiter = rateLimiter;
        this.properties = properties;
        this.confirmation = confirmation;
        this.clock = clock;
    }

    @Transactional
    public Outcome create(String rfcTyped, String emailTyped, String password, String passwordAgain, Locale locale,
            String clientAddress, String captchaId, String captchaAnswer) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String rfc = Rfc.normalize(rfcTyped);
        switch (Rfc.check(rfc)) {
            case MALFORMED -> problems.add(new FieldProblem("rfc", "signup.rfc.malformed"));
            case CHECK_DIGIT_MISMATCH -> warnings.add("signup.rfc.checkDigit");
            case VALID -> { }
        }
        if (Rfc.isGeneric(rfc)) {
            problems.add(new FieldProblem("rfc", "signup.rfc.generic"));
        }
        String email = emailTyped == null ? "" : emailTyped.strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            problems.add(new FieldProblem("email", "validation.required"));
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem("email", "validation.email"));
        }
        passwordPolicy.problems(password, passwordAgain, email).forEach(key -> problems.add(new FieldProblem(
                key.equals("password.mismatch") ? "passwordAgain" : "password", key)));
        if (!problems.isEmpty()) {
            return new Outcome(problems, warnings, false, null);
        }
        if (captchaNeededFrom(clientAddress)) {
            mx.supplierportal.security.Captchas.Verdict verdict = captchaId == null || captchaId.isBlank() ? null
                    : captchas.check(captchaId, captchaAnswer);
            if (verdict != mx.supplierportal.security.Captchas.Verdict.RIGHT) {
                return new Outcome(List.of(), warnings, false, verdict == null ? "captcha.required"
                        : verdict == mx.supplierportal.security.Captchas.Verdict.EXPIRED ? "captcha.expired"
                        : "captcha.wrong");
            }
        } else {
            rateLimiter.tryHourly(FREE_ACCOUNTS, clientAddress, properties.accountsWithoutCaptchaPerIpPerHour());
        }
        if (!rateLimiter.tryHourly("signup-ip", clientAddress, properties.accountsPerIpPerHour())) {
            return new Outcome(List.of(), List.of(), true, null);
        }
        String language = locale.getLanguage().equals("en") ? "en" : "es";
        Optional<Long> created = users.createPending(rfc, email, password, language);
        if (created.isPresent()) {
            start(rfc, created.get());
        } else {
            tellTheMailbox(rfc, email);
        }
        return new Outcome(List.of(), warnings, false, null);
    }

    /** After a few accounts from one address in an hour, creating another also asks for the CAPTCHA. */
    boolean captchaNeededFrom(String clientAddress) {
        return rateLimiter.isHourlyUsedUp(FREE_ACCOUNTS, clientAddress, properties.accountsWithoutCaptchaPerIpPerHour());
    }

    private void start(String rfc, long userId) {
        SignupAccount account = accounts.saveAndFlush(new SignupAccount(userId, rfc, OffsetDateTime.now(clock)));
        ProcessInstance instance = processStarts.forPortal(PROCESS_KEY, rfc, Map.of(
                "supplierUserId", userId,
                "rfc", rfc,
                "existingAccount", false,
                "confirmationTimeout", properties.confirmationTtl().toString()));
        account.startedAs(instance.getId());
    }

    /**
     * The email has an account. Waiting for its confirmation: a new code is sent (the person is trying again);
     * otherwise the mailbox is told it already has an account, with sign-in and recovery.
     */
    private void tellTheMailbox(String rfc, String email) {
        SelfRegisteredUsers.Existing existing = users.existing(email).orElseThrow();
        Optional<SignupAccount> waiting = accounts.findBySupplierUserId(existing.userId())
                .filter(a -> a.getStatus() == SignupAccount.Status.UNCONFIRMED);
        if (existing.pending() && waiting.isPresent()) {
            confirmation.sendNewCode(waiting.get());
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("supplierUserId", existing.userId());
        variables.put("rfc", rfc);
        variables.put("existingAccount", true);
        variables.put("confirmationTimeout", properties.confirmationTtl().toString());
        processStarts.forPortal(PROCESS_KEY, rfc, variables);
    }
}
