package mx.supplierportal.cfdi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Pattern;

/** Money and quantities as CFDI writes them: plain decimals, never floating point. */
public final class Amounts {

    private static final Pattern DECIMAL = Pattern.compile("^[0-9]{1,18}(\\.[0-9]{1,6})?$");
    /** Decimals of the currencies seen on Mexican invoices (ISO 4217); others default to 2. */
    private static final Map<String, Integer> CURRENCY_DECIMALS = Map.of(
            "XXX", 0, "JPY", 0, "KRW", 0, "CLP", 0, "PYG", 0, "BHD", 3, "KWD", 3, "JOD", 3, "TND", 3, "OMR", 3);

    private Amounts() {
    }

    /** The value of a well-formed, non-negative decimal; null for anything else. */
    public static BigDecimal parse(String text) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            return null;
        }
        return new BigDecimal(text);
    }

    public static boolean isDecimal(String text) {
        return text != null && DECIMAL.matcher(text).matches();
    }

    public static int decimalsOf(String text) {
        int dot = text.indexOf('.');
        return dot < 0 ? 0 : text.length() - dot - 1;
    }

    public static int currencyDecimals(String currency) {
        return currency == null ? 2 : CURRENCY_DECIMALS.getOrDefault(currency, 2);
    }

    public static BigDecimal round(BigDecimal value, int decimals) {
        return value.setScale(decimals, RoundingMode.HALF_UP);
    }

    /** Equal when both are rounded to {@code decimals}. */
    public static boolean sameAt(BigDecimal a, BigDecimal b, int decimals) {
        return round(a, decimals).compareTo(round(b, decimals)) == 0;
    }

    /** Half a unit of the last written decimal: 0.5 for "4", 0.005 for "956.04". */
    static BigDecimal halfUnit(String written) {
        return BigDecimal.ONE.movePointLeft(decimalsOf(written)).divide(BigDecimal.valueOf(2));
    }
}
