package mx.supplierportal.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in supplier user (portal account in the app tables). It carries no supplier id on purpose: what a user
 * may see is decided per registration it was admitted to ({@code supplier.Registrations}), never by company.
 */
public final class SupplierPrincipal implements UserDetails, CredentialsContainer {

    public static final String ROLE = "ROLE_SUPPLIER";

    private final long userId;
    private final String email;
    private final String fullName;
    private final String language;
    private final boolean enabled;
    private String passwordHash;

    public SupplierPrincipal(long userId, String email, String fullName, String language,
            String passwordHash, boolean enabled) {
        this.userId = userId;
        this.email = email;
        this.fullName = fullName;
        this.language = language;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    public long userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public String fullName() {
        return fullName;
    }

    public String language() {
        return language;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(ROLE));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "SupplierPrincipal[" + userId + "]";
    }
}
