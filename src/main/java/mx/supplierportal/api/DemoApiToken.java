package mx.supplierportal.api;

import java.util.EnumSet;
import mx.supplierportal.supplier.SelfRegisteredUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo supplier's API token: the fixed secret {@value #SECRET}, every scope, a year — so that the README's
 * {@code curl} lines work on a fresh demo. Like the demo passwords it exists only with {@code portal.demo.enabled}
 * (the embedded default), never in production.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "portal.demo.enabled", havingValue = "true")
class DemoApiToken implements ApplicationRunner {

    static final String SECRET = "demo-supplier-token";
    static final String EMAIL = "proveedor@kemper.example";
    private static final Logger LOG = LoggerFactory.getLogger(DemoApiToken.class);

    private final SelfRegisteredUsers users;
    private final ApiTokens tokens;

    DemoApiToken(SelfRegisteredUsers users, ApiTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @Override
    public void run(ApplicationArguments args) {
        users.existing(EMAIL).ifPresent(user -> {
            tokens.createFixed(user.userId(), "Demo (README)", SECRET, EnumSet.allOf(ApiScope.class),
                    ApiTokens.MAX_DAYS);
            LOG.info("Demo API token for {}: {}", EMAIL, SECRET);
        });
    }
}
