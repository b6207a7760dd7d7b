package mx.supplierportal.signup;

import java.math.BigInteger;
import java.util.Locale;

/**
 * The reference a bank deposit carries: an ISO 11649 structured creditor reference ("RF" + two check digits + up to
 * 21 letters and digits), whose check digits are ISO 7064 MOD 97-10 as in an IBAN. A mistyped reference fails the
 * check, so treasury can tell a typo from another order.
 */
final class PaymentReference {

    private PaymentReference() {
    }

    /** "RF" + check digits + {@code body} (letters and digits, at most 21). */
    static String of(String body) {
        String upper = body.toUpperCase(Locale.ROOT);
        if (!upper.matches("[A-Z0-9]{1,21}")) {
            throw new IllegalArgumentException("a creditor reference holds 1 to 21 letters and digits: " + body);
        }
        int check = 98 - mod97(upper + "RF00");
        return "RF" + (check < 10 ? "0" : "") + check + upper;
    }

    /** Whether a typed reference (spaces allowed) is well formed and its check digits are right. */
    static boolean isValid(String typed) {
        if (typed == null) {
            return false;
        }
        String reference = typed.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!reference.matches("RF[0-9]{2}[A-Z0-9]{1,21}")) {
            return false;
        }
        return mod97(reference.substring(4) + reference.substring(0, 4)) == 1;
    }

    /** Letters become two digits (A = 10 … Z = 35), then the number modulo 97. */
    private static int mod97(String text) {
        StringBuilder digits = new StringBuilder();
        for (char c : text.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    }
}
