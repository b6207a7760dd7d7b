package mx.supplierportal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells the Camunda webapps and the engine REST API who is signed in, from Spring Security's context: the single
 * sign-in of the portal. Only staff principals are Camunda users; anybody else is unauthenticated there (Spring
 * Security already refuses them before this runs). Instantiated by Camunda's filters through its class name.
 */
public class SpringSecurityCamundaAuthenticationProvider implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof StaffPrincipal staff)) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(staff.userId());
        result.setGroups(new ArrayList<>(staff.groupIds()));
        result.setTenants(new ArrayList<>(staff.tenantIds()));
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + engine.getName() + "\"");
    }
}
