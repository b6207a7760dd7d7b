package mx.supplierportal.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mx.supplierportal.client.ProcessStarts;
import mx.supplierportal.supplier.SupplierDirectory;
import mx.supplierportal.web.ExplainedProblem;
import mx.supplierportal.web.Formats;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens of supplier users: created on <em>Mi perfil</em> (the secret is shown once and kept only as
 * its SHA-256), listed with their last use, revoked; and recognised on every {@code /api/**} call. The user is told
 * by email that a token was created (process {@code api-token-created}).
 */
@Service
public class ApiTokens {

    public static final String PROCESS = "api-token-created";
    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 365;
    /** Active tokens one user may have at once: enough for every system it connects, few enough to keep track. */
    public static final int MAX_ACTIVE = 20;
    static final String PREFIX = "spt_";
    private static final int SECRET_BYTES = 32;
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** Why a token could not be created; nothing was stored. */
    public static final class Refused extends ExplainedProblem {

        Refused(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }
    }

    /** A token just created, and its secret: the only moment the secret exists outside the caller's hands. */
    public record Created(ApiToken token, String secret) {
    }

    private final SecureRandom random = new SecureRandom();
    private final ApiTokenRepository tokens;
    private final SupplierDirectory directory;
    private final ProcessStarts starts;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, SupplierDirectory directory, ProcessStarts starts, Clock clock) {
        this.tokens = tokens;
        this.directory = directory;
        this.starts = starts;
        this.clock = clock;
    }

    @Transactional
    public Created create(long userId, String name, Set<ApiScope> scopes, Integer days) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 80) {
            throw new Refused("api.token.name.invalid");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new Refused("api.token.scopes.required");
        }
        int validDays = days == null ? DEFAULT_DAYS : days;
        if (validDays < 1 || validDays > MAX_DAYS) {
            throw new Refused("api.token.days.invalid", MAX_DAYS);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (tokens.countActive(userId, now) >= MAX_ACTIVE) {
            throw new Refused("api.token.tooMany", MAX_ACTIVE);
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.save(new ApiToken(userId, cleanName, hash(secret), scopes, now,
                now.plusDays(validDays)));
        starts.forPortal(PROCESS, "api-token-" + token.getId(), Map.of("supplierUserId", userId,
                "tokenName", token.getName(),
                "tokenScopes", String.join(", ", token.scopes().stream().map(ApiScope::value).toList()),
                "tokenExpires", Formats.date(token.getExpiresAt())));
        return new Created(token, secret);
    }

    /** The demo's token with a fixed secret (demo profile only, like the demo passwords); no email. */
    @Transactional
    void createFixed(long userId, String name, String secret, Set<ApiScope> scopes, int days) {
        if (tokens.findByTokenHash(hash(secret)).isEmpty()) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            tokens.save(new ApiToken(userId, name, hash(secret), scopes, now, now.plusDays(days)));
        }
    }

    @Transactional(readOnly = true)
    public List<ApiToken> of(long userId) {
        return tokens.findByUserIdOrderByCreatedAtDesc(userId);
    }

    /** Revokes one of the user's tokens at once; another user's token is not found. */
    @Transactional
    public boolean revoke(long userId, long tokenId) {
        return tokens.findByIdAndUserId(tokenId, userId).map(t -> {
            t.revoke(OffsetDateTime.now(clock));
            return true;
        }).orElse(false);
    }

    /**
     * The caller a bearer secret stands for: an active token of a supplier user who may still sign in. Anything else
     * (unknown, expired, revoked, a disabled user) is empty, and answered alike.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<ApiPrincipal> recognise(String secret) {
        if (secret == null || secret.length() > 200) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tokens.findByTokenHash(hash(secret))
                .filter(t -> t.isActive(now))
                .filter(t -> directory.maySignIn(t.getUserId()))
                .map(t -> {
                    OffsetDateTime earlier = now.minus(TOUCH_EVERY);
                    if (t.getLastUsedAt() == null || t.getLastUsedAt().isBefore(earlier)) {
                        tokens.touch(t.getId(), now, earlier); // checked again there: two calls at once write once
                    }
                    return new ApiPrincipal(t.getUserId(), t.getId(), t.scopes(), directory.languageOf(t.getUserId()));
                });
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
