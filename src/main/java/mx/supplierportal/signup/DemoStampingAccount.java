package mx.supplierportal.signup;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import mx.supplierportal.supplier.SelfRegisteredUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's stamping account, so that a newcomer can stamp at once: {@value #EMAIL} / {@value #PASSWORD} for SAT's
 * test RFC EKU9003173C9 (ESCUELA KEMPER URGATE, régimen 601, CP 86000), active with {@value #STAMPS} stamps, series A
 * for invoices, and SAT's test CSD loaded (bundled in {@code demo/csd/}, password {@value #CSD_PASSWORD}). It is the
 * same person the demo client then registers as its supplier (DemoData runs after this), so a CFDI stamped for the
 * demo client can be sent to it ("Enviar a mi cliente"); that registration's activation link then only confirms.
 * Created once, on an empty demo database; never in production (only with {@code portal.demo.enabled=true}).
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "portal.demo.enabled", havingValue = "true")
class DemoStampingAccount implements ApplicationRunner {

    static final String EMAIL = "proveedor@kemper.example";
    static final String PASSWORD = "proveedor";
    static final String RFC = "EKU9003173C9";
    static final int STAMPS = 100;
    static final String CSD_PASSWORD = "12345678a";
    private static final Logger LOG = LoggerFactory.getLogger(DemoStampingAccount.class);

    private final SelfRegisteredUsers users;
    private final SignupAccountRepository accounts;
    private final SeriesRepository series;
    private final Csds csds;
    private final Clock clock;

    DemoStampingAccount(SelfRegisteredUsers users, SignupAccountRepository accounts, SeriesRepository series, Csds csds,
            Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.series = series;
        this.csds = csds;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (users.existing(EMAIL).isPresent()) {
            return; // a demo database from before (its supplier was invited by the client only)
        }
        long userId = users.createPending(RFC, EMAIL, PASSWORD, "es").orElseThrow();
        // confirmed as the person would: with a code issued for it (the demo types it for them)
        users.confirm(users.issueConfirmationCode(userId, Duration.ofHours(1), null), userId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        SignupAccount account = accounts.save(new SignupAccount(userId, RFC, now));
        account.confirmed(now);
        account.companyData("ESCUELA KEMPER URGATE", "601", "86000");
        account.companySaved(now);
        account.credit(STAMPS, now);
        series.save(new Series(account.getId(), "A", "1", "I", now));
        accounts.flush();
        Csds.Outcome saved = csds.save(userId, resource("demo/csd/EKU9003173C9.cer"),
                resource("demo/csd/EKU9003173C9.key"), CSD_PASSWORD);
        if (!saved.problems().isEmpty()) {
            // SAT's test CSD expires on 2027-05-18: after that the demo account stamps only CFDIs sealed elsewhere
            LOG.warn("The demo's stamping account has no CSD: {}", saved.problems());
        }
        LOG.info("Demo stamping account: {} / {} ({} stamps, series A, SAT's test CSD)", EMAIL, PASSWORD, STAMPS);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = DemoStampingAccount.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing " + path);
            }
            return in.readAllBytes();
        }
    }
}
