package mx.supplierportal.supplier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and checks the single-use secrets of activation and password-reset links: 256 bits from
 * {@link SecureRandom}, sent only in the email, stored only as SHA-256, with an expiry; issuing a new one revokes
 * the user's earlier open ones of the same purpose.
 */
@Component
class AccountTokens {

    /** What a link's secret turned out to be. */
    enum State { VALID, UNKNOWN, USED, EXPIRED, REVOKED }

    record Lookup(State state, AccountToken token) {

        static final Lookup UNKNOWN = new Lookup(State.UNKNOWN, null);
    }

    private static final int TOKEN_BYTES = 32;
    static final int CODE_LENGTH = 40;
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final SecureRandom random = new SecureRandom();
    private final AccountTokenRepository repository;
    private final Clock clock;

    AccountTokens(AccountTokenRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Returns the raw secret for the email; it is not kept anywhere. */
    @Transactional
    String issue(long userId, AccountToken.Purpose purpose, Duration ttl, String processInstanceId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        revokeOpen(userId, purpose);
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        repository.save(new AccountToken(userId, purpose, hash(raw), processInstanceId, now, now.plus(ttl)));
        return raw;
    }

    /**
     * Returns a new 40-character code to type (a self-registration's confirmation): 200 bits from
     * {@link SecureRandom} in Crockford's base 32 (digits and capitals without I, L, O, U), stored only as the
     * SHA-256 of its {@linkplain #normalizeCode normal form}. Earlier open codes of the user and purpose die.
     */
    @Transactional
    String issueCode(long userId, AccountToken.Purpose purpose, Duration ttl, String processInstanceId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        revokeOpen(userId, purpose);
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CROCKFORD.charAt(random.nextInt(CROCKFORD.length())));
        }
        repository.save(new AccountToken(userId, purpose, hash(code.toString()), processInstanceId, now,
                now.plus(ttl)));
        return code.toString();
    }

    /**
     * What a person typed, as the code it means: spaces and hyphens dropped, capitals, and the letters people confuse
     * with digits read as those digits (O as 0, I and L as 1), as Crockford's base 32 decodes them.
     */
    static String normalizeCode(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder code = new StringBuilder(typed.length());
        typed.toUpperCase(java.util.Locale.ROOT).chars().forEach(c -> {
            switch (c) {
                case ' ', '-', '\t' -> { }
                case 'O' -> code.append('0');
                case 'I', 'L' -> code.append('1');
                default -> code.append((char) c);
            }
        });
        return code.toString();
    }

    /** Looks a typed code up (see {@link #normalizeCode}) and locks its row. */
    @Transactional
    Lookup lookupCode(String typed, AccountToken.Purpose purpose) {
        String code = normalizeCode(typed);
        return code.length() == CODE_LENGTH ? lookup(code, purpose) : Lookup.UNKNOWN;
    }

    /**
     * A wrong code typed for this user: counts it on the user's open code, which dies at {@code maxFailures}.
     * Returns true while the open code still works.
     */
    @Transactional
    boolean failedCode(long userId, AccountToken.Purpose purpose, int maxFailures) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean open = false;
        for (AccountToken token : repository.findOpen(userId, purpose)) {
            if (token.failed() >= maxFailures) {
                token.revoke(now);
            } else {
                open = true;
            }
        }
        return open;
    }

    @Transactional
    void revokeOpen(long userId, AccountToken.Purpose purpose) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        repository.findOpen(userId, purpose).forEach(token -> token.revoke(now));
    }

    /** Looks a secret up and locks its row, so that two requests cannot both use it. */
    @Transactional
    Lookup lookup(String raw, AccountToken.Purpose purpose) {
        if (raw == null || raw.isBlank() || raw.length() > 100) {
            return Lookup.UNKNOWN;
        }
        Optional<AccountToken> found = repository.findByTokenHash(hash(raw.strip()));
        if (found.isEmpty() || found.get().getPurpose() != purpose) {
            return Lookup.UNKNOWN;
        }
        AccountToken token = found.get();
        if (token.isUsed()) {
            return new Lookup(State.USED, token);
        }
        if (token.isRevoked()) {
            return new Lookup(State.REVOKED, token);
        }
        if (!token.getExpiresAt().isAfter(OffsetDateTime.now(clock))) {
            return new Lookup(State.EXPIRED, token);
        }
        return new Lookup(State.VALID, token);
    }

    void use(AccountToken token) {
        token.use(OffsetDateTime.now(clock));
    }

    static String hash(String raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
