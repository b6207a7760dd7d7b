package mx.supplierportal.supplier;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.supplierportal.security.RateLimiter;
import mx.supplierportal.client.ProcessStarts;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Recover the access to the portal": an email form whose answer never says whether the email exists, a reset link
 * sent by the {@code password-recovery} process, a new password, and an email saying the password changed.
 */
@Service
public class PasswordRecovery {

    public static final String PROCESS_KEY = "password-recovery";
    static final String CHOOSE_TASK = "Task_ChooseNewPassword";

    public enum RequestOutcome {
        /** The neutral answer: "if the email belongs to an account, a link is on its way". */
        ACCEPTED,
        /** Too many requests from this address; the person is told to wait. */
        TOO_MANY
    }

    public enum LinkState { VALID, UNKNOWN, USED, EXPIRED, REPLACED }

    public record Outcome(LinkState state, List<String> problems) {

        public boolean changed() {
            return state == LinkState.VALID && problems.isEmpty();
        }
    }

    private final SupplierUserRepository users;
    private final AccountTokens tokens;
    private final ProcessStarts processStarts;
    private final TaskService taskService;
    private final RateLimiter rateLimiter;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final OnboardingProperties properties;
    private final SupplierSessions sessions;
    private final Clock clock;

    PasswordRecovery(SupplierUserRepository users, AccountTokens tokens, ProcessStarts processStarts,
            TaskService taskService, RateLimiter rateLimiter, PasswordPolicy passwordPolicy,
            PasswordEncoder passwordEncoder, OnboardingProperties properties, SupplierSessions sessions, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.processStarts = processStarts;
        this.taskService = taskService;
        this.rateLimiter = rateLimiter;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Takes one request from the address's allowance (before anything about the email is looked up). */
    public RequestOutcome requestFrom(String clientAddress) {
        return rateLimiter.tryRecoveryFrom(clientAddress) ? RequestOutcome.ACCEPTED : RequestOutcome.TOO_MANY;
    }

    /**
     * Sends a reset link if the email belongs to an active account (and its hourly allowance is not used up);
     * otherwise does nothing. Runs after the neutral answer has left ({@code RecoveryAfterResponse}), so how long it
     * takes tells nobody whether the account exists.
     */
    @Transactional
    public void sendLinkIfAccount(String email) {
        Optional<SupplierUser> user = users.findByEmail(SupplierAccounts.normalizeEmail(email))
                .filter(u -> u.getStatus() == SupplierUser.Status.ACTIVE);
        if (user.isPresent() && rateLimiter.tryRecoveryFor(user.get().getEmail())) {
            processStarts.forPortal(PROCESS_KEY, "supplier-user-" + user.get().getId(), Map.of(
                    "supplierUserId", user.get().getId(),
                    "resetTimeout", properties.passwordReset().ttl().toString()));
        }
    }

    @Transactional // the look-up locks the token row
    public LinkState inspect(String rawToken) {
        AccountTokens.Lookup lookup = tokens.lookup(rawToken, AccountToken.Purpose.PASSWORD_RESET);
        LinkState state = linkState(lookup);
        return state == LinkState.VALID && chooseTask(lookup.token()) == null ? LinkState.EXPIRED : state;
    }

    @Transactional
    public Outcome reset(String rawToken, String password, String confirmation) {
        AccountTokens.Lookup lookup = tokens.lookup(rawToken, AccountToken.Purpose.PASSWORD_RESET);
        LinkState state = linkState(lookup);
        if (state != LinkState.VALID) {
            return new Outcome(state, List.of());
        }
        AccountToken token = lookup.token();
        Task task = chooseTask(token);
        if (task == null) {
            return new Outcome(LinkState.EXPIRED, List.of());
        }
        SupplierUser user = users.findById(token.getUserId()).orElseThrow();
        List<String> problems = passwordPolicy.problems(password, confirmation, user.getEmail());
        if (!problems.isEmpty()) {
            return new Outcome(LinkState.VALID, problems);
        }
        user.setPassword(passwordEncoder.encode(password), OffsetDateTime.now(clock));
        sessions.endAllOf(user.getEmail());
        tokens.use(token);
        taskService.complete(task.getId());
        return new Outcome(LinkState.VALID, List.of());
    }

    private Task chooseTask(AccountToken token) {
        return taskService.createTaskQuery().processInstanceId(token.getProcessInstanceId())
                .taskDefinitionKey(CHOOSE_TASK).singleResult();
    }

    private static LinkState linkState(AccountTokens.Lookup lookup) {
        return switch (lookup.state()) {
            case VALID -> LinkState.VALID;
            case UNKNOWN -> LinkState.UNKNOWN;
            case USED -> LinkState.USED;
            case EXPIRED -> LinkState.EXPIRED;
            case REVOKED -> LinkState.REPLACED;
        };
    }
}
