package mx.supplierportal.record;

import java.util.Optional;
import mx.supplierportal.client.ClientCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Record templates. Every new client starts with the standard template below (what Mexican companies usually ask
 * of a supplier); a template editor for client admins is still to come (see the issue notes).
 */
@Service
public class RecordTemplates {

    private final RecordTemplateRepository templates;

    RecordTemplates(RecordTemplateRepository templates) {
        this.templates = templates;
    }

    @EventListener
    @Transactional
    public void onClientCreated(ClientCreated event) {
        if (templates.findByClientId(event.clientId()).isEmpty()) {
            templates.save(standard(event.clientId()));
        }
    }

    @Transactional(readOnly = true)
    public Optional<RecordTemplate> forClient(long clientId) {
        return templates.findByClientId(clientId);
    }

    /** The client's template with its tabs and fields loaded, for a page. */
    @Transactional(readOnly = true)
    public RecordTemplate forEditing(long clientId) {
        RecordTemplate template = templates.findByClientId(clientId).orElseThrow();
        template.getTabs().forEach(tab -> tab.getFields().size());
        return template;
    }

    /** What a client admin typed for a field. */
    public record FieldInput(String labelEs, String labelEn, String helpEs, String helpEn, String type,
            boolean required, String expiry, Integer expiryDays, String choices) {
    }

    @Transactional
    public void addTab(long clientId, String labelEs, String labelEn) {
        RecordTemplate template = templates.findByClientId(clientId).orElseThrow();
        String es = text(labelEs, 120, true);
        String en = text(labelEn, 120, true);
        template.addTab(uniqueKey(es, template.getTabs().stream().map(TemplateTab::getKey).toList()),
                TemplateTab.Kind.FIELDS, es, en);
    }

    @Transactional
    public void addField(long clientId, long tabId, FieldInput input) {
        TemplateTab tab = tab(clientId, tabId);
        TemplateField.Type type = enumValue(TemplateField.Type.class, input.type(), "template.type.invalid");
        Checked checked = check(input);
        TemplateField field = tab.addField(uniqueKey(checked.labelEs(), tab.getFields().stream()
                        .map(TemplateField::getKey).toList()), type, input.required(), checked.labelEs(),
                checked.labelEn(), checked.helpEs(), checked.helpEn(), checked.expiry(), checked.days());
        if (type == TemplateField.Type.CHOICE) {
            field.setChoices(choices(input.choices()));
        }
    }

    @Transactional
    public void updateField(long clientId, long fieldId, FieldInput input) {
        TemplateField field = field(clientId, fieldId);
        Checked checked = check(input);
        field.update(input.required(), checked.labelEs(), checked.labelEn(), checked.helpEs(), checked.helpEn(),
                checked.expiry(), checked.days());
        if (field.getType() == TemplateField.Type.CHOICE) {
            field.setChoices(choices(input.choices()));
        }
    }

    @Transactional
    public void setApprovedBeforeInvoicing(long clientId, boolean required) {
        templates.findByClientId(clientId).orElseThrow().setApprovedBeforeInvoicing(required);
    }

    private record Checked(String labelEs, String labelEn, String helpEs, String helpEn, TemplateField.Expiry expiry,
            Integer days) {
    }

    private Checked check(FieldInput input) {
        TemplateField.Expiry expiry = enumValue(TemplateField.Expiry.class, input.expiry(), "template.expiry.invalid");
        Integer days = null;
        if (expiry == TemplateField.Expiry.DAYS_AFTER_APPROVAL) {
            if (input.expiryDays() == null || input.expiryDays() < 1 || input.expiryDays() > 3650) {
                throw new RecordProblem("template.expiryDays.invalid");
            }
            days = input.expiryDays();
        }
        return new Checked(text(input.labelEs(), 200, true), text(input.labelEn(), 200, true),
                text(input.helpEs(), 500, false), text(input.helpEn(), 500, false), expiry, days);
    }

    private TemplateTab tab(long clientId, long tabId) {
        return templates.findByClientId(clientId).orElseThrow().getTabs().stream()
                .filter(t -> t.getId() == tabId).findFirst()
                .orElseThrow(() -> new RecordProblem("record.notFound"));
    }

    private TemplateField field(long clientId, long fieldId) {
        return templates.findByClientId(clientId).orElseThrow().getTabs().stream()
                .flatMap(t -> t.getFields().stream()).filter(f -> f.getId() == fieldId).findFirst()
                .orElseThrow(() -> new RecordProblem("record.notFound"));
    }

    /** "valor=Etiqueta=Label" lines or "Etiqueta=Label" lines; returns the stored form. */
    private static String choices(String input) {
        if (input == null || input.isBlank()) {
            throw new RecordProblem("template.choices.required");
        }
        java.util.List<String> options = new java.util.ArrayList<>();
        for (String line : input.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("=", 2);
            String es = parts[0].strip();
            String en = parts.length > 1 ? parts[1].strip() : es;
            if (es.isEmpty() || es.contains("|") || en.contains("|")) {
                throw new RecordProblem("template.choices.invalid");
            }
            options.add(slug(es) + "=" + es + "=" + en);
        }
        String stored = String.join("|", options);
        if (options.isEmpty() || stored.length() > 1000) {
            throw new RecordProblem("template.choices.invalid");
        }
        return stored;
    }

    private static String text(String value, int max, boolean required) {
        String text = value == null ? "" : value.strip();
        if (required && text.isEmpty()) {
            throw new RecordProblem("validation.required");
        }
        if (text.length() > max) {
            throw new RecordProblem("record.value.tooLong", max);
        }
        return text.isEmpty() ? null : text;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String problem) {
        try {
            return Enum.valueOf(type, value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new RecordProblem(problem);
        }
    }

    private static String uniqueKey(String label, java.util.List<String> taken) {
        String base = slug(label);
        String key = base;
        for (int i = 2; taken.contains(key); i++) {
            key = base + i;
        }
        return key;
    }

    /** A short ASCII key from a label: "Opinión de cumplimiento" → "opinionDeCumplimiento". */
    static String slug(String label) {
        String ascii = java.text.Normalizer.normalize(label, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9 ]", " ").strip();
        StringBuilder key = new StringBuilder();
        for (String word : ascii.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            key.append(key.length() == 0 ? word.toLowerCase(java.util.Locale.ROOT)
                    : Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        String result = key.length() == 0 ? "field" : key.toString();
        return result.length() > 36 ? result.substring(0, 36) : result;
    }

    static RecordTemplate standard(long clientId) {
        RecordTemplate template = new RecordTemplate(clientId, true);
        TemplateTab fiscal = template.addTab("fiscal", TemplateTab.Kind.FIELDS, "Situación fiscal", "Tax status");
        fiscal.addField("csf", TemplateField.Type.FILE, true, "Constancia de situación fiscal",
                "Tax status certificate (Constancia de situación fiscal)",
                "Descárguela del portal del SAT; debe tener menos de 3 meses.",
                "Download it from SAT's portal; it must be less than 3 months old.",
                TemplateField.Expiry.NONE, null);
        fiscal.addField("opinion32d", TemplateField.Type.FILE, true, "Opinión de cumplimiento (32-D)",
                "Compliance opinion (32-D)",
                "Opinión positiva del SAT. Vence 30 días después de su emisión: el revisor registra su vigencia.",
                "SAT's positive opinion. It expires 30 days after it is issued: the reviewer records its validity.",
                TemplateField.Expiry.REVIEWER_DATE, null);
        TemplateField size = fiscal.addField("size", TemplateField.Type.CHOICE, false, "Tamaño de la empresa",
                "Company size", null, null, TemplateField.Expiry.NONE, null);
        size.setChoices("micro=Micro=Micro|small=Pequeña=Small|medium=Mediana=Medium|large=Grande=Large");
        fiscal.addField("repse", TemplateField.Type.YES_NO, false, "¿Presta servicios especializados (REPSE)?",
                "Does it provide specialised services (REPSE)?", null, null, TemplateField.Expiry.NONE, null);
        TemplateTab legal = template.addTab("legal", TemplateTab.Kind.FIELDS, "Documentos legales", "Legal documents");
        legal.addField("incorporation", TemplateField.Type.FILE, true, "Acta constitutiva", "Articles of incorporation",
                null, null, TemplateField.Expiry.NONE, null);
        legal.addField("representative", TemplateField.Type.TEXT, true, "Nombre del representante legal",
                "Legal representative's name", null, null, TemplateField.Expiry.NONE, null);
        legal.addField("powerOfAttorney", TemplateField.Type.FILE, true, "Poder del representante legal",
                "Legal representative's power of attorney", null, null, TemplateField.Expiry.NONE, null);
        legal.addField("representativeId", TemplateField.Type.FILE, true, "Identificación oficial del representante",
                "Legal representative's official ID", "INE o pasaporte vigente.", "Current voter ID or passport.",
                TemplateField.Expiry.NONE, null);
        legal.addField("operationsStart", TemplateField.Type.DATE, false, "Inicio de operaciones",
                "Start of operations", null, null, TemplateField.Expiry.NONE, null);
        TemplateTab address = template.addTab("address", TemplateTab.Kind.FIELDS, "Domicilio", "Address");
        address.addField("proofOfAddress", TemplateField.Type.FILE, true, "Comprobante de domicilio",
                "Proof of address", "Recibo de luz, agua o teléfono. Vence 90 días después de aprobado.",
                "Electricity, water or phone bill. It expires 90 days after approval.",
                TemplateField.Expiry.DAYS_AFTER_APPROVAL, 90);
        TemplateTab bank = template.addTab("bank", TemplateTab.Kind.BANK_ACCOUNTS, "Cuentas bancarias",
                "Bank accounts");
        bank.addField("bankStatement", TemplateField.Type.FILE, true, "Carátula del estado de cuenta",
                "Bank statement cover page", "La primera página, donde se ven el titular y la CLABE o el número.",
                "The first page, showing the holder and the CLABE or account number.",
                TemplateField.Expiry.NONE, null);
        return template;
    }
}
