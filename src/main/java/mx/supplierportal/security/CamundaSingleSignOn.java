package mx.supplierportal.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the Spring Security sign-in to Camunda: the webapps (Tasklist, Cockpit, Admin) and the engine REST API run
 * with the signed-in staff user, its groups and its tenants, so Camunda's authorizations and tenant checks apply.
 * These filters run after Spring Security's chain, which has already refused anybody who is not staff.
 */
@Configuration
class CamundaSingleSignOn {

    /** Spring Security's filter chain is registered at order -100. */
    private static final int AFTER_SPRING_SECURITY = 101;

    static final String PROVIDER = SpringSecurityCamundaAuthenticationProvider.class.getName();

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camunda-webapp-sso");
        registration.addInitParameter("authentication-provider", PROVIDER);
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> camundaRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-auth");
        registration.addInitParameter("authentication-provider", PROVIDER);
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }
}
