package mx.supplierportal.supplier;

import mx.supplierportal.security.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * Tells every page whether the signed-in supplier user works for any client (null for everybody else): a business
 * that only signed itself up for stamping has no record, invoices or payments to show in the menu. Asked only when a
 * page is rendered, once (a redirect after a form, a download or an API call asks nothing).
 */
@ControllerAdvice
class SupplierMenu {

    private final Registrations registrations;

    SupplierMenu(Registrations registrations) {
        this.registrations = registrations;
    }

    @ModelAttribute("supplierHasClients")
    LazyContextVariable<Boolean> supplierHasClients() {
        return new LazyContextVariable<>() {
            @Override
            protected Boolean loadValue() {
                return CurrentUser.supplier().map(user -> registrations.anyOf(user.userId())).orElse(null);
            }
        };
    }
}
