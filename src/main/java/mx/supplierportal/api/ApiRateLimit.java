package mx.supplierportal.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests per token and minute ({@code portal.api.requests-per-minute}, a token bucket refilled continuously, so a
 * burst of the whole minute's allowance is allowed once). Over it: 429 {@code rate-limited} with {@code
 * Retry-After}. Counted per application node, like the sign-in limits.
 */
@Component
class ApiRateLimit {

    private final int perMinute;
    private final ApiProblems problems;
    private final Cache<Long, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    ApiRateLimit(@Value("${portal.api.requests-per-minute:600}") int perMinute, ApiProblems problems) {
        this.perMinute = perMinute;
        this.problems = problems;
    }

    /** The filter, for the {@code /api/**} chain only (not a servlet filter of its own). */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                var authentication = SecurityContextHolder.getContext().getAuthentication();
                if (authentication != null && authentication.getPrincipal() instanceof ApiPrincipal caller) {
                    ConsumptionProbe probe = buckets.get(caller.tokenId(), id -> Bucket.builder()
                            .addLimit(Bandwidth.builder().capacity(perMinute)
                                    .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build())
                            .tryConsumeAndReturnRemaining(1);
                    if (!probe.isConsumed()) {
                        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
                        response.setHeader("Retry-After", Long.toString(seconds));
                        problems.write(new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                                "api.detail.rateLimited", perMinute, seconds), request, response);
                        return;
                    }
                    response.setHeader("RateLimit-Limit", Integer.toString(perMinute));
                    response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
                }
                chain.doFilter(request, response);
            }
        };
    }
}
