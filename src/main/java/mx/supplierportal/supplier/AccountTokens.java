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
