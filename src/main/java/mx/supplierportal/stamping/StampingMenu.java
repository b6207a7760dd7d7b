package mx.supplierportal.stamping;

import mx.supplierportal.security.CurrentUser;
import mx.supplierportal.signup.StampingAccounts;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page whether the signed-in supplier user has a stamping account (the menu then offers "Mis timbres"). */
@ControllerAdvice
class StampingMenu {

    private final StampingAccounts accounts;

    StampingMenu(StampingAccounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("stampingAccount")
    boolean stampingAccount() {
        return CurrentUser.supplier().map(user -> accounts.isActive(user.userId())).orElse(false);
    }
}
