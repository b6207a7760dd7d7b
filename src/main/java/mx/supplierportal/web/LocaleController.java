package mx.supplierportal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The language switch in the header. */
@Controller
class LocaleController {

    private final LocaleResolver localeResolver;
    private final ApplicationEventPublisher events;

    LocaleController(LocaleResolver localeResolver, ApplicationEventPublisher events) {
        this.localeResolver = localeResolver;
        this.events = events;
    }

    @PostMapping("/locale")
    String switchLanguage(@RequestParam("lang") String lang, @RequestParam(name = "back", required = false) String back,
            HttpServletRequest request, HttpServletResponse response) {
        Languages.parse(lang).ifPresent(locale -> {
            localeResolver.setLocale(request, response, locale);
            events.publishEvent(new LanguageChosenEvent(locale));
        });
        return "redirect:" + safeLocalPath(back);
    }

    /** Only a path on this site is followed back, never another host. */
    static String safeLocalPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
            return "/";
        }
        try {
            URI uri = URI.create(back);
            return uri.getHost() == null && uri.getScheme() == null ? back : "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
