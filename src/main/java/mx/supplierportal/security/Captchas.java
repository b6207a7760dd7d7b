package mx.supplierportal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CAPTCHA challenges ("Escribe las palabras"): two made-up words (consonant–vowel syllables) drawn as a distorted image, and an 8-digit code
 * spoken in the page's language for those who cannot see it; either answer passes. A challenge lives on the server
 * (answers hashed with its id), expires in 5 minutes and is used up by its first answer, right or wrong.
 */
@Service
public class Captchas {

    /** What an answer was. */
    public enum Verdict { RIGHT, WRONG, EXPIRED }

    static final Duration LIFETIME = Duration.ofMinutes(5);
    /** No j or l: next to an i they are hard to tell apart once distorted. */
    private static final String CONSONANTS = "bcdfgkmnprstvz";
    private static final String VOWELS = "aeiou";

    private final SecureRandom random = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectProvider<CaptchaObserver> observers;
    private final RateLimiter rateLimiter;
    private final int perAddressPerHour;

    Captchas(JdbcTemplate jdbc, Clock clock, ObjectProvider<CaptchaObserver> observers, RateLimiter rateLimiter,
            @org.springframework.beans.factory.annotation.Value("${portal.rate-limit.captchas-per-ip-per-hour:60}")
            int perAddressPerHour) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.observers = observers;
        this.rateLimiter = rateLimiter;
        this.perAddressPerHour = perAddressPerHour;
    }

    /**
     * A new challenge for a page in {@code locale}; returns its id (the page's hidden field and the image's URL), or
     * null when the address has asked for too many this hour (each is ~65 KB kept for up to an hour: the limit keeps a
     * script that reloads the page from filling the database).
     */
    @Transactional
    public String create(Locale locale, String clientAddress) {
        if (!rateLimiter.tryHourly("captcha-ip", clientAddress, perAddressPerHour)) {
            return null;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.update("delete from captcha_challenge where expires_at < ?", Timestamp.from(now.minusHours(1).toInstant()));
        byte[] idBytes = new byte[32];
        random.nextBytes(idBytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(idBytes);
        String words = word(2) + " " + word(3);
        StringBuilder digits = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            digits.append(random.nextInt(10));
        }
        String language = locale.getLanguage().equals("en") ? "en" : "es";
        jdbc.update("insert into captcha_challenge (id, words_hash, digits_hash, language, image, audio, created_at,"
                        + " expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)", id, hash(id, words), hash(id, digits.toString()),
                language, CaptchaImage.draw(words, random), CaptchaAudio.say(digits.toString(), language, random),
                Timestamp.from(now.toInstant()), Timestamp.from(now.plus(LIFETIME).toInstant()));
        observers.ifAvailable(observer -> observer.created(id, words, digits.toString()));
        return id;
    }

    public Optional<byte[]> image(String id) {
        return open(id, "image");
    }

    public Optional<byte[]> audio(String id) {
        return open(id, "audio");
    }

    /** Checks an answer (the words or the spoken digits; case, accents and spaces do not matter) and uses it up. */
    @Transactional
    public Verdict check(String id, String answer) {
        if (id == null || id.length() != 43 || answer == null || answer.length() > 100) {
            return Verdict.WRONG;
        }
        List<Map<String, Object>> rows = jdbc.queryForList("select words_hash, digits_hash, expires_at, used_at"
                + " from captcha_challenge where id = ? for update", id);
        if (rows.isEmpty() || rows.get(0).get("used_at") != null) {
            return Verdict.WRONG;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.update("update captcha_challenge set used_at = ? where id = ?", Timestamp.from(now.toInstant()), id);
        if (!((Timestamp) rows.get(0).get("expires_at")).toInstant().isAfter(now.toInstant())) {
            return Verdict.EXPIRED;
        }
        String given = hash(id, answer);
        boolean right = MessageDigest.isEqual(bytes(given), bytes((String) rows.get(0).get("words_hash")))
                || MessageDigest.isEqual(bytes(given), bytes((String) rows.get(0).get("digits_hash")));
        return right ? Verdict.RIGHT : Verdict.WRONG;
    }

    /** Uses a challenge up without an answer (the person asked for a new one). */
    @Transactional
    public void discard(String id) {
        if (id != null) {
            jdbc.update("update captcha_challenge set used_at = ? where id = ? and used_at is null",
                    Timestamp.from(OffsetDateTime.now(clock).toInstant()), id);
        }
    }

    private Optional<byte[]> open(String id, String column) {
        if (id == null || id.length() != 43) {
            return Optional.empty();
        }
        List<byte[]> found = jdbc.query("select " + column + " from captcha_challenge where id = ? and used_at is null"
                        + " and expires_at > ?", (rs, n) -> rs.getBytes(1), id,
                Timestamp.from(OffsetDateTime.now(clock).toInstant()));
        return found.stream().findFirst();
    }

    private String word(int syllables) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            word.append(CONSONANTS.charAt(random.nextInt(CONSONANTS.length())))
                    .append(VOWELS.charAt(random.nextInt(VOWELS.length())));
        }
        return word.toString();
    }

    /** The answer in one form: lower case, no accents, letters and digits only. */
    static String normalize(String answer) {
        String folded = Normalizer.normalize(answer.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return folded.replaceAll("[^a-z0-9]", "");
    }

    private static String hash(String id, String answer) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((id + ":" + normalize(answer)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] bytes(String hex) {
        return hex.getBytes(StandardCharsets.US_ASCII);
    }
}
