package mx.supplierportal.supplier;

import mx.supplierportal.security.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page whether the signed-in supplier user works for any client (null for everybody else): a business
 * that only signed itself up for stamping has no record, invoices or payments to show in the menu.
 */
@ControllerAdvice
class SupplierMenu {

    private final Registrations registrations;

    SupplierMenu(Registrations registrations) {
        this.registrations = registrations;
    }

    @ModelAttribute("supplierHasClients")
    Boolean supplierHasClients() {
        return CurrentUser.supplier().map(user -> !registrations.idsOf(user.userId()).isEmpty()).orElse(null);
    }
}
