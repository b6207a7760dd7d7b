package mx.supplierportal.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The {@code /api/**} chain, before every other: bearer tokens only ({@code Authorization: Bearer spt_…}) through
 * Spring Security's resource-server support with a local opaque-token introspector ({@link ApiTokens#recognise}); no
 * HTTP session is read or written; no form sign-in, no HTTP Basic, no CSRF (nothing rides on cookies here); errors as
 * problem+json. A token reaches only this chain: pages, {@code /camunda} and {@code /engine-rest} do not read
 * bearer tokens at all. Scopes are checked on each operation ({@link RequiresScope}). The
 * OpenAPI document and its UI are public: they describe the API and hold no data.
 */
@Configuration

class ApiSecurityConfig {

    /** The API's pages: Swagger UI needs its inline styles; nothing else is loaded from elsewhere. */
    static final String DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    @Order(0)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ApiProblems problems, ApiRateLimit rateLimit)
            throws Exception {
        OpaqueTokenIntrospector introspector = secret -> tokens.recognise(secret)
                .orElseThrow(() -> new BadOpaqueTokenException("unknown, expired or revoked token"));
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"supplier-portal\"");
            problems.write(new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "api.detail.unauthorized"),
                    request, response);
        };
        AccessDeniedHandler forbidden = (request, response, e) -> problems.write(new ApiProblem(HttpStatus.FORBIDDEN,
                "insufficient-scope", "api.detail.insufficientScope"), request, response);
        return http
                .securityMatcher(path("/api/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/api/openapi.json"), path("/api/openapi.json/**"), path("/api/docs"),
                                path("/api/docs/**"), path("/api/swagger-ui/**"), path("/api/problems/**"))
                        .permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .opaqueToken(opaque -> opaque.introspector(introspector))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .addFilterAfter(rateLimit.filter(), BearerTokenAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(DOCS_CSP)))
                .build();
    }

    private static PathPatternRequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
