package mx.supplierportal.cfdi;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Mexican taxpayer id (Registro Federal de Contribuyentes).
 *
 * <p>A legal entity ("persona moral") has 12 characters: 3 letters, the date of incorporation as YYMMDD and a
 * 3-character "homoclave" whose last character is a check digit. An individual ("persona física") has 13: 4
 * letters, the birth date and the homoclave. The check digit is computed with SAT's modulo-11 weighting; a few
 * real RFCs fail it, so a mismatch is a warning, never a rejection.
 */
public final class Rfc {

    public static final String GENERIC_NATIONAL = "XAXX010101000";
    public static final String GENERIC_FOREIGN = "XEXX010101000";

    private static final Pattern SHAPE = Pattern.compile("^[A-ZÑ&]{3,4}[0-9]{6}[A-Z0-9]{2}[0-9A]$");
    private static final String CHECK_ALPHABET = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ";

    /** The result of looking at a candidate RFC. */
    public enum Verdict {
        /** Shape, date and check digit are right. */
        VALID,
        /** Shape and date are right but the check digit is not what SAT's algorithm gives. */
        CHECK_DIGIT_MISMATCH,
        /** Not an RFC: wrong length, characters or date. */
        MALFORMED
    }

    private Rfc() {
    }

    /** Upper-cases and trims what a person typed. Returns an empty string for null. */
    public static String normalize(String input) {
        return input == null ? "" : input.strip().toUpperCase(Locale.ROOT);
    }

    public static Verdict check(String input) {
        String rfc = normalize(input);
        if (!SHAPE.matcher(rfc).matches()) {
            return Verdict.MALFORMED;
        }
        int dateStart = rfc.length() - 9;
        if (!isDate(rfc.substring(dateStart, dateStart + 6))) {
            return Verdict.MALFORMED;
        }
        if (isGeneric(rfc)) {
            return Verdict.VALID;
        }
        return expectedCheckDigit(rfc) == rfc.charAt(rfc.length() - 1) ? Verdict.VALID : Verdict.CHECK_DIGIT_MISMATCH;
    }

    public static boolean isGeneric(String rfc) {
        return GENERIC_NATIONAL.equals(rfc) || GENERIC_FOREIGN.equals(rfc);
    }

    /** True for a 12-character RFC (legal entity). */
    public static boolean isLegalEntity(String rfc) {
        return normalize(rfc).length() == 12;
    }

    /**
     * SAT's check digit: the first 11 (legal entity, padded with a leading space) or 12 characters are mapped to
     * their value in {@link #CHECK_ALPHABET}, weighted 13 down to 2, summed, and taken modulo 11.
     */
    static char expectedCheckDigit(String rfc) {
        String body = (rfc.length() == 12 ? " " : "") + rfc.substring(0, rfc.length() - 1);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int value = CHECK_ALPHABET.indexOf(body.charAt(i));
            sum += value * (13 - i);
        }
        int remainder = sum % 11;
        if (remainder == 0) {
            return '0';
        }
        int digit = 11 - remainder;
        return digit == 10 ? 'A' : (char) ('0' + digit);
    }

    private static boolean isDate(String yymmdd) {
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int mm = Integer.parseInt(yymmdd.substring(2, 4));
        int dd = Integer.parseInt(yymmdd.substring(4, 6));
        try {
            // The century is unknown; 2000 is a leap year, so 29 February of "00" is accepted.
            LocalDate.of(2000 + yy, mm, dd);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
