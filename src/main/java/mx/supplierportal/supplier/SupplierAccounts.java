package mx.supplierportal.supplier;

import java.util.Locale;
import mx.supplierportal.security.CurrentUser;
import mx.supplierportal.security.SupplierPrincipal;
import mx.supplierportal.web.LanguageChosenEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Supplier portal accounts for sign-in, and the language each account keeps. */
@Service
class SupplierAccounts implements UserDetailsService {

    private final SupplierUserRepository users;

    SupplierAccounts(SupplierUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // A pending account cannot sign in: an invited one has no password yet, a self-registered one has not
        // confirmed its email. It is answered exactly like an unknown email (Spring Security then reports "bad
        // credentials" either way), so nobody learns that it exists.
        SupplierUser user = users.findByEmail(normalizeEmail(username))
                .filter(u -> u.getPasswordHash() != null && u.getStatus() != SupplierUser.Status.PENDING)
                .orElseThrow(() -> new UsernameNotFoundException("no such supplier user"));
        return new SupplierPrincipal(user.getId(), user.getEmail(), user.getFullName(),
                user.getLanguage(), user.getPasswordHash(), user.getStatus() != SupplierUser.Status.DISABLED);
    }

    @Transactional
    public void changeLanguage(long userId, Locale locale) {
        users.findById(userId).ifPresent(user -> user.setLanguage(locale.getLanguage()));
    }

    @EventListener
    @Transactional
    public void onLanguageChosen(LanguageChosenEvent event) {
        CurrentUser.supplier().ifPresent(supplier -> changeLanguage(supplier.userId(), event.locale()));
    }

    static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
