package mx.supplierportal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The one way the portal writes dates and money, on pages and in emails, in both languages: days as dd/MM/yyyy and
 * times as dd/MM/yyyy HH:mm in Mexico City time, amounts with thousands separators and two decimals followed by the
 * currency ("69,600.00 MXN", as Mexican and English readers both write it). In templates as {@code @fmt} (pages) or
 * {@code fmt} (emails); in Java through the static methods.
 */
@Component("fmt")
public final class Formats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT);

    /** A day: a LocalDate as it is; an instant (OffsetDateTime, Instant…) as its Mexico City day; ISO text too. */
    public static String date(Object value) {
        LocalDateTime local = local(value);
        return local == null ? "" : DAY.format(local);
    }

    /** A moment in Mexico City time. CFDI dates (no offset) are already the issuer's local time and stay as they are. */
    public static String dateTime(Object value) {
        LocalDateTime local = local(value);
        return local == null ? "" : DAY_TIME.format(local);
    }

    /** An amount with thousands separators and two decimals, e.g. 6,670.00 (text such as a CFDI's Total too). */
    public static String amount(Object value) {
        BigDecimal amount = decimal(value);
        return amount == null ? "" : String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** An amount and its currency, e.g. 69,600.00 MXN. */
    public static String money(Object value, String currency) {
        String amount = amount(value);
        return amount.isEmpty() || currency == null || currency.isBlank() ? amount : amount + " " + currency;
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof CharSequence text && !text.toString().isBlank()) {
            try {
                return new BigDecimal(text.toString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static LocalDateTime local(Object value) {
        if (value instanceof LocalDate date) {
            return date.atStartOfDay();
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime;
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.atZoneSameInstant(MexicoTime.ZONE).toLocalDateTime();
        }
        if (value instanceof ZonedDateTime dateTime) {
            return dateTime.withZoneSameInstant(MexicoTime.ZONE).toLocalDateTime();
        }
        if (value instanceof Instant instant) {
            return instant.atZone(MexicoTime.ZONE).toLocalDateTime();
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(MexicoTime.ZONE).toLocalDateTime();
        }
        if (value instanceof CharSequence text && !text.toString().isBlank()) {
            return parse(text.toString().strip());
        }
        return null;
    }

    private static LocalDateTime parse(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay()
                    : text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")
                            ? OffsetDateTime.parse(text).atZoneSameInstant(MexicoTime.ZONE).toLocalDateTime()
                            : LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
