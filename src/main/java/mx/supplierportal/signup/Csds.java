package mx.supplierportal.signup;

import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.supplierportal.client.ProcessStarts;
import mx.supplierportal.web.Formats;
import mx.supplierportal.web.NotFound;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CSD of step 3 (optional; the stamping issue seals with it): checked ({@link CsdCheck}), stored with its key
 * encrypted, and a reminder ({@code csd-expiry}) emailed {@value #REMIND_DAYS} days before it expires. A new CSD
 * replaces the old one and its reminder.
 */
@Service
class Csds {

    static final String PROCESS_KEY = "csd-expiry";
    static final int REMIND_DAYS = 30;

    record Outcome(List<String> problems, Object[] arguments) {
    }

    private final SignupAccountRepository accounts;
    private final SignupCsdRepository csds;
    private final KeyVault vault;
    private final ProcessStarts processStarts;
    private final RuntimeService runtimeService;
    private final Clock clock;

    Csds(SignupAccountRepository accounts, SignupCsdRepository csds, KeyVault vault, ProcessStarts processStarts,
            RuntimeService runtimeService, Clock clock) {
        this.accounts = accounts;
        this.csds = csds;
        this.vault = vault;
        this.processStarts = processStarts;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    boolean offered() {
        return vault.configured();
    }

    @Transactional(readOnly = true)
    Optional<SignupCsd> of(long accountId) {
        return csds.findById(accountId);
    }

    @Transactional
    Outcome save(long userId, byte[] cer, byte[] key, String password) {
        SignupAccount account = accounts.findBySupplierUserId(userId)
                .filter(a -> a.getStatus() != SignupAccount.Status.UNCONFIRMED).orElseThrow(NotFound::new);
        if (!vault.configured()) {
            return new Outcome(List.of("signup.csd.off"), new Object[0]);
        }
        CsdCheck.Result result = CsdCheck.check(cer, key, password == null ? null : password.toCharArray(),
                account.getRfc(), clock.instant());
        if (!result.ok()) {
            return new Outcome(result.problems(), result.arguments());
        }
        CsdCheck.Csd csd = result.csd();
        SignupCsd stored = csds.findById(account.getId()).orElseGet(() -> new SignupCsd(account.getId()));
        OffsetDateTime validTo = csd.certificate().getNotAfter().toInstant().atOffset(ZoneOffset.UTC);
        try {
            stored.replace(csd.certificate().getEncoded(), csd.serial(),
                    csd.certificate().getNotBefore().toInstant().atOffset(ZoneOffset.UTC), validTo,
                    vault.seal(csd.key().getEncoded(), account.getId()), OffsetDateTime.now(clock));
        } catch (CertificateEncodingException e) {
            return new Outcome(List.of("signup.csd.notCertificate"), new Object[0]);
        }
        if (stored.getProcessInstanceId() != null
                && runtimeService.createProcessInstanceQuery().processInstanceId(stored.getProcessInstanceId())
                        .count() > 0) {
            runtimeService.deleteProcessInstance(stored.getProcessInstanceId(), "replaced by a new CSD");
        }
        SignupCsd kept = csds.save(stored);
        kept.reminder(processStarts.forPortal(PROCESS_KEY, account.getRfc(), Map.of(
                "supplierUserId", account.getSupplierUserId(),
                "remindOn", validTo.minus(Duration.ofDays(REMIND_DAYS)).toString(),
                "csdSerial", csd.serial(),
                "csdValidTo", Formats.date(validTo))).getId());
        return new Outcome(List.of(), new Object[0]);
    }
}
