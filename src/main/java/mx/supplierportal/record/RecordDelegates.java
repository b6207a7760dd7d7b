package mx.supplierportal.record;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mx.supplierportal.supplier.Registrations;
import mx.supplierportal.supplier.Registrations.Registration;
import mx.supplierportal.web.MexicoTime;
import mx.supplierportal.client.ProcessStarts;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service tasks of {@code digital-record-review} and {@code document-expiry}. */
@Configuration
class RecordDelegates {

    static final String EXPIRY_PROCESS = "document-expiry";

    private final SupplierRecordRepository records;
    private final RecordEntryRepository entries;
    private final BankAccountRepository accounts;
    private final TemplateFieldRepository fields;
    private final RuntimeService runtimeService;
    private final ProcessStarts processStarts;
    private final Registrations registrations;
    private final Clock clock;
    private final int reminderDays;

    RecordDelegates(SupplierRecordRepository records, RecordEntryRepository entries, BankAccountRepository accounts,
            TemplateFieldRepository fields, RuntimeService runtimeService, Registrations registrations, Clock clock,
            @Value("${portal.record.reminder-days-before-expiry:7}") int reminderDays, ProcessStarts processStarts) {
        this.processStarts = processStarts;
        this.records = records;
        this.entries = entries;
        this.accounts = accounts;
        this.fields = fields;
        this.runtimeService = runtimeService;
        this.registrations = registrations;
        this.clock = clock;
        this.reminderDays = reminderDays;
    }

    /**
     * Applies the reviewers' decision. Fields and accounts decided on the review page keep that decision; the rest
     * are accepted when the decision is "approve". Any rejection, or the decision "changes", asks for changes.
     * Sets {@code outcome} and, for the email, the list of rejections in both languages.
     */
    @Bean
    JavaDelegate applyRecordReviewDelegate() {
        return execution -> {
            SupplierRecord record = record(execution);
            boolean approve = "approve".equals(execution.getVariable("decision"));
            List<String> rejectionsEs = new ArrayList<>();
            List<String> rejectionsEn = new ArrayList<>();
            for (RecordEntry entry : entries.findByRecordId(record.getId())) {
                TemplateField field = fields.findById(entry.getFieldId()).orElseThrow();
                if (entry.isChanged() && approve) {
                    entry.accept(field.getExpiry() == TemplateField.Expiry.DAYS_AFTER_APPROVAL
                            ? LocalDate.now(clock).plusDays(field.getExpiryDays()) : entry.getValidUntil());
                }
                if (entry.getStatus() == RecordEntry.Status.REJECTED) {
                    rejectionsEs.add("• " + field.label(Locale.forLanguageTag("es")) + ": " + entry.getRejectReason());
                    rejectionsEn.add("• " + field.label(Locale.ENGLISH) + ": " + entry.getRejectReason());
                }
            }
            for (BankAccount account : accounts.findCurrent(record.getId())) {
                if (account.isChanged() && approve) {
                    account.accept();
                }
                if (account.getStatus() == RecordEntry.Status.REJECTED) {
                    rejectionsEs.add("• Cuenta " + account.masked() + ": " + account.getRejectReason());
                    rejectionsEn.add("• Account " + account.masked() + ": " + account.getRejectReason());
                }
            }
            boolean changes = !approve || !rejectionsEs.isEmpty();
            Object comment = execution.getVariable("reviewComment");
            record.reviewed(comment == null ? null : comment.toString(), OffsetDateTime.now(clock));
            if (changes) {
                record.changesRequested();
            } else {
                record.approved(OffsetDateTime.now(clock));
            }
            execution.setVariable("outcome", changes ? "changes" : "approved");
            execution.setVariable("rejectionsEs", String.join("\n", rejectionsEs));
            execution.setVariable("rejectionsEn", String.join("\n", rejectionsEn));
        };
    }

    /** One expiry process per accepted entry that expires; an older one for the same entry is cancelled. */
    @Bean
    JavaDelegate scheduleExpiryDelegate() {
        return execution -> {
            SupplierRecord record = record(execution);
            for (RecordEntry entry : entries.findByRecordId(record.getId())) {
                if (entry.getStatus() != RecordEntry.Status.ACCEPTED || entry.getValidUntil() == null) {
                    continue;
                }
                String businessKey = "record-entry-" + entry.getId();
                runtimeService.createProcessInstanceQuery().processDefinitionKey(EXPIRY_PROCESS)
                        .processInstanceBusinessKey(businessKey).list()
                        .forEach(old -> runtimeService.deleteProcessInstance(old.getId(), "replaced by a new approval"));
                TemplateField field = fields.findById(entry.getFieldId()).orElseThrow();
                LocalDate expires = entry.getValidUntil();
                LocalDate remind = expires.minusDays(reminderDays);
                Map<String, Object> variables = new HashMap<>(execution.getVariables());
                variables.remove("decision");
                variables.remove("outcome");
                variables.remove("reviewComment");
                variables.remove("rejectionsEs");
                variables.remove("rejectionsEn");
                variables.put("entryId", entry.getId());
                variables.put("fieldLabelEs", field.label(Locale.forLanguageTag("es")));
                variables.put("fieldLabelEn", field.label(Locale.ENGLISH));
                variables.put("validUntil", expires.toString());
                variables.put("remindAt", remind.atStartOfDay(MexicoTime.ZONE).toOffsetDateTime().toString());
                variables.put("expiresAt", expires.atStartOfDay(MexicoTime.ZONE).toOffsetDateTime().toString());
                processStarts.forClient(EXPIRY_PROCESS, businessKey, (String) variables.get("clientCode"),
                        (String) variables.get("clientName"), variables);
            }
        };
    }

    /** The entry expired (unless it was replaced meanwhile): the record needs an update. */
    @Bean
    JavaDelegate markEntryExpiredDelegate() {
        return execution -> {
            RecordEntry entry = expiringEntry(execution);
            String validUntil = (String) execution.getVariable("validUntil");
            boolean stillThatValue = entry.getStatus() == RecordEntry.Status.ACCEPTED && entry.getValidUntil() != null
                    && entry.getValidUntil().toString().equals(validUntil);
            execution.setVariable("expired", stillThatValue);
            if (stillThatValue) {
                entry.expire();
                records.findById(entry.getRecordId()).orElseThrow().updateRequired();
            }
        };
    }

    /**
     * The record this review instance works for: the one whose review started this instance (the row remembers the
     * instance), and only if it belongs to the instance's client. A {@code recordId} variable is never trusted.
     */
    private SupplierRecord record(DelegateExecution execution) {
        SupplierRecord record = records.findByProcessInstanceId(execution.getProcessInstanceId())
                .orElseThrow(() -> new IllegalStateException("no record is reviewed by instance "
                        + execution.getProcessInstanceId()));
        requireTenant(execution, record);
        return record;
    }

    /** The entry a document-expiry instance watches: named by its business key, of the instance's client. */
    private RecordEntry expiringEntry(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        if (key == null || !key.matches("record-entry-\\d{1,18}")) {
            throw new IllegalStateException("document-expiry instance without a record-entry business key: " + key);
        }
        RecordEntry entry = entries.findById(Long.parseLong(key.substring("record-entry-".length()))).orElseThrow();
        requireTenant(execution, records.findById(entry.getRecordId()).orElseThrow());
        return entry;
    }

    private void requireTenant(DelegateExecution execution, SupplierRecord record) {
        String clientCode = registrations.byId(record.getClientSupplierId()).map(Registration::clientCode)
                .orElse(null);
        if (clientCode == null || !clientCode.equals(execution.getTenantId())) {
            throw new IllegalStateException("record " + record.getId() + " is not of tenant " + execution.getTenantId());
        }
    }
}
