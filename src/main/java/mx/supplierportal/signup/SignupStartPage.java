package mx.supplierportal.signup;

import java.util.Optional;
import mx.supplierportal.supplier.StartPage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A self-registered business signing in is sent back to the step it reached. */
@Component
class SignupStartPage implements StartPage {

    private final SignupAccountRepository accounts;

    SignupStartPage(SignupAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> startPageFor(long userId) {
        return accounts.findBySupplierUserId(userId).map(account -> switch (account.getStatus()) {
            case UNCONFIRMED, CONFIRMED -> SignupController.COMPANY;
            case COMPANY_SAVED -> SignupController.PAYMENT;
            case ACTIVE -> SignupController.ACCOUNT;
        });
    }
}
