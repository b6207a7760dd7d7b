package mx.supplierportal.record;

import java.util.List;
import java.util.Locale;
import mx.supplierportal.client.Client;
import mx.supplierportal.client.Clients;
import mx.supplierportal.security.StaffPrincipal;
import mx.supplierportal.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Client admins configure their digital-record template: tabs, fields, labels and help in both languages, expiry. */
@Controller
class RecordTemplateController {

    private final RecordTemplates templates;
    private final Clients clients;
    private final MessageSource messages;

    RecordTemplateController(RecordTemplates templates, Clients clients, MessageSource messages) {
        this.templates = templates;
        this.clients = clients;
        this.messages = messages;
    }

    @GetMapping("/admin/record-template")
    String show(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        Client client = client(staff);
        model.addAttribute("client", client);
        model.addAttribute("template", templates.forEditing(client.getId()));
        return "record/template";
    }

    @PostMapping("/admin/record-template/tabs")
    String addTab(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam(required = false) String labelEs,
            @RequestParam(required = false) String labelEn, RedirectAttributes redirect, Locale locale) {
        long clientId = client(staff).getId();
        return act(redirect, locale, () -> templates.addTab(clientId, labelEs, labelEn));
    }

    @PostMapping("/admin/record-template/tabs/{tabId}/fields")
    String addField(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long tabId,
            @RequestParam(required = false) String labelEs, @RequestParam(required = false) String labelEn,
            @RequestParam(required = false) String helpEs, @RequestParam(required = false) String helpEn,
            @RequestParam(required = false) String type, @RequestParam(defaultValue = "false") boolean required,
            @RequestParam(required = false) String expiry, @RequestParam(required = false) Integer expiryDays,
            @RequestParam(required = false) String choices, RedirectAttributes redirect, Locale locale) {
        long clientId = client(staff).getId();
        return act(redirect, locale, () -> templates.addField(clientId, tabId, new RecordTemplates.FieldInput(labelEs,
                labelEn, helpEs, helpEn, type, required, expiry, expiryDays, choices)));
    }

    @PostMapping("/admin/record-template/fields/{fieldId}")
    String updateField(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long fieldId,
            @RequestParam(required = false) String labelEs, @RequestParam(required = false) String labelEn,
            @RequestParam(required = false) String helpEs, @RequestParam(required = false) String helpEn,
            @RequestParam(defaultValue = "false") boolean required, @RequestParam(required = false) String expiry,
            @RequestParam(required = false) Integer expiryDays, @RequestParam(required = false) String choices,
            RedirectAttributes redirect, Locale locale) {
        long clientId = client(staff).getId();
        return act(redirect, locale, () -> templates.updateField(clientId, fieldId, new RecordTemplates.FieldInput(
                labelEs, labelEn, helpEs, helpEn, null, required, expiry, expiryDays, choices)));
    }

    @PostMapping("/admin/record-template/settings")
    String settings(@AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(defaultValue = "false") boolean approvedBeforeInvoicing, RedirectAttributes redirect,
            Locale locale) {
        long clientId = client(staff).getId();
        return act(redirect, locale, () -> templates.setApprovedBeforeInvoicing(clientId, approvedBeforeInvoicing));
    }

    private String act(RedirectAttributes redirect, Locale locale, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", true);
        } catch (RecordProblem e) {
            if ("record.notFound".equals(e.messageKey())) {
                throw new NotFound();
            }
            redirect.addFlashAttribute("problem", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return "redirect:/admin/record-template";
    }

    private Client client(StaffPrincipal staff) {
        return clients.firstOf(staff == null ? List.of() : staff.administeredClients())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
