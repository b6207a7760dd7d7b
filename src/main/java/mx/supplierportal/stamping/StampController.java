package mx.supplierportal.stamping;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import mx.supplierportal.document.DocumentResponses;
import mx.supplierportal.document.Documents;
import mx.supplierportal.security.CurrentUser;
import mx.supplierportal.signup.Folios;
import mx.supplierportal.signup.StampingAccounts;
import mx.supplierportal.signup.StampingAccounts.Issuer;
import mx.supplierportal.stamping.StampingConfiguration.StampingAvailability;
import mx.supplierportal.web.NotFound;
import org.springframework.data.domain.Limit;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * "Timbrar CFDI" and "Mis timbres" for a self-registered business: upload, follow, download. Every id in a path is
 * looked up within the signed-in user's own account; another account's is "not found".
 */
@Controller
class StampController {

    static final int PAGE = 25;

    private final StampingAccounts accounts;
    private final StampUploads uploads;
    private final StampRequestRepository requests;
    private final Folios folios;
    private final Documents documents;
    private final StampingAvailability availability;
    private final StampDeliveries deliveries;
    private final org.springframework.context.MessageSource messages;

    StampController(StampingAccounts accounts, StampUploads uploads, StampRequestRepository requests, Folios folios,
            Documents documents, StampingAvailability availability, StampDeliveries deliveries,
            org.springframework.context.MessageSource messages) {
        this.deliveries = deliveries;
        this.messages = messages;
        this.accounts = accounts;
        this.uploads = uploads;
        this.requests = requests;
        this.folios = folios;
        this.documents = documents;
        this.availability = availability;
    }

    @ModelAttribute("testPac")
    boolean testPac() {
        return availability.testPac();
    }

    @GetMapping("/stamps")
    String list(@RequestParam(required = false) Long before, @RequestParam(name = "q", required = false) String search,
            Model model) {
        Issuer issuer = issuer();
        String q = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        List<StampRequest> page = requests.page(issuer.accountId(), before == null ? Long.MAX_VALUE : before, q,
                Limit.of(PAGE + 1));
        model.addAttribute("issuer", issuer);
        model.addAttribute("stamps", page.subList(0, Math.min(PAGE, page.size())));
        model.addAttribute("q", search == null ? "" : search.strip());
        model.addAttribute("olderThan", page.size() > PAGE ? page.get(PAGE - 1).getId() : null);
        model.addAttribute("firstPage", before == null);
        model.addAttribute("used", requests.countByAccountIdAndStatus(issuer.accountId(),
                StampRequest.Status.STAMPED));
        return "stamping/list";
    }

    @GetMapping("/stamps/new")
    String form(Model model) {
        return form(model, List.of());
    }

    @PostMapping("/stamps/new")
    String upload(@RequestParam(name = "xml", required = false) MultipartFile xml,
            @RequestParam(required = false) String serie, Model model) throws IOException {
        Issuer issuer = issuer();
        if (!availability.enabled()) {
            throw new NotFound();
        }
        try {
            StampRequest request = uploads.upload(issuer.userId(), xml == null ? null : xml.getOriginalFilename(),
                    xml == null ? null : xml.getBytes(), serie);
            return "redirect:/stamps/" + request.getId() + "?sent";
        } catch (StampUploads.Refused refused) {
            model.addAttribute("serie", serie);
            return form(model, refused.findings());
        }
    }

    @GetMapping("/stamps/{id}")
    String show(@PathVariable long id, Model model) {
        Issuer issuer = issuer();
        model.addAttribute("issuer", issuer);
        StampRequest stamp = requests.findByIdAndAccountId(id, issuer.accountId()).orElseThrow(NotFound::new);
        model.addAttribute("stamp", stamp);
        model.addAttribute("destination", deliveries.destinationOf(issuer.userId(), stamp).orElse(null));
        return "stamping/show";
    }

    /** "Enviar a mi cliente": into the client's Por enviar, or the client's reasons why not. */
    @PostMapping("/stamps/{id}/client")
    String sendToClient(@PathVariable long id, Locale locale,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        Issuer issuer = issuer();
        try {
            deliveries.send(issuer.userId(), id);
            redirect.addFlashAttribute("sentToClient", true);
        } catch (mx.supplierportal.invoice.InvoiceProblem problem) {
            List<String> reasons = problem.findings().isEmpty()
                    ? List.of(messages.getMessage(problem.messageKey(), problem.arguments(), locale))
                    : problem.findings().stream().map(f -> f.message(locale)).toList();
            redirect.addFlashAttribute("clientRefused", reasons);
        }
        return "redirect:/stamps/" + id;
    }

    @GetMapping("/stamps/{id}/xml")
    ResponseEntity<byte[]> xml(@PathVariable long id) {
        StampRequest request = requests.findByIdAndAccountId(id, issuer().accountId()).orElseThrow(NotFound::new);
        if (request.getStampedDocumentId() == null) {
            throw new NotFound();
        }
        return DocumentResponses.of(documents.download(request.getStampedDocumentId()).orElseThrow(NotFound::new));
    }

    @GetMapping("/stamps/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        StampRequest request = requests.findByIdAndAccountId(id, issuer().accountId()).orElseThrow(NotFound::new);
        if (request.getPdfDocumentId() == null) {
            throw new NotFound();
        }
        return DocumentResponses.of(documents.download(request.getPdfDocumentId()).orElseThrow(NotFound::new));
    }

    private String form(Model model, List<mx.supplierportal.cfdi.Finding> findings) {
        Issuer issuer = issuer();
        model.addAttribute("issuer", issuer);
        model.addAttribute("series", folios.active(issuer.userId()));
        model.addAttribute("findings", findings);
        model.addAttribute("enabled", availability.enabled());
        return "stamping/new";
    }

    private Issuer issuer() {
        long userId = CurrentUser.supplier().orElseThrow(NotFound::new).userId();
        return accounts.ofUser(userId).orElseThrow(NotFound::new);
    }
}
