package mx.supplierportal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import mx.supplierportal.client.Clients;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * One sign-in for everybody. Supplier users (app tables, BCrypt) and staff (Camunda identity) use the same form;
 * the session it creates is recognised by the portal and by the Camunda webapps. Three chains:
 * <ol>
 *   <li>{@code /engine-rest/**}: HTTP Basic of a staff user, stateless, never anonymous;</li>
 *   <li>{@code /camunda/**}: staff only, Camunda's own CSRF protection and headers;</li>
 *   <li>the portal: form sign-in, CSRF on every form, CSP.</li>
 * </ol>
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    private static final String REALM = "supplier-portal";
    private static final String OPERATOR = "ROLE_CAMUNDA_ADMIN";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    PasswordEncoder passwordEncoder(@Value("${portal.security.bcrypt-strength:12}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService supplierAccounts, PasswordEncoder passwordEncoder,
            IdentityService identityService, AuthenticationEventPublisher eventPublisher) {
        DaoAuthenticationProvider suppliers = new DaoAuthenticationProvider(supplierAccounts);
        suppliers.setPasswordEncoder(passwordEncoder);
        ProviderManager manager = new ProviderManager(suppliers, new StaffAuthenticationProvider(identityService));
        manager.setAuthenticationEventPublisher(eventPublisher);
        return manager;
    }

    /** Runs after Spring Security (so it knows who asks), before the engine's REST resources. */
    @Bean
    FilterRegistrationBean<EngineWriteGuard> engineWriteGuard(TaskService taskService, FormService formService,
            MessageSource messages, LocaleResolver localeResolver) {
        FilterRegistrationBean<EngineWriteGuard> registration = new FilterRegistrationBean<>(
                new EngineWriteGuard(taskService, formService, messages, localeResolver));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * {@code /engine-rest}: HTTP Basic of staff only (a supplier's credentials are refused like a wrong password),
     * stateless, behind the same sign-in limits as /login. Its authentication manager reports failures (so they
     * count against the account) but not successes: a Basic success never clears a lock.
     */
    /** Another tenant's ids and unknown ids answered alike on /engine-rest (after Spring Security). */
    @Bean
    FilterRegistrationBean<EngineNotFound> engineNotFound() {
        FilterRegistrationBean<EngineNotFound> registration = new FilterRegistrationBean<>(new EngineNotFound());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, IdentityService identityService,
            AuthenticationEventPublisher eventPublisher, RateLimiter rateLimiter) throws Exception {
        ProviderManager staffOnly = new ProviderManager(new StaffAuthenticationProvider(identityService));
        staffOnly.setAuthenticationEventPublisher(new FailuresOnly(eventPublisher));
        BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName(REALM);
        return http
                .securityMatcher(path("/engine-rest/**"))
                .authenticationManager(staffOnly)
                .authorizeHttpRequests(auth -> auth
                        // The operation log's identity entries (who joined which group) carry no tenant
                        .requestMatchers(path("/engine-rest/history/user-operation/**")).hasAuthority(OPERATOR)
                        .anyRequest().hasAuthority(StaffPrincipal.ROLE))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(entryPoint))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint))
                .addFilterBefore(new BasicSignInLimitFilter(rateLimiter, entryPoint), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // no browser session here: every call carries its credentials
                .build();
    }

    /** Passes on failure events only. */
    private record FailuresOnly(AuthenticationEventPublisher delegate) implements AuthenticationEventPublisher {

        @Override
        public void publishAuthenticationSuccess(Authentication authentication) {
        }

        @Override
        public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
            delegate.publishAuthenticationFailure(exception, authentication);
        }
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebapps(HttpSecurity http, AuthenticationManager authenticationManager,
            IdentityService identityService) throws Exception {
        return http
                .securityMatcher(path("/camunda/**"))
                .authenticationManager(authenticationManager)
                .addFilterBefore(new StaffAccessRevalidation(identityService), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/camunda/api/engine/engine/*/history/user-operation/**"))
                        .hasAuthority(OPERATOR)
                        .anyRequest().hasAuthority(StaffPrincipal.ROLE))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                // The webapps send their own X-XSRF-TOKEN (Camunda's CsrfPreventionFilter) and their own CSP.
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain portal(HttpSecurity http, AuthenticationManager authenticationManager,
            RateLimiter rateLimiter, LocaleResolver localeResolver, Clients clients, IdentityService identityService)
            throws Exception {
        // After sign-in, back to the page that asked for it, without Spring Security's "?continue" in the address
        org.springframework.security.web.savedrequest.HttpSessionRequestCache requestCache =
                new org.springframework.security.web.savedrequest.HttpSessionRequestCache();
        requestCache.setMatchingRequestParameterName(null);
        SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
        redirect.setRequestCache(requestCache);
        redirect.setDefaultTargetUrl("/");
        return http
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths("/login", "/activate", "/password/**", "/locale", "/error", "/error/**",
                                "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
                                "/actuator/health/**", "/dev/mailbox/**", "/signup", "/signup/confirm", "/signup/resend",
                                "/dev/paypal/**", "/paypal/webhook", "/captcha/**")).permitAll()
                        .requestMatchers(paths("/admin/**")).hasAuthority("ROLE_CLIENT_ADMIN")
                        .requestMatchers(paths("/ops/**")).hasAuthority(OPERATOR)
                        .requestMatchers(paths("/profile/**", "/record", "/record/**", "/invoices",
                                "/invoices/**", "/invoice/**", "/payments", "/payments/**", "/signup/**", "/account", "/stamps",
                                "/stamps/**"))
                                .hasAuthority(SupplierPrincipal.ROLE)
                        .requestMatchers(paths("/staff/**")).hasAuthority(StaffPrincipal.ROLE)
                        .requestMatchers(paths("/treasury/**")).hasAuthority(StaffPrincipal.PORTAL_TREASURY_ROLE)
                        .anyRequest().authenticated())
                .requestCache(cache -> cache.requestCache(requestCache))
                // server-to-server: PayPal's webhook (verified with PayPal) and the demo's PayPal sandbox API
                .csrf(csrf -> csrf.ignoringRequestMatchers(paths("/paypal/webhook", "/dev/paypal/v1/**",
                        "/dev/paypal/v2/**")))
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler((request, response, authentication) -> {
                            rememberLanguage(localeResolver, request, response, authentication);
                            if (authentication.getPrincipal() instanceof StaffPrincipal staff) {
                                clients.admitToDirectory(staff.userId(), staff.tenantIds());
                            }
                            redirect.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureUrl("/login?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new LoginRateLimitFilter(rateLimiter), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new StaffAccessRevalidation(identityService), AuthorizationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }

    /**
     * Path matchers that do not depend on Spring MVC: the Camunda webapps and REST API are servlets of their own.
     */
    private static RequestMatcher[] paths(String... patterns) {
        RequestMatcher[] matchers = new RequestMatcher[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            matchers[i] = path(patterns[i]);
        }
        return matchers;
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /** A supplier's saved language becomes the language of the session. */
    private static void rememberLanguage(LocaleResolver localeResolver, HttpServletRequest request,
            HttpServletResponse response, Authentication authentication) throws IOException {
        if (authentication.getPrincipal() instanceof SupplierPrincipal supplier) {
            localeResolver.setLocale(request, response, Locale.forLanguageTag(supplier.language()));
        }
    }
}
