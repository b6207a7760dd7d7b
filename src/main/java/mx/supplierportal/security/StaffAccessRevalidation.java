package mx.supplierportal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Staff access is what Camunda's identity tables say <em>now</em>, on every request of a signed-in staff member
 * (portal and Camunda webapps): a user deleted, or left with no client, no operator role and no portal treasury
 * membership, loses the session at
 * once; changed groups or tenants replace the session's authorities, and the Camunda webapps' own cached
 * authentication is dropped so they read the new ones. Three identity queries per staff request — only for requests
 * that act: stylesheets, scripts and the webapps' static files are skipped (a Tasklist page load fetches dozens of
 * them), and in the webapps only their REST API ({@code /camunda/api/**}) is re-checked, which every view calls.
 */
final class StaffAccessRevalidation extends OncePerRequestFilter {

    private final StaffDirectory directory;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    StaffAccessRevalidation(IdentityService identityService) {
        this.directory = new StaffDirectory(identityService);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/camunda/")) {
            return !path.startsWith("/camunda/api/");
        }
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal staff) {
            Optional<StaffPrincipal> now = directory.load(staff.userId());
            if (now.isEmpty() || (now.get().tenantIds().isEmpty() && !now.get().isCamundaAdmin()
                    && !now.get().isPortalTreasury())) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (!now.get().sameAccessAs(staff)) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now.get(), null,
                        now.get().authorities()));
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
                HttpSession session = request.getSession(false);
                if (session != null) {
                    AuthenticationUtil.updateSession(session, new Authentications());
                }
            }
        }
        chain.doFilter(request, response);
    }
}
