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
        SupplierUser user = users.findByEmail(normalizeEmail(username))
                .orElseThrow(() -> new UsernameNotFoundException("no such supplier user"));
        // A pending account has no password yet, so it cannot sign in; it is not reported as "disabled",
        // which would tell a stranger that the email is registered.
        return new SupplierPrincipal(user.getId(), user.getSupplierId(), user.getEmail(), user.getFullName(),
                user.getLanguage(), user.getPasswordHash() == null ? "" : user.getPasswordHash(),
                user.getStatus() != SupplierUser.Status.DISABLED);
    }

    @Transactional
    public void changeLanguage(long userId, Locale locale) {
        users.findById(userId).ifPresent(user -> user.setLanguage(locale.getLanguage()));
    }

    @EventListener
    void onLanguageChosen(LanguageChosenEvent event) {
        CurrentUser.supplier().ifPresent(supplier -> changeLanguage(supplier.userId(), event.locale()));
    }

    static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
