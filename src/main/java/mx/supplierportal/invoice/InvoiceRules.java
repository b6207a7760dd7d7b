package mx.supplierportal.invoice;

import java.util.List;
import java.util.Locale;
import mx.supplierportal.client.ClientCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A client's invoice rules: whether the PDF is required, how old an invoice may be, and the documents it needs. */
@Service
public class InvoiceRules {

    private final InvoiceSettingsRepository settings;
    private final InvoiceRequirementRepository requirements;

    InvoiceRules(InvoiceSettingsRepository settings, InvoiceRequirementRepository requirements) {
        this.settings = settings;
        this.requirements = requirements;
    }

    /** Every new client starts with: PDF required, invoices up to 365 days old, purchase order mandatory. */
    @EventListener
    @Transactional
    public void onClientCreated(ClientCreated event) {
        if (settings.existsById(event.clientId())) {
            return;
        }
        settings.save(new InvoiceSettings(event.clientId(), true, 365));
        requirements.save(new InvoiceRequirement(event.clientId(), 1, "purchaseOrder", "Orden de compra",
                "Purchase order", "La orden de compra que le dio su cliente, en PDF.",
                "The purchase order your client gave you, as a PDF.", true));
        requirements.save(new InvoiceRequirement(event.clientId(), 2, "deliveryReceipt", "Acuse de entrega",
                "Delivery receipt", "Firmado por quien recibió la mercancía o el servicio.",
                "Signed by whoever received the goods or the service.", false));
    }

    /** The client's invoice rules and required documents, for the client admins' page. */
    @Transactional(readOnly = true)
    public InvoiceSettings settingsOf(long clientId) {
        return settings.findById(clientId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<InvoiceRequirement> requirementsOf(long clientId) {
        return requirements.findByClientIdOrderByPosition(clientId);
    }

    @Transactional
    public void updateSettings(long clientId, boolean pdfRequired, Integer maxAgeDays) {
        if (maxAgeDays == null || maxAgeDays < 1 || maxAgeDays > 3650) {
            throw new InvoiceProblem("invoice.settings.maxAge");
        }
        InvoiceSettings current = settings.findById(clientId).orElseThrow();
        current.documentRules(pdfRequired, maxAgeDays);
    }

    /** Payment terms (net days, optional payment-run weekday) and the day of the next month the REP is due. */
    @Transactional
    public void updatePaymentTerms(long clientId, Integer netDays, Integer weekday, Integer repDueDay) {
        if (netDays == null || netDays < 0 || netDays > 365) {
            throw new InvoiceProblem("invoice.settings.netDays");
        }
        if (weekday != null && (weekday < 1 || weekday > 7)) {
            throw new InvoiceProblem("invoice.settings.weekday");
        }
        if (repDueDay == null || repDueDay < 1 || repDueDay > 28) {
            throw new InvoiceProblem("invoice.settings.repDueDay");
        }
        settings.findById(clientId).orElseThrow().paymentTerms(netDays, weekday, repDueDay);
    }

    @Transactional
    public void addRequirement(long clientId, String labelEs, String labelEn, String helpEs, String helpEn,
            boolean mandatory) {
        String es = labelEs == null ? "" : labelEs.strip();
        String en = labelEn == null ? "" : labelEn.strip();
        if (es.isEmpty() || en.isEmpty()) {
            throw new InvoiceProblem("validation.required");
        }
        if (es.length() > 200 || en.length() > 200 || (helpEs != null && helpEs.length() > 500)
                || (helpEn != null && helpEn.length() > 500)) {
            throw new InvoiceProblem("record.value.tooLong", 200);
        }
        List<InvoiceRequirement> current = requirements.findByClientIdOrderByPosition(clientId);
        String base = java.text.Normalizer.normalize(es.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        base = base.isEmpty() ? "doc" : base.substring(0, Math.min(30, base.length()));
        java.util.Set<String> taken = new java.util.HashSet<>(current.stream().map(InvoiceRequirement::getKey).toList());
        String unique = base;
        for (int i = 2; taken.contains(unique); i++) {
            unique = base + "-" + i;
        }
        requirements.save(new InvoiceRequirement(clientId, current.size() + 1, unique, es, en,
                blankToNull(helpEs), blankToNull(helpEn), mandatory));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** How old (in days) an invoice may be when it is uploaded. */
    @Transactional
    public void acceptInvoicesUpToDaysOld(long clientId, int days) {
        InvoiceSettings current = settings.findById(clientId).orElseThrow();
        settings.save(new InvoiceSettings(clientId, current.isPdfRequired(), days));
    }
}
