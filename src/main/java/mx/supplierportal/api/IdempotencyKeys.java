package mx.supplierportal.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code Idempotency-Key} header of a creating call: within {@code portal.api.idempotency-window} (24 h) the same
 * key and the same request find what the first call created; the same key with another request is refused (422
 * {@code idempotency-key-reused}). Keys are per user; the request is known by the SHA-256 of its parts. Remembered
 * in the transaction that creates the thing, so a failed call leaves no key behind.
 */
@Component
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration window;

    IdempotencyKeys(JdbcTemplate jdbc, Clock clock,
            @Value("${portal.api.idempotency-window:PT24H}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.window = window;
    }

    /** A key as sent: 1–255 visible ASCII characters; anything else is a 400. Null when the header is absent. */
    public static String check(String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ApiProblem.invalidRequest("api.detail.badParameter", HEADER);
        }
        return key;
    }

    /** What an earlier call with this key created (its id), if the request is the same; refused if it is not. */
    @Transactional(readOnly = true)
    public Optional<Long> earlier(long userId, String key, String operation, String requestHash) {
        if (key == null) {
            return Optional.empty();
        }
        List<String[]> rows = jdbc.query("select operation, request_hash, resource_id from api_idempotency "
                + "where supplier_user_id = ? and idempotency_key = ? and created_at > ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, userId, key,
                OffsetDateTime.now(clock).minus(window));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String[] row = rows.get(0);
        if (!row[0].equals(operation) || !row[1].equals(requestHash)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "api.detail.idempotencyReused");
        }
        return Optional.of(Long.parseLong(row[2]));
    }

    /** Remembers the key with what it created, in the caller's transaction (a key older than the window is free). */
    @Transactional
    public void remember(long userId, String key, String operation, String requestHash, long resourceId) {
        if (key == null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.update("delete from api_idempotency where supplier_user_id = ? and created_at <= ?", userId,
                now.minus(window));
        jdbc.update("insert into api_idempotency (supplier_user_id, idempotency_key, operation, request_hash, "
                + "resource_id, created_at) values (?, ?, ?, ?, ?, ?)", userId, key, operation, requestHash,
                resourceId, now);
    }

    /** The SHA-256 of a request's parts, each length-prefixed (so that parts cannot run into one another). */
    public static String hash(List<byte[]> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                byte[] bytes = part == null ? new byte[0] : part;
                digest.update(ByteBuffer.allocate(5).put((byte) (part == null ? 0 : 1)).putInt(bytes.length).array());
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
}
