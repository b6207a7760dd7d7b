package mx.supplierportal.supplier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: 12 to 128 characters, typed the same twice, not a common password (nor a common
 * word with digits and symbols stuck to its ends), not the email address, and not one character repeated.
 * Returns message keys, so the page says what is wrong in the user's language.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Set<String> commonPasswords;
    private final Set<String> commonWords;

    public PasswordPolicy() {
        this.commonPasswords = load("common-passwords.txt");
        this.commonWords = load("common-password-words.txt");
    }

    public List<String> problems(String password, String confirmation, String email) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("password.required");
            return problems;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add("password.tooShort");
        } else if (length > MAX_LENGTH) {
            problems.add("password.tooLong");
        } else if (isCommon(password)) {
            problems.add("password.common");
        } else if (email != null && containsEmail(password, email)) {
            problems.add("password.containsEmail");
        } else if (password.codePoints().distinct().count() < 4) {
            problems.add("password.tooSimple");
        }
        if (confirmation == null || !confirmation.equals(password)) {
            problems.add("password.mismatch");
        }
        return problems;
    }

    boolean isCommon(String password) {
        String folded = fold(password);
        if (commonPasswords.contains(folded)) {
            return true;
        }
        // "Contraseña2024!", "Proveedor12345": a common word with only digits and symbols around it
        String letters = folded.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        return !letters.isEmpty() && commonWords.contains(letters)
                && folded.replace(letters, "").chars().noneMatch(Character::isLetter);
    }

    private static boolean containsEmail(String password, String email) {
        String local = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
        return local.length() >= 4 && password.toLowerCase(Locale.ROOT).contains(local);
    }

    private static String fold(String value) {
        String lower = value.toLowerCase(Locale.ROOT).strip();
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static Set<String> load(String resource) {
        Set<String> entries = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    entries.add(fold(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(entries);
    }
}
