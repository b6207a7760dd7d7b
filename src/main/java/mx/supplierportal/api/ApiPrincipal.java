package mx.supplierportal.api;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * Who calls {@code /api/**}: the supplier user a personal access token belongs to, with the token's scopes. Like a
 * signed-in supplier it carries no supplier id: what it may see is decided per registration ({@code
 * supplier.Registrations}), by the same services the pages use.
 */
public record ApiPrincipal(long userId, long tokenId, Set<ApiScope> scopes, String language)
        implements OAuth2AuthenticatedPrincipal {

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of("sub", Long.toString(userId), "token_id", tokenId,
                "scope", String.join(" ", scopes.stream().map(ApiScope::value).sorted().toList()));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return scopes.stream().map(s -> new SimpleGrantedAuthority(s.authority())).toList();
    }

    @Override
    public String getName() {
        return "api-token-" + tokenId;
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }
}
