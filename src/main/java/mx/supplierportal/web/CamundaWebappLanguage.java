package mx.supplierportal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Tasklist, Cockpit, Admin and the welcome page speak the portal's language (the {@code portal-lang} cookie or the
 * staff member's choice), not the browser's: each app loads {@code app/{app}/scripts/config.js} (fresh each time, with
 * a cache-busting parameter) before it starts, and the Camunda apps pick the browser's language only among the
 * {@code availableLocales} of that file, falling back to {@code fallbackLocale}. Offering only the person's language
 * makes it the one chosen. The Spanish texts are the portal's own {@code locales/es.json} of each app, next to the
 * webjar's {@code en.json} (docs/decisions.md, "Camunda webapps in Spanish").
 */
@RestController
class CamundaWebappLanguage {

    private final LocaleResolver locales;

    CamundaWebappLanguage(LocaleResolver locales) {
        this.locales = locales;
    }

    @GetMapping(value = "/camunda/app/{app:admin|cockpit|tasklist|welcome}/scripts/config.js",
            produces = "text/javascript")
    ResponseEntity<String> config(@PathVariable String app, HttpServletRequest request) {
        Locale locale = locales.resolveLocale(request);
        String language = Languages.parse(locale.getLanguage()).map(Locale::getLanguage).orElse("es");
        String body = """
                // Generated per request by the portal (CamundaWebappLanguage): the person's language only.
                export default {
                  app: { name: '%s', vendor: 'Portal de proveedores' },
                  locales: { availableLocales: ['%s'], fallbackLocale: '%s' },
                  disableWelcomeMessage: true
                };
                """.formatted(name(app, language), language, language);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
                .cacheControl(CacheControl.noStore()).header("Vary", "Cookie").body(body);
    }

    private static String name(String app, String language) {
        boolean es = language.equals("es");
        return switch (app) {
            case "tasklist" -> es ? "Tareas" : "Tasks";
            case "cockpit" -> "Cockpit";
            case "admin" -> es ? "Administración" : "Admin";
            default -> es ? "Inicio" : "Welcome";
        };
    }
}
