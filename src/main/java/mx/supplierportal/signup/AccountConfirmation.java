package mx.supplierportal.signup;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import mx.supplierportal.security.RateLimiter;
import mx.supplierportal.supplier.SelfRegisteredUsers;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 2, "Confirmar tu cuenta": the 40-character code from the email, and "send me a new code". The process waits
 * for the message {@value #CONFIRMED}; a new code is the message {@value #RESEND}.
 */
@Service
class AccountConfirmation {

    static final String CONFIRMED = "signup-confirmed";
    static final String RESEND = "signup-resend-code";

    enum Outcome {
        CONFIRMED,
        /** Wrong code (also after the last try: the page says the same, so it tells nothing about accounts). */
        WRONG,
        EXPIRED,
        ALREADY_CONFIRMED,
        TOO_MANY
    }

    private final SelfRegisteredUsers users;
    private final SignupAccountRepository accounts;
    private final RuntimeService runtimeService;
    private final RateLimiter rateLimiter;
    private final SignupProperties properties;
    private final Clock clock;

    AccountConfirmation(SelfRegisteredUsers users, SignupAccountRepository accounts, RuntimeService runtimeService,
            RateLimiter rateLimiter, SignupProperties properties, Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.runtimeService = runtimeService;
        this.rateLimiter = rateLimiter;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Checks the typed code. {@code email} is the account this browser created in step 1 (or typed on this page),
     * if known: wrong codes count against it.
     */
    @Transactional
    public Outcome confirm(String code, String email, String clientAddress) {
        if (!rateLimiter.tryHourly("signup-confirm-ip", clientAddress, properties.confirmationsPerIpPerHour())) {
            return Outcome.TOO_MANY;
        }
        Long forUser = waitingAccountOf(email).map(SignupAccount::getSupplierUserId).orElse(null);
        SelfRegisteredUsers.Confirmed result = users.confirm(code, forUser);
        return switch (result.outcome()) {
            case CONFIRMED -> {
                accounts.findBySupplierUserId(result.userId()).ifPresent(this::confirmed);
                yield Outcome.CONFIRMED;
            }
            case ALREADY_CONFIRMED -> Outcome.ALREADY_CONFIRMED;
            case EXPIRED -> Outcome.EXPIRED;
            case WRONG, WRONG_NO_TRIES_LEFT -> Outcome.WRONG;
        };
    }

    /** A client's activation link to the same email confirmed the account: the code is no longer needed. */
    @org.springframework.context.event.EventListener
    public void onConfirmedElsewhere(mx.supplierportal.supplier.SupplierUserConfirmed event) {
        accounts.findBySupplierUserId(event.userId()).ifPresent(this::confirmed);
    }

    private void confirmed(SignupAccount account) {
        if (account.getStatus() != SignupAccount.Status.UNCONFIRMED) {
            return;
        }
        account.confirmed(OffsetDateTime.now(clock));
        runtimeService.createMessageCorrelation(CONFIRMED).processInstanceId(account.getProcessInstanceId())
                .correlate();
    }

    /** "Send me a new code": only for an account still waiting for its confirmation; otherwise nothing happens. */
    @Transactional
    public boolean resend(String email, String clientAddress) {
        if (!rateLimiter.tryHourly("signup-resend-ip", clientAddress, properties.accountsPerIpPerHour())) {
            return false;
        }
        waitingAccountOf(email).ifPresent(this::sendNewCode);
        return true;
    }

    void sendNewCode(SignupAccount account) {
        // correlateAll: nothing waits while the previous code's email is still being sent; then nothing happens
        runtimeService.createMessageCorrelation(RESEND).processInstanceId(account.getProcessInstanceId())
                .correlateAll();
    }

    private Optional<SignupAccount> waitingAccountOf(String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return Optional.empty();
        }
        return users.existing(email).filter(SelfRegisteredUsers.Existing::pending)
                .flatMap(existing -> accounts.findBySupplierUserId(existing.userId()))
                .filter(account -> account.getStatus() == SignupAccount.Status.UNCONFIRMED);
    }
}
