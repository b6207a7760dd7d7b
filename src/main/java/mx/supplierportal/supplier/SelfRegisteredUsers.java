package mx.supplierportal.supplier;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account side of a business signing itself up ({@code signup} owns the rest): a pending supplier user whose
 * password is chosen at once, its emailed confirmation code, and its removal when the code expires unused. The
 * company row for the RFC is shared as for clients' registrations; nothing of any registration is reachable from
 * such an account ("Self-registration" in docs/decisions.md).
 */
@Service
public class SelfRegisteredUsers {

    /** What typing a confirmation code did. */
    public enum Confirmation {
        /** The code was right: the account is active and can sign in. */
        CONFIRMED,
        /** Wrong (or not a code at all); the account's code still works if it had one. */
        WRONG,
        /** Wrong, and that was the last try: the account needs a new code. */
        WRONG_NO_TRIES_LEFT,
        /** The code was right but has expired, was replaced by a newer one or died after too many wrong tries. */
        EXPIRED,
        /** The code was already used: the account is confirmed. */
        ALREADY_CONFIRMED
    }

    public record Confirmed(Confirmation outcome, Long userId, String processInstanceId) {
    }

    public static final int MAX_WRONG_CODES = 5;

    private final SupplierRepository suppliers;
    private final SupplierUserRepository users;
    private final RegistrationMemberRepository members;
    private final AccountTokenRepository tokenRows;
    private final AccountTokens tokens;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    SelfRegisteredUsers(SupplierRepository suppliers, SupplierUserRepository users,
            RegistrationMemberRepository members, AccountTokenRepository tokenRows, AccountTokens tokens,
            PasswordEncoder passwordEncoder, Clock clock) {
        this.suppliers = suppliers;
        this.users = users;
        this.members = members;
        this.tokenRows = tokenRows;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** The user an email already belongs to, if any, and whether it is still waiting for confirmation. */
    public record Existing(long userId, boolean pending) {
    }

    @Transactional(readOnly = true)
    public Optional<Existing> existing(String email) {
        return users.findByEmail(SupplierAccounts.normalizeEmail(email))
                .map(u -> new Existing(u.getId(), u.getStatus() == SupplierUser.Status.PENDING));
    }

    /**
     * Creates the pending account of {@code email} for the company {@code rfc} (created if no client registered it
     * yet), with the password already hashed. Empty when the email has an account: the caller tells only the mailbox.
     * The hash is computed first either way, so the answer takes as long whether or not the email exists.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> createPending(String rfc, String email, String password, String language) {
        String hash = passwordEncoder.encode(password);
        String normalized = SupplierAccounts.normalizeEmail(email);
        if (users.findByEmail(normalized).isPresent()) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Supplier company = suppliers.findByRfc(rfc).orElseGet(() -> suppliers.save(new Supplier(rfc, rfc, now)));
        SupplierUser user = users.saveAndFlush(SupplierUser.selfRegistered(company.getId(), normalized, hash,
                language, now));
        return Optional.of(user.getId());
    }

    /** A new confirmation code for the user (earlier ones stop working); only the email ever holds it. */
    public String issueConfirmationCode(long userId, Duration ttl, String processInstanceId) {
        return tokens.issueCode(userId, AccountToken.Purpose.SIGNUP_CONFIRMATION, ttl, processInstanceId);
    }

    /**
     * Checks a typed confirmation code. A right one activates its account whoever types it (the code is the proof);
     * a wrong one counts against {@code forUserId} — the account the person is confirming, when the page knows it —
     * whose code dies at the {@value #MAX_WRONG_CODES}th.
     */
    @Transactional
    public Confirmed confirm(String typed, Long forUserId) {
        AccountTokens.Lookup lookup = tokens.lookupCode(typed, AccountToken.Purpose.SIGNUP_CONFIRMATION);
        AccountToken token = lookup.token();
        return switch (lookup.state()) {
            case VALID -> {
                users.findById(token.getUserId()).orElseThrow().confirmed();
                tokens.use(token);
                yield new Confirmed(Confirmation.CONFIRMED, token.getUserId(), token.getProcessInstanceId());
            }
            case USED -> new Confirmed(Confirmation.ALREADY_CONFIRMED, token.getUserId(), null);
            case EXPIRED, REVOKED -> new Confirmed(Confirmation.EXPIRED, token.getUserId(), null);
            case UNKNOWN -> {
                boolean stillWorks = forUserId == null || tokens.failedCode(forUserId,
                        AccountToken.Purpose.SIGNUP_CONFIRMATION, MAX_WRONG_CODES);
                yield new Confirmed(stillWorks ? Confirmation.WRONG : Confirmation.WRONG_NO_TRIES_LEFT, null, null);
            }
        };
    }

    /**
     * Removes an account whose confirmation code expired unused: its codes, the user (unless it was confirmed or
     * admitted to a client's registration meanwhile) and the company row if nothing else uses it.
     * Returns true when the user was removed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean removeUnconfirmed(long userId) {
        Optional<SupplierUser> user = users.findById(userId)
                .filter(u -> u.getStatus() == SupplierUser.Status.PENDING && !members.existsByKeyUserId(userId));
        if (user.isEmpty()) {
            return false;
        }
        long companyId = user.get().getSupplierId();
        tokenRows.deleteByUser(userId);
        users.delete(user.get());
        users.flush();
        if (suppliers.isUnused(companyId)) {
            suppliers.deleteById(companyId);
        }
        return true;
    }

    /** The company row the user works for (its files are stored under it). */
    @Transactional(readOnly = true)
    public long companyIdOf(long userId) {
        return users.findById(userId).orElseThrow().getSupplierId();
    }
}
