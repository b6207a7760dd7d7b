package mx.supplierportal.invoice;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.supplierportal.cfdi.Cfdi;
import mx.supplierportal.cfdi.Finding;
import mx.supplierportal.document.Documents;
import mx.supplierportal.document.Download;
import mx.supplierportal.document.StoredDocument;
import mx.supplierportal.supplier.Registrations;
import mx.supplierportal.supplier.Registrations.Registration;
import mx.supplierportal.web.MexicoTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an invoice's page shows — its CFDI, required documents (with the ones attached), what is missing, the stages
 * it went through, its payments — and its files to download, for the supplier whose invoice it is and (through
 * {@link InvoiceStaffController}, which checks the client) its client's staff.
 */
@Service
public class InvoiceDetails {

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

    private final Registrations registrations;
    private final InvoiceRepository invoices;
    private final Documents documents;
    private final InvoiceRules rules;
    private final JdbcTemplate jdbc;
    private PaymentsOfInvoice paymentsOfInvoice = invoiceId -> List.of();

    InvoiceDetails(Registrations registrations, InvoiceRepository invoices, Documents documents, InvoiceRules rules,
            JdbcTemplate jdbc) {
        this.registrations = registrations;
        this.invoices = invoices;
        this.documents = documents;
        this.rules = rules;
        this.jdbc = jdbc;
    }

    /** Set by the payment feature (optional: without it an invoice page lists no payments). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setPaymentsOfInvoice(PaymentsOfInvoice paymentsOfInvoice) {
        this.paymentsOfInvoice = paymentsOfInvoice;
    }

    @Transactional(readOnly = true)
    public Details details(long userId, long invoiceId) {
        Invoice invoice = ownInvoice(userId, invoiceId);
        return details(invoice);
    }

    Details details(Invoice invoice) {
        return details(invoice, documents.storedCfdi(invoice.getXmlDocumentId()), registrationOf(invoice));
    }

    /** The details without the stored CFDI read and parsed again (what the API shows needs none of it). */
    Details withoutCfdi(Invoice invoice) {
        return details(invoice, null, registrationOf(invoice));
    }

    /** The same, with the invoice's registration already at hand. */
    Details withoutCfdi(Invoice invoice, Registration registration) {
        if (registration.id() != invoice.getRegistrationId()) {
            throw new IllegalArgumentException("registration " + registration.id() + " is not invoice "
                    + invoice.getId() + "'s");
        }
        return details(invoice, null, registration);
    }

    private Registration registrationOf(Invoice invoice) {
        return registrations.byId(invoice.getRegistrationId()).orElseThrow();
    }

    private Details details(Invoice invoice, Cfdi cfdi, Registration registration) {
        List<DocumentView> views = documentViews(invoice);
        List<String> missing = missing(views).stream().map(InvoiceRequirement::getKey).toList();
        List<StageEvent> events = jdbc.query("select stage, status, happened_at from invoice_stage_event "
                + "where invoice_id = ? order by happened_at, id", (rs, i) -> new StageEvent(rs.getString(1),
                rs.getString(2), rs.getObject(3, OffsetDateTime.class)), invoice.getId());
        return new Details(invoice, registration, cfdi, views, missing, events,
                invoice.getPaidAmount().signum() > 0 ? paymentsOfInvoice.of(invoice.getId()) : List.of());
    }

    /** Each document the client requires, with the one attached to this invoice (if any); two queries. */
    List<DocumentView> documentViews(Invoice invoice) {
        Map<Long, Long> attached = new HashMap<>();
        jdbc.query("select requirement_id, document_id from invoice_document where invoice_id = ?",
                rs -> { attached.put(rs.getLong(1), rs.getLong(2)); }, invoice.getId());
        Map<Long, StoredDocument> stored = attached.isEmpty() ? Map.of() : documents.findAll(attached.values());
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

    static List<InvoiceRequirement> missing(List<DocumentView> views) {
        return views.stream().filter(v -> v.requirement().isMandatory() && !v.requirement().isRemoved()
                && v.document() == null)
                .map(DocumentView::requirement).toList();
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

    private Invoice ownInvoice(long userId, long invoiceId) {
        return invoices.findById(invoiceId).filter(i -> registrations.admits(userId, i.getRegistrationId()))
                .orElseThrow(() -> new InvoiceProblem("invoice.notFound"));
    }
}
