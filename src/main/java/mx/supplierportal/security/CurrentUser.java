package mx.supplierportal.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is signed in, for services that must scope what they show or change. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<SupplierPrincipal> supplier() {
        return principal(SupplierPrincipal.class);
    }

    public static Optional<StaffPrincipal> staff() {
        return principal(StaffPrincipal.class);
    }

    private static <T> Optional<T> principal(Class<T> type) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && type.isInstance(authentication.getPrincipal())) {
            return Optional.of(type.cast(authentication.getPrincipal()));
        }
        return Optional.empty();
    }
}
