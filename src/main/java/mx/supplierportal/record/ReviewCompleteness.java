package mx.supplierportal.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A record is approved only after a decision on every item under review. Checked when the reviewers' task is
 * completed — from Tasklist, the engine REST API or the portal's review page alike (a {@code complete} listener on
 * the task) — so "Claim → Approve → Complete" without opening the review page is refused, saying what is still
 * undecided. Validity dates the template asks for are required when an item is accepted, so they are there too.
 */
@Configuration
class ReviewCompleteness {

    private final SupplierRecordRepository records;
    private final RecordEntryRepository entries;
    private final BankAccountRepository accounts;
    private final TemplateFieldRepository fields;
    private final org.springframework.web.servlet.LocaleResolver localeResolver;

    ReviewCompleteness(SupplierRecordRepository records, RecordEntryRepository entries, BankAccountRepository accounts,
            TemplateFieldRepository fields, org.springframework.web.servlet.LocaleResolver localeResolver) {
        this.records = records;
        this.entries = entries;
        this.accounts = accounts;
        this.fields = fields;
        this.localeResolver = localeResolver;
    }

    /** The items of the record that no reviewer has accepted or rejected yet, named in {@code locale}. */
    List<String> undecided(long recordId, Locale locale) {
        List<String> names = new ArrayList<>();
        for (RecordEntry entry : entries.findByRecordId(recordId)) {
            if (entry.getStatus() == RecordEntry.Status.PENDING && entry.hasValue()) {
                names.add(fields.findById(entry.getFieldId()).orElseThrow().label(locale));
            }
        }
        for (BankAccount account : accounts.findCurrent(recordId)) {
            if (account.getStatus() == RecordEntry.Status.PENDING) {
                names.add(("en".equals(locale.getLanguage()) ? "Account " : "Cuenta ") + account.masked());
            }
        }
        return names;
    }

    /** The portal language of the web request this runs in, or null outside one. */
    private String requestLanguage() {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
            return localeResolver.resolveLocale(attributes.getRequest()).getLanguage();
        }
        return null;
    }

    /** On completing the reviewers' task with "approve": refused while anything is undecided. */
    @Bean
    TaskListener recordReviewCompletenessListener() {
        return task -> {
            if (!"approve".equals(task.getVariable("decision"))) {
                return;
            }
            SupplierRecord record = records.findByProcessInstanceId(task.getProcessInstanceId()).orElseThrow();
            List<String> es = undecided(record.getId(), Locale.forLanguageTag("es"));
            if (es.isEmpty()) {
                return;
            }
            String spanish = "Para aprobar, decida primero en la página de revisión del portal: " + String.join(", ", es)
                    + ".";
            String english = "To approve, first decide on the portal's review page: "
                    + String.join(", ", undecided(record.getId(), Locale.ENGLISH)) + ".";
            // A completion from Tasklist or the REST API answers in the person's portal language (its cookie);
            // one without a request (a job, a test) in both
            String language = requestLanguage();
            throw new BadUserRequestException("en".equals(language) ? english : "es".equals(language) ? spanish
                    : spanish + " / " + english);
        };
    }
}
