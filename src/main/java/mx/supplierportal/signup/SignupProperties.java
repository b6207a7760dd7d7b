package mx.supplierportal.signup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.self-registration.*}: whether businesses may sign themselves up (off until all four steps exist;
 * see the README), how long the emailed confirmation code stays valid, how many accounts and codes one address may
 * ask for in an hour, and after how many in an hour account creation also asks for the CAPTCHA.
 */
@ConfigurationProperties("portal.self-registration")
record SignupProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("PT72H") Duration confirmationTtl,
        @DefaultValue("10") int accountsPerIpPerHour,
        @DefaultValue("30") int confirmationsPerIpPerHour,
        @DefaultValue("3") int accountsWithoutCaptchaPerIpPerHour) {
}
