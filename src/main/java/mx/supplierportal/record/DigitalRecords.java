package mx.supplierportal.record;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.supplierportal.document.DocumentRejectedException;
import mx.supplierportal.document.Download;
import mx.supplierportal.document.Documents;
import mx.supplierportal.document.StoredDocument;
import mx.supplierportal.supplier.Registrations;
import mx.supplierportal.supplier.Registrations.Registration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supplier's side of the digital record. Every method takes the signed-in supplier's id and checks that the
 * registration (and so the record, entries, documents and accounts) is that supplier's: another supplier's ids
 * find nothing.
 */
@Service
public class DigitalRecords {

    public static final String REVIEW_PROCESS = "digital-record-review";
    static final String CORRECT_TASK = "Task_CorrectRecord";

    public record FieldView(TemplateField field, RecordEntry entry, StoredDocument document, boolean missing,
            List<StoredDocument> earlierVersions) {
    }

    public record TabView(TemplateTab tab, List<FieldView> fields, List<BankAccount> accounts, boolean missing) {
    }

    public record RecordView(Registration registration, SupplierRecord record, List<TabView> tabs, boolean complete,
            boolean canSend, boolean pendingChanges) {

        /**
         * The state the supplier sees: an approved record with changes not yet sent stays approved for the client
         * (invoices go on) but says so, since the changed items are not approved yet.
         */
        public String statusKey() {
            return record.getStatus() == RecordStatus.APPROVED && pendingChanges
                    ? "record.status.APPROVED_WITH_CHANGES" : "record.status." + record.getStatus();
        }

        public TabView tab(String key) {
            return tabs.stream().filter(t -> t.tab().getKey().equals(key)).findFirst().orElse(tabs.get(0));
        }

        public List<FieldView> missingFields() {
            return tabs.stream().flatMap(t -> t.fields().stream()).filter(FieldView::missing).toList();
        }

        /** Missing required fields, plus one when a bank-accounts tab has no usable account. */
        public int missingCount() {
            long noAccount = tabs.stream().filter(t -> t.tab().getKind() == TemplateTab.Kind.BANK_ACCOUNTS
                    && t.accounts().stream().allMatch(a -> a.getStatus() == RecordEntry.Status.REJECTED)).count();
            return missingFields().size() + (int) noAccount;
        }
    }

    private final Registrations registrations;
    private final RecordTemplates templates;
    private final SupplierRecordRepository records;
    private final RecordEntryRepository entries;
    private final BankAccountRepository accounts;
    private final TemplateFieldRepository fields;
    private final Documents documents;
    private final TaskService taskService;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DigitalRecords(Registrations registrations, RecordTemplates templates, SupplierRecordRepository records,
            RecordEntryRepository entries, BankAccountRepository accounts,
            TemplateFieldRepository fields, Documents documents, TaskService taskService, JdbcTemplate jdbc,
            Clock clock) {
        this.registrations = registrations;
        this.templates = templates;
        this.records = records;
        this.entries = entries;
        this.accounts = accounts;
        this.fields = fields;
        this.documents = documents;
        this.taskService = taskService;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The registrations whose record the supplier can work on. */
    @Transactional(readOnly = true)
    public List<Registration> registrationsOf(long userId) {
        return registrations.activeOf(userId);
    }

    @Transactional
    public RecordView view(long userId, long registrationId) {
        Registration registration = own(userId, registrationId);
        SupplierRecord record = recordOf(registration);
        return view(registration, record);
    }

    @Transactional(readOnly = true)
    public Optional<RecordStatus> statusOf(long registrationId) {
        return records.findByClientSupplierId(registrationId).map(SupplierRecord::getStatus);
    }

    RecordView view(Registration registration, SupplierRecord record) {
        RecordTemplate template = templates.forClient(registration.clientId()).orElseThrow();
        Map<Long, RecordEntry> byField = new HashMap<>();
        entries.findByRecordId(record.getId()).forEach(e -> byField.put(e.getFieldId(), e));
        Map<Long, List<Long>> uploadsByEntry = uploadsByEntry(record.getId());
        Map<Long, StoredDocument> files = documents.findAll(
                uploadsByEntry.values().stream().flatMap(List::stream).toList());
        List<BankAccount> current = accounts.findCurrent(record.getId());
        List<TabView> tabs = new ArrayList<>();
        boolean complete = true;
        for (TemplateTab tab : template.getTabs()) {
            List<FieldView> views = new ArrayList<>();
            boolean tabMissing = false;
            for (TemplateField field : tab.getFields()) {
                RecordEntry entry = byField.get(field.getId());
                StoredDocument document = entry == null || entry.getDocumentId() == null ? null
                        : files.get(entry.getDocumentId());
                boolean missing = field.isRequired() && (entry == null || !entry.hasValue()
                        || entry.getStatus() == RecordEntry.Status.REJECTED
                        || entry.getStatus() == RecordEntry.Status.EXPIRED);
                tabMissing |= missing;
                views.add(new FieldView(field, entry, document, missing, earlierVersions(entry, uploadsByEntry, files)));
            }
            List<BankAccount> tabAccounts = tab.getKind() == TemplateTab.Kind.BANK_ACCOUNTS ? current : List.of();
            if (tab.getKind() == TemplateTab.Kind.BANK_ACCOUNTS && (current.isEmpty() || current.stream()
                    .allMatch(a -> a.getStatus() == RecordEntry.Status.REJECTED))) {
                tabMissing = true;
            }
            complete &= !tabMissing;
            tabs.add(new TabView(tab, views, tabAccounts, tabMissing));
        }
        boolean anyChange = byField.values().stream().anyMatch(RecordEntry::isChanged)
                || current.stream().anyMatch(BankAccount::isChanged);
        boolean canSend = complete && record.getStatus() != RecordStatus.UNDER_REVIEW
                && (record.getStatus() != RecordStatus.APPROVED || anyChange);
        return new RecordView(registration, record, tabs, complete, canSend, anyChange);
    }

    @Transactional
    public void saveText(long userId, long registrationId, long fieldId, String value) {
        Target target = target(userId, registrationId, fieldId);
        String text = value == null ? "" : value.strip();
        switch (target.field().getType()) {
            case TEXT -> {
                if (text.length() > 1000) {
                    throw new RecordProblem("record.value.tooLong", 1000);
                }
            }
            case CHOICE -> {
                if (target.field().options(java.util.Locale.ROOT).stream().noneMatch(o -> o[0].equals(text))) {
                    throw new RecordProblem("record.value.choice");
                }
            }
            case YES_NO -> {
                if (!text.equals("yes") && !text.equals("no")) {
                    throw new RecordProblem("record.value.choice");
                }
            }
            default -> throw new RecordProblem("record.field.unknown");
        }
        if (text.isEmpty() && target.field().isRequired()) {
            throw new RecordProblem("validation.required");
        }
        target.entry().setText(text, now());
    }

    @Transactional
    public void saveDate(long userId, long registrationId, long fieldId, String value) {
        Target target = target(userId, registrationId, fieldId);
        if (target.field().getType() != TemplateField.Type.DATE) {
            throw new RecordProblem("record.field.unknown");
        }
        try {
            LocalDate date = LocalDate.parse(value == null ? "" : value.strip());
            if (date.getYear() < 1900 || date.getYear() > 2200) {
                throw new RecordProblem("record.value.date");
            }
            target.entry().setDate(date, now());
        } catch (java.time.format.DateTimeParseException e) {
            throw new RecordProblem("record.value.date");
        }
    }

    /** Stores the file and points the entry at it, in one transaction; earlier files stay as versions. */
    @Transactional
    public StoredDocument saveFile(long userId, long registrationId, long fieldId, String fileName, byte[] content,
            String uploadedBy) {
        Target target = target(userId, registrationId, fieldId);
        if (target.field().getType() != TemplateField.Type.FILE) {
            throw new RecordProblem("record.field.unknown");
        }
        StoredDocument document;
        try {
            document = documents.store(target.registration().supplierId(), fileName, content, uploadedBy);
        } catch (DocumentRejectedException e) {
            throw new RecordProblem(e.messageKey(), e.arguments());
        }
        target.entry().setDocument(document.getId(), now());
        entries.flush();
        jdbc.update("insert into record_entry_document (entry_id, document_id, added_at) values (?, ?, ?)",
                target.entry().getId(), document.getId(), now());
        return document;
    }

    /** Sends the record to the client's reviewers: the first time, or again after changes. */
    @Transactional
    public void send(long userId, long registrationId) {
        Registration registration = own(userId, registrationId);
        SupplierRecord record = recordOf(registration);
        RecordView view = view(registration, record);
        if (!view.canSend()) {
            throw new RecordProblem(view.complete() ? "record.send.notNow" : "record.send.incomplete");
        }
        Task correction = record.getProcessInstanceId() == null ? null : taskService.createTaskQuery()
                .processInstanceId(record.getProcessInstanceId()).taskDefinitionKey(CORRECT_TASK).singleResult();
        String instanceId;
        if (correction != null) {
            taskService.complete(correction.getId());
            instanceId = record.getProcessInstanceId();
        } else {
            instanceId = registrations.startProcess(REVIEW_PROCESS, registration.supplierRfc(), registration,
                    Map.of("recordId", record.getId(), "reviewUrl", "/staff/records/" + record.getId())).getId();
        }
        record.submitted(instanceId, now());
    }

    @Transactional(readOnly = true)
    public Optional<Download> download(long userId, long registrationId, long documentId) {
        Registration registration = own(userId, registrationId);
        SupplierRecord record = records.findByClientSupplierId(registration.id()).orElse(null);
        if (record == null || !documentBelongsTo(record.getId(), documentId)) {
            return Optional.empty();
        }
        return documents.download(documentId);
    }

    /** Every file ever uploaded to each entry of the record, newest first, in one query. */
    private Map<Long, List<Long>> uploadsByEntry(long recordId) {
        Map<Long, List<Long>> uploads = new HashMap<>();
        jdbc.query("select d.entry_id, d.document_id from record_entry_document d join record_entry e on "
                + "e.id = d.entry_id where e.record_id = ? order by d.added_at desc", rs -> {
                    uploads.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }, recordId);
        return uploads;
    }

    /** Files uploaded before the current one for this entry, newest first. */
    private static List<StoredDocument> earlierVersions(RecordEntry entry, Map<Long, List<Long>> uploadsByEntry,
            Map<Long, StoredDocument> files) {
        if (entry == null || entry.getDocumentId() == null) {
            return List.of();
        }
        return uploadsByEntry.getOrDefault(entry.getId(), List.of()).stream()
                .filter(id -> !id.equals(entry.getDocumentId()))
                .map(files::get).filter(java.util.Objects::nonNull).toList();
    }

    boolean documentBelongsTo(long recordId, long documentId) {
        Integer count = jdbc.queryForObject("select count(*) from record_entry_document d join record_entry e on "
                + "e.id = d.entry_id where e.record_id = ? and d.document_id = ?", Integer.class, recordId, documentId);
        return count != null && count > 0;
    }

    private record Target(Registration registration, SupplierRecord record, TemplateField field, RecordEntry entry) {
    }

    private Target target(long userId, long registrationId, long fieldId) {
        Registration registration = own(userId, registrationId);
        SupplierRecord record = editable(recordOf(registration));
        TemplateField field = fields.findById(fieldId)
                .filter(f -> templateIdOf(f).equals(record.getTemplateId()))
                .orElseThrow(() -> new RecordProblem("record.field.unknown"));
        RecordEntry entry = entries.findByRecordIdAndFieldId(record.getId(), fieldId)
                .orElseGet(() -> entries.save(new RecordEntry(record.getId(), fieldId, now())));
        return new Target(registration, record, field, entry);
    }

    private static Long templateIdOf(TemplateField field) {
        return field.getTab() == null ? null : field.getTab().templateId();
    }

    /** The supplier's own record for this client, while the supplier may still change it. */
    SupplierRecord editableRecord(long userId, long registrationId) {
        return editable(recordOf(own(userId, registrationId)));
    }

    private static SupplierRecord editable(SupplierRecord record) {
        if (!record.editable()) {
            throw new RecordProblem("record.underReview");
        }
        return record;
    }

    private Registration own(long userId, long registrationId) {
        return registrations.ofUser(userId, registrationId)
                .filter(r -> r.status() == mx.supplierportal.supplier.RegistrationStatus.ACTIVE)
                .orElseThrow(() -> new RecordProblem("record.notFound"));
    }

    private SupplierRecord recordOf(Registration registration) {
        RecordTemplate template = templates.forClient(registration.clientId())
                .orElseThrow(() -> new RecordProblem("record.noTemplate"));
        return records.findByClientSupplierId(registration.id())
                .orElseGet(() -> records.save(new SupplierRecord(registration.id(), template.getId())));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
