package mx.supplierportal.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/** Spanish by default; the chosen language is kept in a cookie (and, for supplier users, in their account). */
@Configuration
class WebConfig {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("portal-lang");
        resolver.setDefaultLocale(Languages.SPANISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        // Spanish is the default whatever the browser says: a supplier switches explicitly.
        resolver.setDefaultLocaleFunction(request -> Languages.SPANISH);
        return resolver;
    }

}
