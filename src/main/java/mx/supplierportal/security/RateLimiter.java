package mx.supplierportal.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Token buckets that slow down password guessing and recovery-email flooding: per client address and per account.
 * Buckets live in memory (bounded, expiring); with several nodes each node counts on its own, which still caps an
 * attacker at N times the limit.
 */
@Component
public class RateLimiter {

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(2))
            .build();

    RateLimiter(RateLimitProperties properties) {
        this.properties = properties;
    }

    /** Takes one sign-in attempt from the address's allowance; false when it is used up. */
    public boolean tryLoginFrom(String address) {
        return loginBucket(address).tryConsume(1);
    }

    /** True while the address has used up its sign-in allowance (at /login, or by failed HTTP Basic sign-ins). */
    public boolean isLoginBlockedFrom(String address) {
        return loginBucket(address).getAvailableTokens() <= 0;
    }

    /**
     * A failed HTTP Basic sign-in ({@code /engine-rest}) takes from the same allowance as a /login attempt. Only
     * failures count there: a script's every request carries its credentials.
     */
    public void failedLoginFrom(String address) {
        loginBucket(address).tryConsume(1);
    }

    private Bucket loginBucket(String address) {
        return bucket("login-ip:" + address, properties.loginPerIpPerMinute(), Duration.ofMinutes(1));
    }

    /** True while an account has had too many failed sign-ins within the window. */
    public boolean isAccountLocked(String username) {
        return failureBucket(username).getAvailableTokens() <= 0;
    }

    /** Takes one recovery request from the address's allowance; false when it is used up. */
    public boolean tryRecoveryFrom(String address) {
        return bucket("recovery-ip:" + address, properties.recoveryPerIpPerHour(), Duration.ofHours(1)).tryConsume(1);
    }

    /** Takes one recovery email from the account's allowance; false when it is used up. */
    public boolean tryRecoveryFor(String email) {
        return bucket("recovery-account:" + key(email), properties.recoveryPerAccountPerHour(), Duration.ofHours(1))
                .tryConsume(1);
    }

    /**
     * Takes one from an hourly allowance of {@code perHour} for {@code what} (e.g. "signup") and {@code key} (an
     * address or an account); false when it is used up.
     */
    public boolean tryHourly(String what, String key, int perHour) {
        return hourly(what, key, perHour).tryConsume(1);
    }

    /** True while the hourly allowance of {@code what} and {@code key} is used up (takes nothing). */
    public boolean isHourlyUsedUp(String what, String key, int perHour) {
        return hourly(what, key, perHour).getAvailableTokens() <= 0;
    }

    private Bucket hourly(String what, String key, int perHour) {
        // the whole allowance comes back each hour (not a token every 60/perHour minutes): "10 an hour" means that
        return buckets.get(what + ":" + key(key), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perHour).refillIntervally(perHour, Duration.ofHours(1)).build())
                .build());
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        failureBucket(event.getAuthentication().getName()).tryConsume(1);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        buckets.invalidate("login-account:" + key(event.getAuthentication().getName()));
    }

    private Bucket failureBucket(String username) {
        return bucket("login-account:" + key(username), properties.loginFailuresPerAccount(),
                properties.loginFailuresWindow());
    }

    private Bucket bucket(String key, int capacity, Duration period) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build());
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
