package mx.supplierportal.supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only look-ups for BPMN expressions, e.g. {@code ${supplierDirectory.emailOf(supplierUserId)}} as the
 * recipient of a mail task. Values are read when the task runs, so a changed language or email is followed.
 */
@Component("supplierDirectory")
@Transactional(readOnly = true)
public class SupplierDirectory {

    private final SupplierUserRepository users;

    SupplierDirectory(SupplierUserRepository users) {
        this.users = users;
    }

    public String emailOf(Number supplierUserId) {
        return user(supplierUserId).getEmail();
    }

    public String languageOf(Number supplierUserId) {
        return user(supplierUserId).getLanguage();
    }

    public String nameOf(Number supplierUserId) {
        return user(supplierUserId).getFullName();
    }

    /** The supplier (company) the user belongs to: whose documents may be attached to an email to this user. */
    public long supplierIdOf(Number supplierUserId) {
        return user(supplierUserId).getSupplierId();
    }

    /** Whether the user may still use the portal: an account that exists, confirmed and not disabled. */
    public boolean maySignIn(Number supplierUserId) {
        return users.findById(supplierUserId.longValue()).map(u -> u.getPasswordHash() != null
                && u.getStatus() != SupplierUser.Status.PENDING && u.getStatus() != SupplierUser.Status.DISABLED)
                .orElse(false);
    }

    private SupplierUser user(Number supplierUserId) {
        return users.findById(supplierUserId.longValue())
                .orElseThrow(() -> new IllegalStateException("supplier user " + supplierUserId + " does not exist"));
    }
}
