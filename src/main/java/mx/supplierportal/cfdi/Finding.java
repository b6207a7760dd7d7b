package mx.supplierportal.cfdi;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One thing a rule found: a stable {@link #code()} (listed in docs/cfdi-rules.md), a severity, and arguments for
 * the message, which is read in Spanish or English from {@code cfdi/messages*.properties}.
 */
public record Finding(String code, Severity severity, List<Object> arguments) {

    private static final String BUNDLE = "mx.supplierportal.cfdi.messages";
    private static final Locale SPANISH = Locale.forLanguageTag("es");

    public Finding {
        arguments = List.copyOf(arguments);
    }

    public static Finding error(String code, Object... arguments) {
        return new Finding(code, Severity.ERROR, List.of(arguments));
    }

    public static Finding warning(String code, Object... arguments) {
        return new Finding(code, Severity.WARNING, List.of(arguments));
    }

    public Finding withSeverity(Severity other) {
        return new Finding(code, other, arguments);
    }

    /** The message in English for an English locale, in Spanish for any other. */
    public String message(Locale locale) {
        Locale language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : SPANISH;
        return text(code, language, arguments.stream().map(Finding::plain).toArray());
    }

    /**
     * The finding as the REST API's problems and {@code cfdi validate --json} write it: code, severity, message (in
     * that order, the message in the language asked for).
     */
    public java.util.Map<String, Object> describe(Locale locale) {
        java.util.Map<String, Object> described = new java.util.LinkedHashMap<>();
        described.put("code", code);
        described.put("severity", severity.name());
        described.put("message", message(locale));
        return described;
    }

    static String text(String key, Locale language, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), language).format(arguments);
    }

    /** Arguments are shown as written, never re-formatted with grouping separators. */
    private static Object plain(Object argument) {
        return argument instanceof Number number ? number.toString() : argument;
    }

    @Override
    public String toString() {
        return severity + " " + code + " " + arguments;
    }
}
