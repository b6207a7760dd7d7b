package mx.supplierportal.supplier;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supplier's side of onboarding: the activation link leads here; choosing a password activates the account and
 * completes the "Activate account" task of {@code supplier-onboarding}, in one transaction.
 */
@Service
public class Activation {

    static final String ACTIVATE_TASK = "Task_ActivateAccount";

    /** What the activation page shows for a link. */
    public enum LinkState {
        /** Choose a password. */
        CHOOSE_PASSWORD,
        /** The person already has an account (another client registered this supplier): confirm only. */
        CONFIRM_ONLY,
        UNKNOWN, USED, EXPIRED, REPLACED
    }

    public record LinkInfo(LinkState state, String email, String businessName) {
    }

    /** The outcome of submitting the activation form; {@code email} is the account's, once activated. */
    public record Outcome(LinkState state, List<String> problems, String email) {

        Outcome(LinkState state, List<String> problems) {
            this(state, problems, null);
        }

        /** The person chose the account's first password now (not an existing account admitted to one more client). */
        public boolean choseFirstPassword() {
            return activated() && state == LinkState.CHOOSE_PASSWORD;
        }

        public boolean activated() {
            return problems.isEmpty() && (state == LinkState.CHOOSE_PASSWORD || state == LinkState.CONFIRM_ONLY);
        }
    }

    private final AccountTokens tokens;
    private final SupplierUserRepository users;
    private final ClientSupplierRepository registrations;
    private final TaskService taskService;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    Activation(AccountTokens tokens, SupplierUserRepository users,
            ClientSupplierRepository registrations, TaskService taskService, PasswordPolicy passwordPolicy,
            PasswordEncoder passwordEncoder, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.tokens = tokens;
        this.users = users;
        this.registrations = registrations;
        this.taskService = taskService;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional // the look-up locks the token row
    public LinkInfo inspect(String rawToken) {
        AccountTokens.Lookup lookup = tokens.lookup(rawToken, AccountToken.Purpose.ACTIVATION);
        LinkState state = linkState(lookup);
        if (lookup.token() == null || state != LinkState.CHOOSE_PASSWORD) {
            return new LinkInfo(state, null, null);
        }
        if (activateTask(lookup.token()) == null) {
            return new LinkInfo(LinkState.EXPIRED, null, null); // the invitation's timer has run out
        }
        SupplierUser user = users.findById(lookup.token().getUserId()).orElseThrow();
        String businessName = registrations.findByProcessInstanceId(lookup.token().getProcessInstanceId())
                .map(ClientSupplier::getBusinessName).orElse("");
        LinkState shown = user.getPasswordHash() == null ? LinkState.CHOOSE_PASSWORD : LinkState.CONFIRM_ONLY;
        return new LinkInfo(shown, user.getEmail(), businessName);
    }

    @Transactional
    public Outcome activate(String rawToken, String password, String confirmation) {
        AccountTokens.Lookup lookup = tokens.lookup(rawToken, AccountToken.Purpose.ACTIVATION);
        LinkState state = linkState(lookup);
        if (state != LinkState.CHOOSE_PASSWORD) {
            return new Outcome(state, List.of());
        }
        AccountToken token = lookup.token();
        Task task = activateTask(token);
        if (task == null) {
            // The invitation expired or was re-sent a moment ago.
            return new Outcome(LinkState.EXPIRED, List.of());
        }
        SupplierUser user = users.findById(token.getUserId()).orElseThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean firstActivation = user.getPasswordHash() == null;
        if (firstActivation) {
            List<String> problems = passwordPolicy.problems(password, confirmation, user.getEmail());
            if (!problems.isEmpty()) {
                return new Outcome(LinkState.CHOOSE_PASSWORD, problems);
            }
            user.setPassword(passwordEncoder.encode(password), now);
        } else if (user.getStatus() == SupplierUser.Status.PENDING) {
            user.confirmed(); // a self-registered account not confirmed yet: this link proves the mailbox as well
            events.publishEvent(new SupplierUserConfirmed(user.getId()));
        }
        tokens.use(token);
        registrations.findByProcessInstanceId(token.getProcessInstanceId())
                .ifPresent(registration -> registration.activated(now));
        taskService.complete(task.getId());
        return new Outcome(firstActivation ? LinkState.CHOOSE_PASSWORD : LinkState.CONFIRM_ONLY, List.of(),
                user.getEmail());
    }

    private Task activateTask(AccountToken token) {
        return taskService.createTaskQuery().processInstanceId(token.getProcessInstanceId())
                .taskDefinitionKey(ACTIVATE_TASK).singleResult();
    }

    private static LinkState linkState(AccountTokens.Lookup lookup) {
        return switch (lookup.state()) {
            case VALID -> LinkState.CHOOSE_PASSWORD;
            case UNKNOWN -> LinkState.UNKNOWN;
            case USED -> LinkState.USED;
            case EXPIRED -> LinkState.EXPIRED;
            case REVOKED -> LinkState.REPLACED;
        };
    }
}
