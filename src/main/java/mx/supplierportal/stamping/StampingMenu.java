package mx.supplierportal.stamping;

import mx.supplierportal.security.CurrentUser;
import mx.supplierportal.signup.StampingAccounts;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * Tells every page whether the signed-in supplier user has a stamping account (the menu then offers "Mis timbres").
 * Asked only when a page is rendered, once.
 */
@ControllerAdvice
class StampingMenu {

    private final StampingAccounts accounts;

    StampingMenu(StampingAccounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("stampingAccount")
    LazyContextVariable<Boolean> stampingAccount() {
        return new LazyContextVariable<>() {
            @Override
            protected Boolean loadValue() {
                return CurrentUser.supplier().map(user -> accounts.isActive(user.userId())).orElse(false);
            }
        };
    }
}
