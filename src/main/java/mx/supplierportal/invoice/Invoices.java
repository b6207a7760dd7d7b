package mx.supplierportal.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mx.supplierportal.cfdi.Cfdi;
import mx.supplierportal.web.Formats;
import mx.supplierportal.cfdi.CfdiValidator;
import mx.supplierportal.cfdi.Finding;
import mx.supplierportal.cfdi.Severity;
import mx.supplierportal.cfdi.ValidationContext;
import mx.supplierportal.cfdi.ValidationReport;
import mx.supplierportal.efos.EfosLists;
import mx.supplierportal.client.Client;
import mx.supplierportal.client.Clients;
import mx.supplierportal.document.DocumentRejectedException;
import mx.supplierportal.document.Documents;
import mx.supplierportal.document.Download;
import mx.supplierportal.document.StoredDocument;
import mx.supplierportal.record.DigitalRecords;
import mx.supplierportal.record.RecordStatus;
import mx.supplierportal.record.RecordTemplates;
import mx.supplierportal.supplier.Registrations;
import mx.supplierportal.supplier.Registrations.Registration;
import mx.supplierportal.web.MexicoTime;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supplier's side of invoice reception: upload (validated with the client's context), the documents the
 * client requires, sending, drafts, and the lists. Every method checks that the invoice is the signed-in
 * supplier's: another supplier's ids find nothing.
 */
@Service
public class Invoices {

    public static final String PROCESS = "invoice-reception";
    static final String SAT_CHECK = "cfdi-sat-check";
    static final String ADD_INFO_TASK = "Task_AddInformation";
    static final int PAGE_SIZE = 20;

    public record DocumentView(InvoiceRequirement requirement, StoredDocument document) {
    }

    public record Details(Invoice invoice, Registration registration, Cfdi cfdi, List<DocumentView> documents,
            List<String> missing, List<StageEvent> events, List<PaymentsOfInvoice.PaymentLink> payments) {

        /** The validation warnings found at upload; {@code message(locale)} reads each in a language. */
        public List<Finding> warnings() {
            return InvoiceWarnings.decode(invoice.getWarnings());
        }

        /**
         * The warnings a supplier can act on: not the client's own RFC check digit (the receptor's RFC is the
         * client's, checked against the client's registration; its admins are told once, on their home page).
         */
        public List<Finding> supplierWarnings() {
            return warnings().stream().filter(f -> !("RFC-CHECK-DIGIT".equals(f.code()) && !f.arguments().isEmpty()
                    && "Receptor".equals(f.arguments().get(0)))).toList();
        }
    }

    /** A stage change, {@code at} in Mexico City time (as people read it; the database keeps UTC). */
    public record StageEvent(String stage, String status, OffsetDateTime at) {

        public StageEvent {
            at = at == null ? null : at.atZoneSameInstant(MexicoTime.ZONE).toOffsetDateTime();
        }

    }

    public record Page(List<Invoice> invoices, String next, Map<Long, Map<String, OffsetDateTime>> stageDates) {

        public Page(List<Invoice> invoices, String next) {
            this(invoices, next, Map.of());
        }

        /** When the invoice last reached that stage, in Mexico City time (for the dot's tooltip), or null. */
        public java.time.ZonedDateTime reached(Invoice invoice, Invoice.Stage stage) {
            OffsetDateTime at = stageDates.getOrDefault(invoice.getId(), Map.of()).get(stage.name());
            return at == null ? null : at.atZoneSameInstant(MexicoTime.ZONE);
        }
    }

    private final Registrations registrations;
    private final Clients clients;
    private final Documents documents;
    private final InvoiceRepository invoices;
    private final InvoiceRules rules;
    private final RecordTemplates recordTemplates;
    private final DigitalRecords digitalRecords;
    private final TaskService taskService;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CfdiValidator validator;
    private final EfosLists efosLists;
    private PaymentsOfInvoice paymentsOfInvoice = invoiceId -> List.of();

    /** Set by the payment feature (optional: without it an invoice page lists no payments). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setPaymentsOfInvoice(PaymentsOfInvoice paymentsOfInvoice) {
        this.paymentsOfInvoice = paymentsOfInvoice;
    }

    Invoices(Registrations registrations, Clients clients, Documents documents, InvoiceRepository invoices,
            InvoiceRules rules, RecordTemplates recordTemplates, DigitalRecords digitalRecords, TaskService taskService,
            JdbcTemplate jdbc, Clock clock, CfdiValidator validator, EfosLists efosLists) {
        this.registrations = registrations;
        this.efosLists = efosLists;
        this.validator = validator;
        this.clients = clients;
        this.documents = documents;
        this.invoices = invoices;
        this.rules = rules;
        this.recordTemplates = recordTemplates;
        this.digitalRecords = digitalRecords;
        this.taskService = taskService;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Registration> registrationsOf(long userId) {
        return registrations.activeOf(userId);
    }

    /** Validates the CFDI with the client's context and keeps it as a draft; nothing is stored when it fails. */
    @Transactional
    public Invoice upload(long userId, long registrationId, String xmlName, byte[] xml, String pdfName,
            byte[] pdf, String uploadedBy) {
        Registration registration = own(userId, registrationId);
        Client client = clients.findById(registration.clientId()).orElseThrow();
        InvoiceSettings settings = rules.settingsOf(client.getId());
        boolean recordRequired = recordTemplates.forClient(client.getId())
                .map(t -> t.isApprovedBeforeInvoicing()).orElse(false);
        if (recordRequired && digitalRecords.statusOf(registrationId).orElse(null) != RecordStatus.APPROVED) {
            throw new InvoiceProblem("invoice.recordNotApproved", client.getName());
        }
        if (xml == null || xml.length == 0) {
            throw new InvoiceProblem("invoice.xml.required");
        }
        if (settings.isPdfRequired() && (pdf == null || pdf.length == 0)) {
            throw new InvoiceProblem("invoice.pdf.required");
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(MexicoTime.ZONE));
        ValidationContext context = ValidationContext.NONE.withRequireStamp(true)
                .withExpectedEmisor(registration.supplierRfc())
                .withExpectedReceptor(new ValidationContext.ExpectedReceptor(client.getRfc(), client.getName(),
                        client.getPostalCode(), client.getTaxRegime()))
                .withDateWindow(now.minusDays(settings.getMaxAgeDays()), now.plusDays(1))
                .withEfos(efosLists.listFor(registration.supplierRfc())); // SAT's 69-B list: Definitivo refused
        ValidationReport first = validator.validate(xml, context);
        ValidationReport report = first;
        if (first.valid() && first.cfdi().get().timbre().isPresent()) {
            String uuid = first.cfdi().get().timbre().get().uuid().toUpperCase(Locale.ROOT);
            Optional<Invoice> earlier = invoices.lockByClientIdAndUuid(client.getId(), uuid);
            if (earlier.isPresent() && earlier.get().getRegistrationId() == registrationId
                    && earlier.get().getStatus() == Invoice.Status.REJECTED) {
                // The same CFDI again after a rejection: a new attempt of that invoice, or why it cannot be
                return reopen(earlier.get(), pdfName, pdf, uploadedBy);
            }
            if (earlier.isPresent()) {
                report = validator.validate(xml, context.withReceivedUuids(Set.of(uuid)));
            }
        }
        if (!report.valid()) {
            throw new InvoiceProblem(report.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList());
        }
        Cfdi cfdi = report.cfdi().orElseThrow();
        StoredDocument xmlDocument;
        StoredDocument pdfDocument = null;
        try {
            xmlDocument = documents.store(registration.supplierId(), xmlName, xml, uploadedBy, Documents.XML_TYPES);
            if (pdf != null && pdf.length > 0) {
                pdfDocument = documents.store(registration.supplierId(), pdfName, pdf, uploadedBy,
                        Set.of("application/pdf"));
            }
        } catch (DocumentRejectedException e) {
            throw new InvoiceProblem(e.messageKey(), e.arguments());
        }
        List<Finding> warnings = report.findings().stream().filter(f -> f.severity() == Severity.WARNING).toList();
        Cfdi.Comprobante c = cfdi.comprobante();
        Invoice draft = new Invoice(client.getId(), registrationId, registration.supplierId(),
                cfdi.timbre().orElseThrow().uuid().toUpperCase(Locale.ROOT), c.serie(), c.folio(),
                LocalDateTime.parse(c.fecha()), c.moneda(),
                c.tipoCambio() == null ? null : new BigDecimal(c.tipoCambio()), new BigDecimal(c.subTotal()),
                new BigDecimal(c.total()), c.metodoPago(), cfdi.emisor().rfc(), cfdi.receptor().rfc(),
                xmlDocument.getId(), pdfDocument == null ? null : pdfDocument.getId(),
                InvoiceWarnings.encode(warnings), OffsetDateTime.now(clock));
        if (pdf != null && pdf.length > 0
                && mx.supplierportal.document.PdfText.shows(pdf, draft.getUuid()).equals(Optional.of(false))) {
            draft.pdfWithoutUuid();
        }
        Invoice invoice = invoices.save(draft);
        registrations.startProcess(SAT_CHECK, invoice.getUuid(), registration, Map.of("invoiceId", invoice.getId()));
        return invoice;
    }

    @Transactional(readOnly = true)
    public Details details(long userId, long invoiceId) {
        Invoice invoice = ownInvoice(userId, invoiceId);
        return details(invoice);
    }

    Details details(Invoice invoice) {
        Registration registration = registrations.byId(invoice.getRegistrationId()).orElseThrow();
        Cfdi cfdi = documents.storedCfdi(invoice.getXmlDocumentId());
        List<DocumentView> views = documentViews(invoice);
        List<String> missing = missing(views).stream().map(InvoiceRequirement::getKey).toList();
        List<StageEvent> events = jdbc.query("select stage, status, happened_at from invoice_stage_event "
                + "where invoice_id = ? order by happened_at, id", (rs, i) -> new StageEvent(rs.getString(1),
                rs.getString(2), rs.getObject(3, OffsetDateTime.class)), invoice.getId());
        return new Details(invoice, registration, cfdi, views, missing, events,
                invoice.getPaidAmount().signum() > 0 ? paymentsOfInvoice.of(invoice.getId()) : List.of());
    }

    /** Each document the client requires, with the one attached to this invoice (if any); two queries. */
    private List<DocumentView> documentViews(Invoice invoice) {
        Map<Long, Long> attached = new HashMap<>();
        jdbc.query("select requirement_id, document_id from invoice_document where invoice_id = ?",
                rs -> { attached.put(rs.getLong(1), rs.getLong(2)); }, invoice.getId());
        Map<Long, StoredDocument> stored = documents.findAll(attached.values());
        List<DocumentView> views = new ArrayList<>();
        for (InvoiceRequirement requirement : rules.everyRequirementOf(invoice.getClientId())) {
            Long documentId = attached.get(requirement.getId());
            if (requirement.isRemoved() && documentId == null) {
                continue; // no longer asked, and this invoice has none
            }
            views.add(new DocumentView(requirement, documentId == null ? null : stored.get(documentId)));
        }
        return views;
    }

    private static List<InvoiceRequirement> missing(List<DocumentView> views) {
        return views.stream().filter(v -> v.requirement().isMandatory() && !v.requirement().isRemoved()
                && v.document() == null)
                .map(DocumentView::requirement).toList();
    }

    @Transactional
    public void attach(long userId, long invoiceId, long requirementId, String name, byte[] content,
            String uploadedBy) {
        Invoice invoice = ownInvoiceForUpdate(userId, invoiceId);
        if (invoice.getStatus() != Invoice.Status.DRAFT && invoice.getStatus() != Invoice.Status.MORE_INFO) {
            throw new InvoiceProblem("invoice.notEditable");
        }
        InvoiceRequirement requirement = rules.requirementsOf(invoice.getClientId()).stream()
                .filter(r -> r.getId() == requirementId).findFirst()
                .orElseThrow(() -> new InvoiceProblem("invoice.requirement.unknown"));
        StoredDocument document;
        try {
            document = documents.store(invoice.getSupplierId(), name, content, uploadedBy);
        } catch (DocumentRejectedException e) {
            throw new InvoiceProblem(e.messageKey(), e.arguments());
        }
        jdbc.update("delete from invoice_document where invoice_id = ? and requirement_id = ?", invoice.getId(),
                requirement.getId());
        jdbc.update("insert into invoice_document (invoice_id, requirement_id, document_id, added_at) "
                + "values (?, ?, ?, ?)", invoice.getId(), requirement.getId(), document.getId(),
                OffsetDateTime.now(clock));
    }

    /** Sends a draft (or the added information); sending what was already sent changes nothing. */
    @Transactional
    public boolean send(long userId, long invoiceId, Locale locale) {
        Invoice invoice = ownInvoiceForUpdate(userId, invoiceId);
        if (invoice.getStatus() != Invoice.Status.DRAFT && invoice.getStatus() != Invoice.Status.MORE_INFO) {
            return false;
        }
        if (invoice.getSatStatus() == Invoice.SatState.CANCELADO) {
            throw new InvoiceProblem("invoice.sat.cancelled");
        }
        List<InvoiceRequirement> missing = missing(documentViews(invoice));
        if (!missing.isEmpty()) {
            throw new InvoiceProblem("invoice.documents.missing",
                    String.join(", ", missing.stream().map(r -> r.label(locale)).toList()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (invoice.getStatus() == Invoice.Status.MORE_INFO) {
            Task task = taskService.createTaskQuery().processInstanceId(invoice.getProcessInstanceId())
                    .taskDefinitionKey(ADD_INFO_TASK).singleResult();
            if (task == null) {
                return false;
            }
            invoice.sent(invoice.getProcessInstanceId(), now);
            taskService.complete(task.getId());
            return true;
        }
        Registration registration = registrations.byId(invoice.getRegistrationId()).orElseThrow();
        Map<String, Object> variables = new HashMap<>();
        variables.put("invoiceId", invoice.getId());
        variables.put("serieFolio", invoice.serieFolio());
        variables.put("uuid", invoice.getUuid());
        variables.put("total", Formats.money(invoice.getTotal(), invoice.getCurrency()));
        variables.put("totalMxn", invoice.totalMxn().doubleValue());
        variables.put("invoiceUrl", "/staff/invoices/" + invoice.getId());
        String instance = registrations.startProcess(PROCESS, invoice.getUuid(), registration, variables).getId();
        invoice.sent(instance, now);
        event(invoice, Invoice.Stage.RECEIVED, "IN_PROCESS");
        return true;
    }

    /** "Correct and send again" on a rejected invoice's page. */
    @Transactional
    public Invoice reopen(long userId, long invoiceId) {
        return reopen(ownInvoiceForUpdate(userId, invoiceId), null, null, null);
    }

    /**
     * A rejected invoice becomes a draft again (attempt + 1), keeping its history and its documents, which the
     * supplier can now replace; a new PDF, when given, replaces the old one. Refused when the rejection asked for a
     * new CFDI or SAT reports the CFDI cancelled.
     */
    private Invoice reopen(Invoice invoice, String pdfName, byte[] pdf, String uploadedBy) {
        if (invoice.getStatus() != Invoice.Status.REJECTED) {
            throw new InvoiceProblem("invoice.notEditable");
        }
        if (invoice.isReissueRequired()) {
            throw new InvoiceProblem("invoice.reopen.reissue", invoice.serieFolio());
        }
        if (invoice.getSatStatus() == Invoice.SatState.CANCELADO) {
            throw new InvoiceProblem("invoice.sat.cancelled");
        }
        if (pdf != null && pdf.length > 0) {
            try {
                StoredDocument pdfDocument = documents.store(invoice.getSupplierId(), pdfName, pdf, uploadedBy,
                        Set.of("application/pdf"));
                invoice.replacePdf(pdfDocument.getId(), !mx.supplierportal.document.PdfText.shows(pdf,
                        invoice.getUuid()).equals(Optional.of(false)));
            } catch (DocumentRejectedException e) {
                throw new InvoiceProblem(e.messageKey(), e.arguments());
            }
        }
        invoice.reopened();
        event(invoice, Invoice.Stage.RECEIVED, "REOPENED");
        return invoice;
    }

    @Transactional
    public void deleteDraft(long userId, long invoiceId) {
        Invoice invoice = ownInvoiceForUpdate(userId, invoiceId);
        if (invoice.getStatus() != Invoice.Status.DRAFT) {
            throw new InvoiceProblem("invoice.notEditable");
        }
        if (invoice.getAttempt() > 1) {
            throw new InvoiceProblem("invoice.reopened.keep"); // it was sent before: its history stays
        }
        jdbc.update("delete from invoice_document where invoice_id = ?", invoice.getId());
        invoices.delete(invoice);
    }

    /**
     * The supplier's lists under "My CFDIs": to send (drafts and invoices waiting for more information), in process
     * (sent, approved, waiting for payment), rejected, paid.
     */
    public enum Shelf {
        TO_SEND(Invoice.Status.DRAFT, Invoice.Status.MORE_INFO),
        IN_PROCESS(Invoice.Status.IN_PROCESS, Invoice.Status.APPROVED),
        REJECTED(Invoice.Status.REJECTED),
        PAID(Invoice.Status.PAID);

        private final EnumSet<Invoice.Status> statuses;

        Shelf(Invoice.Status first, Invoice.Status... rest) {
            this.statuses = EnumSet.of(first, rest);
        }

        public EnumSet<Invoice.Status> statuses() {
            return EnumSet.copyOf(statuses);
        }
    }

    /** What the supplier looks for in a list: text in serie, folio or UUID, and a range of issue days. */
    public record Search(String text, LocalDate from, LocalDate to) {

        public static final Search NONE = new Search(null, null, null);

        public boolean isEmpty() {
            return (text == null || text.isBlank()) && from == null && to == null;
        }

        String pattern() {
            String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace("%", "").replace("_", "");
            return "%" + t + "%";
        }
    }

    /** The rows a search shows, and the most a CSV export holds (bounded work: a search is not paged). */
    static final int SEARCH_LIMIT = 200;
    public static final int EXPORT_LIMIT = 5_000;

    /** The invoices of one list that match a search, newest first (at most {@code limit}). */
    @Transactional(readOnly = true)
    public List<Invoice> search(long userId, long registrationId, Shelf shelf, Search search, int limit) {
        own(userId, registrationId);
        LocalDateTime from = search.from() == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : search.from().atStartOfDay();
        LocalDateTime until = search.to() == null ? LocalDateTime.of(9999, 1, 1, 0, 0)
                : search.to().plusDays(1).atStartOfDay();
        return invoices.search(registrationId, shelf.statuses(), search.pattern(), from, until, Limit.of(limit));
    }

    /** A search shown as a list page (no next page: a search shows its first {@value #SEARCH_LIMIT} rows). */
    @Transactional(readOnly = true)
    public Page searchPage(long userId, long registrationId, Shelf shelf, Search search) {
        List<Invoice> rows = search(userId, registrationId, shelf, search, SEARCH_LIMIT);
        return new Page(rows, null, shelf == Shelf.TO_SEND ? Map.of() : stageDates(rows));
    }

    /** "To send" or "In process", newest first. */
    @Transactional(readOnly = true)
    public Page page(long userId, long registrationId, boolean toSend, String after) {
        return page(userId, registrationId, toSend ? Shelf.TO_SEND : Shelf.IN_PROCESS, null, false, after);
    }

    /**
     * A keyset page: {@code after} is the previous page's last row ("millis_id"), so a page costs the same on the
     * first page and on the thousandth, with the (client_supplier_id, status, created_at, id) index.
     */
    @Transactional(readOnly = true)
    public Page page(long userId, long registrationId, Shelf shelf, Invoice.Status only, boolean oldestFirst,
            String after) {
        own(userId, registrationId);
        boolean toSend = shelf == Shelf.TO_SEND;
        EnumSet<Invoice.Status> statuses = shelf.statuses();
        if (only != null && statuses.contains(only)) {
            statuses = EnumSet.of(only);
        }
        OffsetDateTime createdAt = oldestFirst ? OffsetDateTime.parse("1970-01-01T00:00:00Z")
                : OffsetDateTime.now(clock).plusYears(100);
        long id = oldestFirst ? 0 : Long.MAX_VALUE;
        if (after != null && after.matches("\\d{1,15}_\\d{1,18}")) {
            String[] parts = after.split("_");
            createdAt = java.time.Instant.ofEpochMilli(Long.parseLong(parts[0])).atOffset(java.time.ZoneOffset.UTC);
            id = Long.parseLong(parts[1]);
        }
        List<Invoice> rows = oldestFirst
                ? invoices.pageAscending(registrationId, statuses, createdAt, id, Limit.of(PAGE_SIZE + 1))
                : invoices.page(registrationId, statuses, createdAt, id, Limit.of(PAGE_SIZE + 1));
        String next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            Invoice last = rows.get(PAGE_SIZE - 1);
            next = last.getCreatedAt().toInstant().toEpochMilli() + "_" + last.getId();
        }
        return new Page(rows, next, toSend ? Map.of() : stageDates(rows));
    }

    /** The last time each invoice of a page reached each stage: one query for the page. */
    private Map<Long, Map<String, OffsetDateTime>> stageDates(List<Invoice> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<String, OffsetDateTime>> dates = new HashMap<>();
        String marks = String.join(",", java.util.Collections.nCopies(rows.size(), "?"));
        jdbc.query("select invoice_id, stage, max(happened_at) from invoice_stage_event where invoice_id in (" + marks
                + ") group by invoice_id, stage", rs -> {
                    dates.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class));
                }, rows.stream().map(Invoice::getId).toArray());
        return dates;
    }

    @Transactional(readOnly = true)
    public Optional<Download> download(long userId, long invoiceId, long documentId) {
        Invoice invoice = ownInvoice(userId, invoiceId);
        return belongs(invoice, documentId) ? documents.download(documentId) : Optional.empty();
    }

    boolean belongs(Invoice invoice, long documentId) {
        if (documentId == invoice.getXmlDocumentId() || Long.valueOf(documentId).equals(invoice.getPdfDocumentId())) {
            return true;
        }
        Integer count = jdbc.queryForObject("select count(*) from invoice_document where invoice_id = ? and "
                + "document_id = ?", Integer.class, invoice.getId(), documentId);
        return count != null && count > 0;
    }

    void event(Invoice invoice, Invoice.Stage stage, String status) {
        invoice.stage(stage);
        jdbc.update("insert into invoice_stage_event (invoice_id, stage, status, happened_at) values (?, ?, ?, ?)",
                invoice.getId(), stage.name(), status, OffsetDateTime.now(clock));
    }

    private Invoice ownInvoiceForUpdate(long userId, long invoiceId) {
        return invoices.lockById(invoiceId).filter(i -> registrations.admits(userId, i.getRegistrationId()))
                .orElseThrow(() -> new InvoiceProblem("invoice.notFound"));
    }

    private Invoice ownInvoice(long userId, long invoiceId) {
        return invoices.findById(invoiceId).filter(i -> registrations.admits(userId, i.getRegistrationId()))
                .orElseThrow(() -> new InvoiceProblem("invoice.notFound"));
    }

    private Registration own(long userId, long registrationId) {
        return registrations.ofUser(userId, registrationId)
                .filter(r -> r.status() == mx.supplierportal.supplier.RegistrationStatus.ACTIVE)
                .orElseThrow(() -> new InvoiceProblem("invoice.notFound"));
    }
}
