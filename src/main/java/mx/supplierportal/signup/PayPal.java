package mx.supplierportal.signup;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The installation's PayPal connection ({@code portal.paypal.*}), made on first use: the demo's and the tests' base
 * URL names the server's own port ({@code ${local.server.port}}), known only once it has started. PayPal is offered
 * only when a client id is configured.
 */
@Component
class PayPal {

    private final Environment environment;
    private final Clock clock;
    private volatile PayPalConnector connector;

    PayPal(Environment environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    boolean offered() {
        return !environment.getProperty("portal.paypal.client-id", "").isBlank();
    }

    /** True where the demo's sandbox stands in for PayPal: its pages say so. */
    boolean sandbox() {
        return environment.getProperty("portal.paypal.sandbox", Boolean.class, false);
    }

    PayPalConnector connector() {
        PayPalConnector current = connector;
        if (current == null) {
            synchronized (this) {
                if (connector == null) {
                    connector = new PayPalConnector(new PayPalConnector.Settings(
                            URI.create(environment.getRequiredProperty("portal.paypal.base-url").replaceAll("/*$", "/")),
                            environment.getRequiredProperty("portal.paypal.client-id"),
                            environment.getRequiredProperty("portal.paypal.client-secret"),
                            environment.getProperty("portal.paypal.webhook-id", ""),
                            environment.getProperty("portal.paypal.timeout", Duration.class, Duration.ofSeconds(20))),
                            clock);
                }
                current = connector;
            }
        }
        return current;
    }
}
