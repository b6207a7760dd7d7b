package mx.supplierportal.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
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
import mx.supplierportal.document.StoredDocument;
import mx.supplierportal.record.DigitalRecords;
import mx.supplierportal.record.RecordStatus;
import mx.supplierportal.record.RecordTemplates;
import mx.supplierportal.supplier.Registrations;
import mx.supplierportal.supplier.Registrations.Registration;
import mx.supplierportal.web.MexicoTime;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supplier's invoice intake: upload (validated with the client's context), the documents the client requires,
 * sending, a rejected invoice sent again, drafts deleted. Lists are {@link InvoiceLists}, what a page shows of one
 * invoice {@link InvoiceDetails}. Every method checks that the invoice is the signed-in supplier's: another
 * supplier's ids find nothing.
 */
@Service
public class Invoices {

    public static final String PROCESS = "invoice-reception";
    static final String SAT_CHECK = "cfdi-sat-check";
    static final String ADD_INFO_TASK = "Task_AddInformation";

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
    private final InvoiceDetails details;

    Invoices(Registrations registrations, Clients clients, Documents documents, InvoiceRepository invoices,
            InvoiceRules rules, RecordTemplates recordTemplates, DigitalRecords digitalRecords, TaskService taskService,
            JdbcTemplate jdbc, Clock clock, CfdiValidator validator, EfosLists efosLists, InvoiceDetails details) {
        this.registrations = registrations;
        this.details = details;
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

    /** What an upload did: the invoice, and whether it was there already (the same CFDI of this registration). */
    record Upload(Invoice invoice, boolean existing) {
    }

    /** Validates the CFDI with the client's context and keeps it as a draft; nothing is stored when it fails. */
    @Transactional
    public Invoice upload(long userId, long registrationId, String xmlName, byte[] xml, String pdfName,
            byte[] pdf, String uploadedBy) {
        return upload(own(userId, registrationId), xmlName, xml, pdfName, pdf, uploadedBy, false).invoice();
    }

    /**
     * The same, for an active registration the caller has just found to be the signed-in user's; with
     * {@code sameIsFound} the same CFDI already received in this registration (and not rejected) is that invoice
     * (the API's idempotency), instead of being refused as received twice (the pages).
     */
    @Transactional
    Upload upload(Registration registration, String xmlName, byte[] xml, String pdfName, byte[] pdf,
            String uploadedBy, boolean sameIsFound) {
        long registrationId = registration.id();
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
                return new Upload(reopen(earlier.get(), pdfName, pdf, uploadedBy), false);
            }
            if (sameIsFound && earlier.isPresent() && earlier.get().getRegistrationId() == registrationId) {
                return new Upload(earlier.get(), true);
            }
            if (earlier.isPresent()) {
                report = validator.validate(xml, context.withReceivedUuids(Set.of(uuid)));
            }
        }
        if (!report.valid()) {
            throw new InvoiceProblem(report.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList());
        }
        // asked here, not first: the same CFDI again (a new attempt of a rejected one, the API's repeat) keeps its PDF
        if (settings.isPdfRequired() && (pdf == null || pdf.length == 0)) {
            throw new InvoiceProblem("invoice.pdf.required");
        }
        Cfdi cfdi = report.cfdi().orElseThrow();
        StoredDocument xmlDocument;
        StoredDocument pdfDocument = null;
        try {
            // parsed whole and validated above: no second look at what kind of file it is
            xmlDocument = documents.storeParsedXml(registration.supplierId(), xmlName, cfdi, uploadedBy);
            if (pdf != null && pdf.length > 0) {
                pdfDocument = documents.store(registration.supplierId(), pdfName, pdf, uploadedBy,
                        Set.of(Documents.PDF));
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
        return new Upload(invoice, false);
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
        return send(ownInvoiceForUpdate(userId, invoiceId), null, locale, false);
    }

    /**
     * Sends an invoice the caller holds as the signed-in user's (locked, or created in this transaction);
     * {@code registration} is its registration when the caller has it at hand, else null. With
     * {@code onlyWhenComplete} an invoice still missing a required document is not sent (false) instead of refused —
     * the API's {@code send=true}, where the answer then lists what is missing.
     */
    @Transactional
    boolean send(Invoice invoice, Registration registration, Locale locale, boolean onlyWhenComplete) {
        if (invoice.getStatus() != Invoice.Status.DRAFT && invoice.getStatus() != Invoice.Status.MORE_INFO) {
            return false;
        }
        List<InvoiceRequirement> missing = InvoiceDetails.missing(details.documentViews(invoice));
        if (!missing.isEmpty() && onlyWhenComplete) {
            return false;
        }
        if (invoice.getSatStatus() == Invoice.SatState.CANCELADO) {
            throw new InvoiceProblem("invoice.sat.cancelled");
        }
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
        Registration sender = registration != null && registration.id() == invoice.getRegistrationId() ? registration
                : registrations.byId(invoice.getRegistrationId()).orElseThrow();
        Map<String, Object> variables = new HashMap<>();
        variables.put("invoiceId", invoice.getId());
        variables.put("serieFolio", invoice.serieFolio());
        variables.put("uuid", invoice.getUuid());
        variables.put("total", Formats.money(invoice.getTotal(), invoice.getCurrency()));
        variables.put("totalMxn", invoice.totalMxn().doubleValue());
        variables.put("invoiceUrl", "/staff/invoices/" + invoice.getId());
        String instance = registrations.startProcess(PROCESS, invoice.getUuid(), sender, variables).getId();
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
                        Set.of(Documents.PDF));
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

    void event(Invoice invoice, Invoice.Stage stage, String status) {
        invoice.stage(stage);
        jdbc.update("insert into invoice_stage_event (invoice_id, stage, status, happened_at) values (?, ?, ?, ?)",
                invoice.getId(), stage.name(), status, OffsetDateTime.now(clock));
    }

    private Invoice ownInvoiceForUpdate(long userId, long invoiceId) {
        return invoices.lockById(invoiceId).filter(i -> registrations.admits(userId, i.getRegistrationId()))
                .orElseThrow(() -> new InvoiceProblem("invoice.notFound"));
    }


    private Registration own(long userId, long registrationId) {
        return ownActive(registrations, userId, registrationId);
    }

    /** The signed-in user's active registration with that id; another's (or an inactive one) is not found. */
    static Registration ownActive(Registrations registrations, long userId, long registrationId) {
        return registrations.ofUser(userId, registrationId)
                .filter(r -> r.status() == mx.supplierportal.supplier.RegistrationStatus.ACTIVE)
                .orElseThrow(() -> new InvoiceProblem("invoice.notFound"));
    }
}
