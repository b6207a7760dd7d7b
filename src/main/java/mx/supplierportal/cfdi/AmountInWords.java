package mx.supplierportal.cfdi;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** An amount in Spanish words as Mexican invoices write it: "MIL SEISCIENTOS CUARENTA PESOS 00/100 M.N.". */
public final class AmountInWords {

    private AmountInWords() {
    }

    public static String of(String amount, String currency) {
        BigDecimal value = new BigDecimal(amount).setScale(2, RoundingMode.HALF_UP);
        String words = new RuleBasedNumberFormat(new ULocale("es"), RuleBasedNumberFormat.SPELLOUT)
                .format(value.longValue(), "%spellout-cardinal-masculine");
        // ICU marks where a word may be hyphenated (soft hyphens); before a noun "uno" is "un" ("veintiún pesos")
        words = words.replace("\u00AD", "").replaceAll("veintiuno$", "veintiún").replaceAll("uno$", "un");
        int cents = value.remainder(BigDecimal.ONE).movePointRight(2).intValue();
        String unit = switch (currency == null ? "" : currency) {
            case "MXN" -> value.longValue() == 1 ? "PESO" : "PESOS";
            case "USD" -> value.longValue() == 1 ? "DÓLAR" : "DÓLARES";
            case "EUR" -> value.longValue() == 1 ? "EURO" : "EUROS";
            default -> currency;
        };
        String millions = words.matches(".*(millón|millones)$") ? " DE" : "";
        return (words + millions + " " + unit).toUpperCase(Locale.forLanguageTag("es")) + " "
                + String.format("%02d", cents) + "/100" + ("MXN".equals(currency) ? " M.N." : " " + currency);
    }
}
