package mx.supplierportal.client;

import jakarta.validation.Valid;
import mx.supplierportal.cfdi.Rfc;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * For operators (Camunda administrators): the client organisations, and creating one (row, tenant, role groups and
 * their Tasklist permissions). Staff users are then created and put in the groups with Camunda Admin.
 */
@Controller
@RequestMapping("/ops/clients")
class ClientOpsController {

    private final Clients clients;
    private final ClientRepository repository;

    ClientOpsController(Clients clients, ClientRepository repository) {
        this.clients = clients;
        this.repository = repository;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("clients", repository.findAll(PageRequest.of(Math.max(page, 0), 20, Sort.by("code"))));
        model.addAttribute("form", new ClientForm());
        return "ops/clients";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") ClientForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        String rfc = Rfc.normalize(form.getRfc());
        if (!binding.hasFieldErrors("rfc") && Rfc.check(rfc) == Rfc.Verdict.MALFORMED) {
            binding.rejectValue("rfc", "supplier.rfc.malformed");
        }
        if (!binding.hasFieldErrors("code") && (repository.findByCode(form.getCode()).isPresent()
                || Clients.PORTAL_TENANT.equals(form.getCode()))) {
            binding.rejectValue("code", "client.code.taken");
        }
        if (!binding.hasFieldErrors("rfc") && repository.findByRfc(rfc).isPresent()) {
            binding.rejectValue("rfc", "client.rfc.taken");
        }
        if (binding.hasErrors()) {
            model.addAttribute("clients", repository.findAll(PageRequest.of(0, 20, Sort.by("code"))));
            return "ops/clients";
        }
        clients.create(form.getCode(), form.getName().strip(), rfc, form.getPostalCode(), form.getTaxRegime());
        redirect.addFlashAttribute("created", form.getCode());
        return "redirect:/ops/clients";
    }
}
