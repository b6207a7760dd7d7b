package mx.supplierportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

class RateLimiterTest {

    private final RateLimiter limiter = new RateLimiter(new RateLimitProperties(3, 2, Duration.ofMinutes(15), 2, 1));

    @Test
    void signInAttemptsPerAddressAreCapped() {
        assertThat(limiter.tryLoginFrom("10.0.0.1")).isTrue();
        assertThat(limiter.tryLoginFrom("10.0.0.1")).isTrue();
        assertThat(limiter.tryLoginFrom("10.0.0.1")).isTrue();
        assertThat(limiter.tryLoginFrom("10.0.0.1")).isFalse();
        assertThat(limiter.tryLoginFrom("10.0.0.2")).isTrue();
    }

    @Test
    void hourlyAllowancesArePerPurposeAndKey() {
        assertThat(limiter.tryHourly("signup-ip", "10.0.1.1", 2)).isTrue();
        assertThat(limiter.tryHourly("signup-ip", "10.0.1.1", 2)).isTrue();
        assertThat(limiter.tryHourly("signup-ip", "10.0.1.1", 2)).isFalse();
        assertThat(limiter.tryHourly("signup-ip", "10.0.1.2", 2)).isTrue();
        assertThat(limiter.tryHourly("signup-confirm-ip", "10.0.1.1", 2)).isTrue();
    }

    @Test
    void failedBasicSignInsUseTheSameAllowanceAsTheSignInForm() {
        limiter.tryLoginFrom("10.0.0.3");
        limiter.failedLoginFrom("10.0.0.3");
        assertThat(limiter.isLoginBlockedFrom("10.0.0.3")).isFalse();
        limiter.failedLoginFrom("10.0.0.3");
        assertThat(limiter.isLoginBlockedFrom("10.0.0.3")).isTrue();
        assertThat(limiter.tryLoginFrom("10.0.0.3")).isFalse(); // and the form is locked for that address too
        assertThat(limiter.isLoginBlockedFrom("10.0.0.4")).isFalse();
    }

    @Test
    void failedSignInsLockTheAccountAndASuccessUnlocksIt() {
        assertThat(limiter.isAccountLocked("ana@x.mx")).isFalse();
        fail("ana@x.mx");
        assertThat(limiter.isAccountLocked("ANA@x.mx")).isFalse();
        fail("Ana@X.mx");
        assertThat(limiter.isAccountLocked("ana@x.mx")).isTrue();
        assertThat(limiter.isAccountLocked("otro@x.mx")).isFalse();
        limiter.onSuccess(new AuthenticationSuccessEvent(
                UsernamePasswordAuthenticationToken.unauthenticated("ana@x.mx", "")));
        assertThat(limiter.isAccountLocked("ana@x.mx")).isFalse();
    }

    @Test
    void recoveryRequestsAreCappedPerAddressAndPerAccount() {
        assertThat(limiter.tryRecoveryFrom("10.0.0.1")).isTrue();
        assertThat(limiter.tryRecoveryFrom("10.0.0.1")).isTrue();
        assertThat(limiter.tryRecoveryFrom("10.0.0.1")).isFalse();
        assertThat(limiter.tryRecoveryFor("ana@x.mx")).isTrue();
        assertThat(limiter.tryRecoveryFor(" ANA@x.mx")).isFalse();
    }

    private void fail(String username) {
        limiter.onFailure(new AuthenticationFailureBadCredentialsEvent(
                UsernamePasswordAuthenticationToken.unauthenticated(username, "x"), new BadCredentialsException("x")));
    }
}
