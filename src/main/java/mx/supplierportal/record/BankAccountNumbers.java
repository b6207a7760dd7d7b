package mx.supplierportal.record;

import java.util.Locale;
import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.CountryCode;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/**
 * Checks of bank account numbers, each returning a message key (or null when fine): the Mexican CLABE (18 digits,
 * weighted check digit), IBAN (mod 97, via iban4j), SWIFT/BIC (format, via iban4j) and the US ABA routing number
 * (weighted checksum).
 */
public final class BankAccountNumbers {

    private static final int[] CLABE_WEIGHTS = {3, 7, 1};

    private BankAccountNumbers() {
    }

    public static String normalize(String value) {
        return value == null ? "" : value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Null when the CLABE is well formed and its last digit is right. */
    public static String clabeProblem(String input) {
        String clabe = normalize(input);
        if (!clabe.matches("[0-9]{18}")) {
            return "bank.clabe.format";
        }
        return clabeCheckDigit(clabe.substring(0, 17)) == clabe.charAt(17) - '0' ? null : "bank.clabe.checkDigit";
    }

    /** Banxico's CLABE check digit: digits weighted 3, 7, 1, each product taken modulo 10. */
    static int clabeCheckDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ((first17.charAt(i) - '0') * CLABE_WEIGHTS[i % 3]) % 10;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether accounts in that country are identified by IBAN. */
    public static boolean usesIban(String countryCode) {
        CountryCode country = CountryCode.getByCode(normalize(countryCode));
        return country != null && IbanUtil.isSupportedCountry(country);
    }

    public static String ibanProblem(String input) {
        try {
            IbanUtil.validate(normalize(input));
            return null;
        } catch (InvalidCheckDigitException e) {
            return "bank.iban.checkDigit";
        } catch (UnsupportedCountryException | IbanFormatException e) {
            return "bank.iban.format";
        }
    }

    public static String bicProblem(String input) {
        try {
            BicUtil.validate(normalize(input));
            return null;
        } catch (BicFormatException | UnsupportedCountryException e) {
            return "bank.bic.format";
        }
    }

    /** ABA routing number: 9 digits with 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10). */
    public static String abaProblem(String input) {
        String aba = normalize(input);
        if (!aba.matches("[0-9]{9}")) {
            return "bank.aba.format";
        }
        int[] d = aba.chars().map(c -> c - '0').toArray();
        int sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8]);
        return sum % 10 == 0 ? null : "bank.aba.checkDigit";
    }

    public static String countryProblem(String input) {
        String code = normalize(input);
        return code.matches("[A-Z]{2}") && CountryCode.getByCode(code) != null ? null : "bank.country.format";
    }
}
