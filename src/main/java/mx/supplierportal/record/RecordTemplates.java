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
