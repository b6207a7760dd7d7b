package mx.supplierportal.invoice;

import java.util.List;
import java.util.Locale;
import mx.supplierportal.client.Client;
import mx.supplierportal.client.Clients;
import mx.supplierportal.security.StaffPrincipal;
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

/** Client admins: what an invoice must come with (documents, PDF) and how old it may be. */
@Controller
class InvoiceSettingsController {

    private final InvoiceRules invoices;
    private final Clients clients;
    private final MessageSource messages;

    InvoiceSettingsController(InvoiceRules invoices, Clients clients, MessageSource messages) {
        this.invoices = invoices;
        this.clients = clients;
        this.messages = messages;
    }

    @GetMapping("/admin/invoice-settings")
    String show(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        Client client = client(staff);
        model.addAttribute("client", client);
        model.addAttribute("settings", invoices.settingsOf(client.getId()));
        model.addAttribute("requirements", invoices.requirementsOf(client.getId()));
        return "invoice/settings";
    }

    @PostMapping("/admin/invoice-settings")
    String save(@AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(defaultValue = "false") boolean pdfRequired, @RequestParam(required = false) Integer maxAgeDays,
            RedirectAttributes redirect, Locale locale) {
        long clientId = client(staff).getId();
        return act(redirect, locale, () -> invoices.updateSettings(clientId, pdfRequired, maxAgeDays));
    }

    @PostMapping("/admin/invoice-settings/payment-terms")
    String savePaymentTerms(@AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(required = false) Integer netDays, @RequestParam(required = false) Integer weekday,
            @RequestParam(required = false) Integer repDueDay, RedirectAttributes redirect, Locale locale) {
        long clientId = client(staff).getId();
        return act(redirect, locale, () -> invoices.updatePaymentTerms(clientId, netDays, weekday, repDueDay));
    }

    @PostMapping("/admin/invoice-settings/requirements")
    String addRequirement(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam(required = false) String labelEs,
            @RequestParam(required = false) String labelEn, @RequestParam(required = false) String helpEs,
            @RequestParam(required = false) String helpEn, @RequestParam(defaultValue = "false") boolean mandatory,
            RedirectAttributes redirect, Locale locale) {
        long clientId = client(staff).getId();
        return act(redirect, locale, () -> invoices.addRequirement(clientId, labelEs, labelEn, helpEs, helpEn,
                mandatory));
    }

    @PostMapping("/admin/invoice-settings/requirements/{requirementId}")
    String updateRequirement(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long requirementId,
            @RequestParam(required = false) String labelEs, @RequestParam(required = false) String labelEn,
            @RequestParam(required = false) String helpEs, @RequestParam(required = false) String helpEn,
            @RequestParam(defaultValue = "false") boolean mandatory, RedirectAttributes redirect, Locale locale) {
        long clientId = client(staff).getId();
        return act(redirect, locale, () -> invoices.updateRequirement(clientId, requirementId, labelEs, labelEn,
                helpEs, helpEn, mandatory));
    }

    /** A removed document is no longer asked of new invoices; earlier invoices keep what they have attached. */
    @PostMapping("/admin/invoice-settings/requirements/{requirementId}/remove")
    String removeRequirement(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long requirementId,
            RedirectAttributes redirect, Locale locale) {
        long clientId = client(staff).getId();
        return act(redirect, locale, () -> invoices.removeRequirement(clientId, requirementId));
    }

    private String act(RedirectAttributes redirect, Locale locale, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", true);
        } catch (InvoiceProblem e) {
            redirect.addFlashAttribute("problem", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return "redirect:/admin/invoice-settings";
    }

    private Client client(StaffPrincipal staff) {
        return clients.firstOf(staff == null ? List.of() : staff.administeredClients())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
