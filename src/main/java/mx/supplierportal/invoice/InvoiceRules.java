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
    private final java.time.Clock clock;

    InvoiceRules(InvoiceSettingsRepository settings, InvoiceRequirementRepository requirements, java.time.Clock clock) {
        this.settings = settings;
        this.requirements = requirements;
        this.clock = clock;
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

    /** The documents the client asks with each invoice now (not the removed ones). */
    @Transactional(readOnly = true)
    public List<InvoiceRequirement> requirementsOf(long clientId) {
        return requirements.findByClientIdOrderByPosition(clientId).stream().filter(r -> !r.isRemoved()).toList();
    }

    /** Every requirement the client ever had, removed ones too (an earlier invoice may have one attached). */
    @Transactional(readOnly = true)
    List<InvoiceRequirement> everyRequirementOf(long clientId) {
        return requirements.findByClientIdOrderByPosition(clientId);
    }

    @Transactional
    public void updateRequirement(long clientId, long requirementId, String labelEs, String labelEn, String helpEs,
            String helpEn, boolean mandatory) {
        InvoiceRequirement requirement = requirementOf(clientId, requirementId);
        String[] texts = checkedTexts(labelEs, labelEn, helpEs, helpEn);
        requirement.update(texts[0], texts[1], texts[2], texts[3], mandatory);
    }

    @Transactional
    public void removeRequirement(long clientId, long requirementId) {
        requirementOf(clientId, requirementId).remove(java.time.OffsetDateTime.now(clock));
    }

    private InvoiceRequirement requirementOf(long clientId, long requirementId) {
        return requirements.findById(requirementId).filter(r -> r.getClientId() == clientId && !r.isRemoved())
                .orElseThrow(() -> new InvoiceProblem("invoice.requirement.unknown"));
    }

    /** Labels (required, up to 200) and help texts (optional, up to 500) in both languages, stripped. */
    private static String[] checkedTexts(String labelEs, String labelEn, String helpEs, String helpEn) {
        String es = labelEs == null ? "" : labelEs.strip();
        String en = labelEn == null ? "" : labelEn.strip();
        if (es.isEmpty() || en.isEmpty()) {
            throw new InvoiceProblem("validation.required");
        }
        if (es.length() > 200 || en.length() > 200 || (helpEs != null && helpEs.length() > 500)
                || (helpEn != null && helpEn.length() > 500)) {
            throw new InvoiceProblem("record.value.tooLong", 200);
        }
        return new String[] {es, en, blankToNull(helpEs), blankToNull(helpEn)};
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
        String[] texts = checkedTexts(labelEs, labelEn, helpEs, helpEn);
        String es = texts[0];
        List<InvoiceRequirement> current = requirements.findByClientIdOrderByPosition(clientId);
        String base = java.text.Normalizer.normalize(es.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        base = base.isEmpty() ? "doc" : base.substring(0, Math.min(30, base.length()));
        java.util.Set<String> taken = new java.util.HashSet<>(current.stream().map(InvoiceRequirement::getKey).toList());
        String unique = base;
        for (int i = 2; taken.contains(unique); i++) {
            unique = base + "-" + i;
        }
        requirements.save(new InvoiceRequirement(clientId, current.size() + 1, unique, es, texts[1], texts[2],
                texts[3], mandatory));
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
