package mx.supplierportal.supplier;

import jakarta.validation.Valid;
import java.util.List;
import mx.supplierportal.cfdi.Rfc;
import mx.supplierportal.client.Client;
import mx.supplierportal.client.Clients;
import mx.supplierportal.efos.EfosLists;
import mx.supplierportal.security.StaffPrincipal;
import mx.supplierportal.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Client-admin pages: the client's suppliers, registering a supplier, resending an activation. Every request works
 * on the client the signed-in admin administers; another client's registration ids find nothing (404).
 */
@Controller
@RequestMapping("/admin/suppliers")
class SupplierAdminController {

    private final Clients clients;
    private final SupplierRegistration registration;
    private final EfosLists efos;

    SupplierAdminController(Clients clients, SupplierRegistration registration, EfosLists efos) {
        this.clients = clients;
        this.registration = registration;
        this.efos = efos;
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam(defaultValue = "0") int page,
            Model model) {
        Client client = administeredClient(staff);
        model.addAttribute("client", client);
        var suppliers = registration.list(client, page);
        model.addAttribute("suppliers", suppliers);
        // SAT's 69-B list: who of this page is Presunto or Definitivo (with the list's cut date)
        model.addAttribute("efos", efos.find(suppliers.getContent().stream().map(s -> s.getSupplier().getRfc())
                .toList()).entrySet().stream().filter(e -> e.getValue().flagged())
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)));
        return "admin/suppliers";
    }

    @GetMapping("/new")
    String form(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        model.addAttribute("client", administeredClient(staff));
        model.addAttribute("form", new RegisterSupplierForm());
        return "admin/register-supplier";
    }

    @PostMapping
    String register(@AuthenticationPrincipal StaffPrincipal staff, @Valid @ModelAttribute("form") RegisterSupplierForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        Client client = administeredClient(staff);
        model.addAttribute("client", client);
        if (!binding.hasFieldErrors("rfc") && Rfc.check(form.getRfc()) == Rfc.Verdict.MALFORMED) {
            binding.rejectValue("rfc", "supplier.rfc.malformed"); // said together with any other mistake
        }
        if (binding.hasErrors()) {
            return "admin/register-supplier";
        }
        try {
            SupplierRegistration.Result result = registration.register(client, form.toRequest(), staff.userId());
            redirect.addFlashAttribute("registered", result.registration().getBusinessName());
            redirect.addFlashAttribute("warnings", result.warnings());
            efos.find(result.registration().getSupplier().getRfc()).filter(EfosLists.Listed::flagged)
                    .ifPresent(listed -> redirect.addFlashAttribute("efosRegistered", List.of(listed.situation().name(),
                            listed.cutDate() == null ? "—" : mx.supplierportal.web.Formats.date(listed.cutDate()))));
            return "redirect:/admin/suppliers";
        } catch (RegistrationException e) {
            binding.rejectValue(e.field(), e.messageKey());
            return "admin/register-supplier";
        }
    }

    @PostMapping("/{id}/resend")
    String resend(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id, RedirectAttributes redirect) {
        Client client = administeredClient(staff);
        ClientSupplier found = registration.find(client, id)
                .orElseThrow(NotFound::new);
        boolean sent = registration.resendActivation(client, id);
        redirect.addFlashAttribute(sent ? "resent" : "notResent", found.getBusinessName());
        return "redirect:/admin/suppliers";
    }

    /** The first client (by code) the signed-in person administers. */
    private Client administeredClient(StaffPrincipal staff) {
        return clients.firstOf(staff == null ? List.of() : staff.administeredClients())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
