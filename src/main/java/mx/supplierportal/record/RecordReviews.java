package mx.supplierportal.record;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import mx.supplierportal.client.StaffRole;
import mx.supplierportal.document.Documents;
import mx.supplierportal.document.Download;
import mx.supplierportal.security.StaffPrincipal;
import mx.supplierportal.supplier.Registrations.Registration;
import mx.supplierportal.supplier.Registrations;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reviewers' side: a client's reviewers (and admins) see that client's records only, decide per field and
 * per bank account, and finish the review (which completes the Tasklist task).
 */
@Service
public class RecordReviews {

    static final String REVIEW_TASK = "Task_ReviewRecord";

    private final SupplierRecordRepository records;
    private final RecordEntryRepository entries;
    private final BankAccountRepository accounts;
    private final TemplateFieldRepository fields;
    private final Registrations registrations;
    private final DigitalRecords digitalRecords;
    private final Documents documents;
    private final TaskService taskService;
    private final ReviewCompleteness completeness;
    private final Clock clock;

    RecordReviews(SupplierRecordRepository records, RecordEntryRepository entries, BankAccountRepository accounts,
            TemplateFieldRepository fields, Registrations registrations, DigitalRecords digitalRecords,
            Documents documents, TaskService taskService, ReviewCompleteness completeness, Clock clock) {
        this.records = records;
        this.entries = entries;
        this.accounts = accounts;
        this.fields = fields;
        this.registrations = registrations;
        this.digitalRecords = digitalRecords;
        this.documents = documents;
        this.taskService = taskService;
        this.completeness = completeness;
        this.clock = clock;
    }

    /** The record as a reviewer sees it; empty for a record of a client the person does not review for. */
    @Transactional(readOnly = true)
    public Optional<DigitalRecords.RecordView> view(StaffPrincipal staff, long recordId) {
        return reviewable(staff, recordId).map(r -> digitalRecords.view(r.registration(), r.record()));
    }

    @Transactional
    public void decideEntry(StaffPrincipal staff, long recordId, long entryId, boolean accept, String reason,
            String validUntil) {
        Reviewable reviewable = underReview(staff, recordId);
        RecordEntry entry = entries.findById(entryId).filter(e -> e.getRecordId().equals(reviewable.record().getId()))
                .orElseThrow(() -> new RecordProblem("record.notFound"));
        TemplateField field = fields.findById(entry.getFieldId()).orElseThrow();
        if (accept) {
            entry.accept(validUntil(field, validUntil));
        } else {
            entry.reject(reason(reason));
        }
    }

    @Transactional
    public void decideAccount(StaffPrincipal staff, long recordId, long accountId, boolean accept, String reason) {
        Reviewable reviewable = underReview(staff, recordId);
        BankAccount account = accounts.findById(accountId)
                .filter(a -> a.getRecordId().equals(reviewable.record().getId()))
                .orElseThrow(() -> new RecordProblem("record.notFound"));
        if (accept) {
            account.accept();
        } else {
            account.reject(reason(reason));
        }
    }

    /** What "accept everything not yet reviewed" in one tab did. */
    public record AcceptedAll(int accepted, List<String> needValidityDate) {
    }

    /**
     * Accepts, in one tab, every item still to review: its filled-in entries and its bank accounts. An entry whose
     * template asks the reviewer for its validity date (the 32-D) is left for the reviewer to accept with its date,
     * and named in the answer.
     */
    @Transactional
    public AcceptedAll acceptPendingInTab(StaffPrincipal staff, long recordId, String tabKey, Locale locale) {
        Reviewable reviewable = underReview(staff, recordId);
        DigitalRecords.TabView tab = digitalRecords.view(reviewable.registration(), reviewable.record()).tabs()
                .stream().filter(t -> t.tab().getKey().equals(tabKey)).findFirst()
                .orElseThrow(() -> new RecordProblem("record.notFound"));
        int accepted = 0;
        List<String> needDate = new java.util.ArrayList<>();
        for (DigitalRecords.FieldView view : tab.fields()) {
            RecordEntry entry = view.entry();
            if (entry == null || !entry.hasValue() || entry.getStatus() != RecordEntry.Status.PENDING) {
                continue;
            }
            if (view.field().getExpiry() == TemplateField.Expiry.REVIEWER_DATE) {
                needDate.add(view.field().label(locale));
                continue;
            }
            entry.accept(validUntil(view.field(), null));
            accepted++;
        }
        for (BankAccount account : tab.accounts()) {
            if (account.getStatus() == RecordEntry.Status.PENDING) {
                account.accept();
                accepted++;
            }
        }
        return new AcceptedAll(accepted, needDate);
    }

    /** Finishes the review: completes the reviewers' task with the overall decision ("approve" or "changes"). */
    @Transactional
    public void finish(StaffPrincipal staff, long recordId, String decision, String comment, Locale locale) {
        Reviewable reviewable = underReview(staff, recordId);
        if (!"approve".equals(decision) && !"changes".equals(decision)) {
            throw new RecordProblem("review.decision.required");
        }
        List<String> undecided = completeness.undecided(reviewable.record().getId(), locale);
        if ("approve".equals(decision) && !undecided.isEmpty()) {
            throw new RecordProblem("review.undecided", String.join(", ", undecided));
        }
        Task task = taskService.createTaskQuery().processInstanceId(reviewable.record().getProcessInstanceId())
                .taskDefinitionKey(REVIEW_TASK).singleResult();
        if (task == null) {
            throw new RecordProblem("record.send.notNow");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("decision", decision);
        variables.put("reviewComment", comment == null ? "" : comment.strip());
        taskService.setAssignee(task.getId(), staff.userId());
        taskService.complete(task.getId(), variables);
    }

    @Transactional(readOnly = true)
    public Optional<Download> download(StaffPrincipal staff, long recordId, long documentId) {
        return reviewable(staff, recordId)
                .filter(r -> digitalRecords.documentBelongsTo(r.record().getId(), documentId))
                .flatMap(r -> documents.download(documentId));
    }

    private record Reviewable(SupplierRecord record, Registration registration) {
    }

    private Optional<Reviewable> reviewable(StaffPrincipal staff, long recordId) {
        return records.findById(recordId).flatMap(record -> registrations.byId(record.getClientSupplierId())
                .filter(reg -> staff.has(StaffRole.REVIEWER, reg.clientCode())
                        || staff.has(StaffRole.ADMIN, reg.clientCode()))
                .map(reg -> new Reviewable(record, reg)));
    }

    private Reviewable underReview(StaffPrincipal staff, long recordId) {
        Reviewable reviewable = reviewable(staff, recordId).orElseThrow(() -> new RecordProblem("record.notFound"));
        if (reviewable.record().getStatus() != RecordStatus.UNDER_REVIEW) {
            throw new RecordProblem("review.notUnderReview");
        }
        return reviewable;
    }

    private LocalDate validUntil(TemplateField field, String input) {
        return switch (field.getExpiry()) {
            case NONE -> null;
            case DAYS_AFTER_APPROVAL -> LocalDate.now(clock).plusDays(field.getExpiryDays());
            case REVIEWER_DATE -> {
                try {
                    LocalDate date = LocalDate.parse(input == null ? "" : input.strip());
                    if (!date.isAfter(LocalDate.now(clock))) {
                        throw new RecordProblem("review.validUntil.past");
                    }
                    yield date;
                } catch (java.time.format.DateTimeParseException e) {
                    throw new RecordProblem("review.validUntil.required");
                }
            }
        };
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RecordProblem("review.reason.required");
        }
        if (reason.length() > 500) {
            throw new RecordProblem("record.value.tooLong", 500);
        }
        return reason.strip();
    }

}
