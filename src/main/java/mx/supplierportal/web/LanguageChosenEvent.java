package mx.supplierportal.web;

import java.util.Locale;

/** Published when somebody switches language in the header; a signed-in supplier's account keeps the choice. */
public record LanguageChosenEvent(Locale locale) {
}
