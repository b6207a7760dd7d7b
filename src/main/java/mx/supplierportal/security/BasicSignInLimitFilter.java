package mx.supplierportal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sign-in limits of /login, applied to HTTP Basic on {@code /engine-rest}: an address or account locked at one
 * door is locked at the other. A locked request is answered exactly like a wrong password (the same 401), before any
 * password is checked, so the answer tells nothing; a failed Basic sign-in counts against the address and (through
 * the authentication failure event) the account.
 */
final class BasicSignInLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final AuthenticationEntryPoint entryPoint;

    BasicSignInLimitFilter(RateLimiter limiter, AuthenticationEntryPoint entryPoint) {
        this.limiter = limiter;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = basicUsername(request);
        if (username == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        if (limiter.isLoginBlockedFrom(address) || limiter.isAccountLocked(username)) {
            entryPoint.commence(request, response, new BadCredentialsException("Bad credentials"));
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            limiter.failedLoginFrom(address);
        }
    }

    /** The user name of an {@code Authorization: Basic} header, or null when there is none (or it is unreadable). */
    static String basicUsername(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
