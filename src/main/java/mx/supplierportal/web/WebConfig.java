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

    private static final java.util.regex.Pattern DOUBLE_PERIOD =
            java.util.regex.Pattern.compile("(?<=[^.])\\.\\.(?!\\.)");

    /**
     * The texts of {@code messages_*.properties}, for pages and emails alike. A name that ends with a period
     * ("Tortillería La Esperanza S.A. de C.V.") at the end of a sentence gives one period, not two; an ellipsis stays.
     */
    @Bean
    org.springframework.context.MessageSource messageSource() {
        org.springframework.context.support.ResourceBundleMessageSource source =
                new org.springframework.context.support.ResourceBundleMessageSource() {
                    @Override
                    protected String getMessageInternal(String code, Object[] args, Locale locale) {
                        String message = super.getMessageInternal(code, args, locale);
                        return message == null || args == null || args.length == 0 ? message
                                : DOUBLE_PERIOD.matcher(message).replaceAll(".");
                    }
                };
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

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
