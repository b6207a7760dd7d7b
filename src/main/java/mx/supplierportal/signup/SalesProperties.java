package mx.supplierportal.signup;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.self-registration.sales.*}: the stamp packages and their prices (IVA included), and the bank account
 * deposits are paid into.
 */
@ConfigurationProperties("portal.self-registration.sales")
record SalesProperties(
        List<StampPackage> packages,
        @DefaultValue("MXN") String currency,
        Deposit deposit) {

    record Deposit(String bank, String beneficiary, String clabe, @DefaultValue("P5D") Duration payWithin) {
    }

    StampPackage find(int stamps) {
        return packages == null ? null
                : packages.stream().filter(p -> p.stamps() == stamps).findFirst().orElse(null);
    }
}
