package mx.supplierportal.signup;

import java.util.Optional;
import mx.supplierportal.supplier.StartPage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A self-registered business signing in is sent back to the step it reached; an active one to its stamping account,
 * unless it also works for a client (then the supplier dashboard, with "Mis timbres" in the menu).
 */
@Component
class SignupStartPage implements StartPage {

    private final SignupAccountRepository accounts;
    private final mx.supplierportal.supplier.Registrations registrations;

    SignupStartPage(SignupAccountRepository accounts, mx.supplierportal.supplier.Registrations registrations) {
        this.accounts = accounts;
        this.registrations = registrations;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> startPageFor(long userId) {
        return accounts.findBySupplierUserId(userId).flatMap(account -> switch (account.getStatus()) {
            case UNCONFIRMED, CONFIRMED -> Optional.of(SignupController.COMPANY);
            case COMPANY_SAVED -> Optional.of(SignupController.PAYMENT);
            case ACTIVE -> registrations.idsOf(userId).isEmpty() ? Optional.of(SignupController.ACCOUNT)
                    : Optional.<String>empty();
        });
    }
}
