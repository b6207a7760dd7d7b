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

    ReviewCompleteness(SupplierRecordRepository records, RecordEntryRepository entries, BankAccountRepository accounts,
            TemplateFieldRepository fields) {
        this.records = records;
        this.entries = entries;
        this.accounts = accounts;
        this.fields = fields;
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

    /** On completing the reviewers' task with "approve": refused while anything is undecided. */
    @Bean
    TaskListener recordReviewCompletenessListener() {
        return task -> {
            if (!"approve".equals(task.getVariable("decision"))) {
                return;
            }
            SupplierRecord record = records.findByProcessInstanceId(task.getProcessInstanceId()).orElseThrow();
            List<String> es = undecided(record.getId(), Locale.forLanguageTag("es"));
            if (!es.isEmpty()) {
                List<String> en = undecided(record.getId(), Locale.ENGLISH);
                throw new BadUserRequestException("Para aprobar, decida primero en la página de revisión del portal: "
                        + String.join(", ", es) + ". / To approve, first decide on the portal's review page: "
                        + String.join(", ", en) + ".");
            }
        };
    }
}
