package mx.supplierportal.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Signs in client staff against Camunda's identity tables, so that one sign-in serves the portal and the Camunda
 * webapps. Supplier accounts are tried first by the other provider; a staff user id never contains '@'.
 */
final class StaffAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    StaffAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || userId.contains("@") || credentials == null) {
            return null; // not a staff sign-in; let the supplier provider answer
        }
        if (!identityService.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("Bad credentials");
        }
        StaffPrincipal principal = new StaffDirectory(identityService).load(userId)
                .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
