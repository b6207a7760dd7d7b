package mx.supplierportal.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import mx.supplierportal.client.StaffRole;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in member of a client's staff: a Camunda identity user, with its groups and tenants (client codes) as
 * read at sign-in.
 */
public final class StaffPrincipal implements Principal, Serializable {

    public static final String ROLE = "ROLE_STAFF";
    /** Camunda's built-in administrators group. */
    public static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";
    /** The portal operator's own treasury: confirms bank deposits for stamp packages (self-registration). */
    public static final String PORTAL_TREASURY_GROUP = "portal-treasury";
    public static final String PORTAL_TREASURY_ROLE = "ROLE_PORTAL_TREASURY";

    private final String userId;
    private final String displayName;
    private final Set<String> groupIds;
    private final Set<String> tenantIds;

    public StaffPrincipal(String userId, String displayName, Collection<String> groupIds, Collection<String> tenantIds) {
        this.userId = userId;
        this.displayName = displayName;
        this.groupIds = Set.copyOf(new TreeSet<>(groupIds));
        this.tenantIds = Set.copyOf(new TreeSet<>(tenantIds));
    }

    @Override
    public String getName() {
        return userId;
    }

    public String userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }

    public Set<String> groupIds() {
        return groupIds;
    }

    /** Client codes this person works for. */
    public Set<String> tenantIds() {
        return tenantIds;
    }

    /** Same groups and tenants: what decides access. */
    boolean sameAccessAs(StaffPrincipal other) {
        return groupIds.equals(other.groupIds) && tenantIds.equals(other.tenantIds);
    }

    /** An operator: member of {@value #CAMUNDA_ADMIN_GROUP}, who sees every tenant in the Camunda webapps. */
    public boolean isCamundaAdmin() {
        return groupIds.contains(CAMUNDA_ADMIN_GROUP);
    }

    /** A member of {@value #PORTAL_TREASURY_GROUP}: works for the portal's operator, not for a client. */
    public boolean isPortalTreasury() {
        return groupIds.contains(PORTAL_TREASURY_GROUP);
    }

    public boolean worksFor(String clientCode) {
        return tenantIds.contains(clientCode);
    }

    /**
     * Whether this person has {@code role} at the client {@code clientCode}: member of the role's group
     * ({@code {clientCode}-{role}}) and of the client's tenant. The one question every staff check asks.
     */
    public boolean has(StaffRole role, String clientCode) {
        return clientCode != null && worksFor(clientCode) && groupIds.contains(role.groupOf(clientCode));
    }

    /** A client admin of {@code clientCode}. */
    public boolean isAdminOf(String clientCode) {
        return has(StaffRole.ADMIN, clientCode);
    }

    /** Whether this person has {@code role} at any client it works for. */
    private boolean hasAtAnyClient(StaffRole role) {
        return tenantIds.stream().anyMatch(code -> has(role, code));
    }

    /** The client codes this person administers, sorted. */
    public List<String> administeredClients() {
        List<String> codes = new ArrayList<>();
        for (String tenant : new TreeSet<>(tenantIds)) {
            if (isAdminOf(tenant)) {
                codes.add(tenant);
            }
        }
        return codes;
    }

    List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(ROLE));
        if (!administeredClients().isEmpty()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_CLIENT_ADMIN"));
        }
        if (hasAtAnyClient(StaffRole.TREASURY)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_TREASURY"));
        }
        if (groupIds.contains(CAMUNDA_ADMIN_GROUP)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_CAMUNDA_ADMIN"));
        }
        if (isPortalTreasury()) {
            authorities.add(new SimpleGrantedAuthority(PORTAL_TREASURY_ROLE));
        }
        return authorities;
    }

    @Override
    public String toString() {
        return "StaffPrincipal[" + userId + "]";
    }
}
