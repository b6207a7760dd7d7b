package mx.supplierportal.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages of the portal and its emails. */
public final class Languages {

    public static final Locale SPANISH = Locale.forLanguageTag("es");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<String> TAGS = List.of("es", "en");

    private Languages() {
    }

    /** The supported language for a tag such as "es", "en" or "en-US"; empty for anything else. */
    public static Optional<Locale> parse(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return TAGS.contains(language) ? Optional.of(Locale.forLanguageTag(language)) : Optional.empty();
    }
}
