package mx.supplierportal.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Limits for sign-in and password recovery ({@code portal.rate-limit.*}). Counted per application node. */
@ConfigurationProperties("portal.rate-limit")
public record RateLimitProperties(
        int loginPerIpPerMinute,
        int loginFailuresPerAccount,
        Duration loginFailuresWindow,
        int recoveryPerIpPerHour,
        int recoveryPerAccountPerHour) {
}
