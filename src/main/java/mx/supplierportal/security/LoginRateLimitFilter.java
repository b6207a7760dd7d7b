package mx.supplierportal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses sign-in attempts over the limits before any password is checked. */
final class LoginRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;

    LoginRateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = request.getParameter("username");
        if (!limiter.tryLoginFrom(request.getRemoteAddr()) || limiter.isAccountLocked(username)) {
            response.sendRedirect(request.getContextPath() + "/login?tooMany");
            return;
        }
        chain.doFilter(request, response);
    }
}
