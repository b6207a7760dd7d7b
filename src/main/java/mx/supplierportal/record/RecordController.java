package mx.supplierportal.record;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import mx.supplierportal.document.DocumentResponses;
import mx.supplierportal.security.SupplierPrincipal;
import mx.supplierportal.supplier.Registrations.Registration;
import mx.supplierportal.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supplier's "Digital record" pages: tabs, fields, uploads, bank accounts, sending. */
@Controller
class RecordController {

    private final DigitalRecords records;
    private final BankAccounts bankAccounts;
    private final MessageSource messages;

    RecordController(DigitalRecords records, BankAccounts bankAccounts, MessageSource messages) {
        this.records = records;
        this.bankAccounts = bankAccounts;
        this.messages = messages;
    }

    @GetMapping("/record")
    String first(@AuthenticationPrincipal SupplierPrincipal supplier, Model model) {
        List<Registration> registrations = records.registrationsOf(supplier.userId());
        if (registrations.size() == 1) {
            return "redirect:/record/" + registrations.get(0).id();
        }
        model.addAttribute("registrations", registrations);
        return "record/choose";
    }

    @GetMapping("/record/{registrationId}")
    String show(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long registrationId,
            @RequestParam(required = false) String tab, @RequestParam(required = false) Long edit, Model model) {
        DigitalRecords.RecordView view = viewOrNotFound(supplier, registrationId);
        model.addAttribute("view", view);
        model.addAttribute("current", view.tab(tab == null ? "" : tab));
        model.addAttribute("edit", edit);
        return "record/record";
    }

    @PostMapping("/record/{registrationId}/fields/{fieldId}")
    String save(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long registrationId,
            @PathVariable long fieldId, @RequestParam String tab, @RequestParam(required = false) String value,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect, Locale locale)
            throws IOException {
        try {
            if (file != null) {
                records.saveFile(supplier.userId(), registrationId, fieldId, file.getOriginalFilename(),
                        file.getBytes(), supplier.email());
            } else {
                records.saveText(supplier.userId(), registrationId, fieldId, value);
            }
            redirect.addFlashAttribute("saved", true);
            return "redirect:/record/" + registrationId + "?tab=" + safe(tab);
        } catch (RecordProblem e) {
            redirect.addFlashAttribute("problem", messages.getMessage(e.messageKey(), e.arguments(), locale));
            return "redirect:/record/" + registrationId + "?tab=" + safe(tab) + "&edit=" + fieldId;
        }
    }

    @PostMapping("/record/{registrationId}/dates/{fieldId}")
    String saveDate(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long registrationId,
            @PathVariable long fieldId, @RequestParam String tab, @RequestParam(required = false) String value,
            RedirectAttributes redirect, Locale locale) {
        try {
            records.saveDate(supplier.userId(), registrationId, fieldId, value);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/record/" + registrationId + "?tab=" + safe(tab);
        } catch (RecordProblem e) {
            redirect.addFlashAttribute("problem", messages.getMessage(e.messageKey(), e.arguments(), locale));
            return "redirect:/record/" + registrationId + "?tab=" + safe(tab) + "&edit=" + fieldId;
        }
    }

    @PostMapping("/record/{registrationId}/bank-accounts")
    String addAccount(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long registrationId,
            @RequestParam String tab, @RequestParam String kind, @RequestParam(required = false) String holder,
            @RequestParam(required = false) String currency, @RequestParam(required = false) String clabe,
            @RequestParam(required = false) String country, @RequestParam(required = false) String bankName,
            @RequestParam(required = false) String swift, @RequestParam(required = false) String iban,
            @RequestParam(required = false) String accountNumber, @RequestParam(required = false) String aba,
            RedirectAttributes redirect, Locale locale) {
        try {
            if ("MX".equals(kind)) {
                bankAccounts.addMexicanAccount(supplier.userId(), registrationId, holder, currency, clabe);
            } else {
                bankAccounts.addForeignAccount(supplier.userId(), registrationId, holder, currency, country, bankName,
                        swift, iban, accountNumber, aba);
            }
            redirect.addFlashAttribute("saved", true);
        } catch (BankAccountProblems e) {
            redirect.addFlashAttribute("accountProblems", e.problems().entrySet().stream()
                    .map(p -> messages.getMessage("bank.field." + p.getKey(), null, locale) + ": "
                            + messages.getMessage(p.getValue(), new Object[] {254}, locale)).sorted().toList());
            redirect.addFlashAttribute("accountKind", kind);
        } catch (RecordProblem e) {
            redirect.addFlashAttribute("problem", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return "redirect:/record/" + registrationId + "?tab=" + safe(tab);
    }

    @PostMapping("/record/{registrationId}/bank-accounts/{accountId}/remove")
    String removeAccount(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long registrationId,
            @PathVariable long accountId, @RequestParam String tab, RedirectAttributes redirect, Locale locale) {
        try {
            bankAccounts.removeAccount(supplier.userId(), registrationId, accountId);
        } catch (RecordProblem e) {
            redirect.addFlashAttribute("problem", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return "redirect:/record/" + registrationId + "?tab=" + safe(tab);
    }

    @GetMapping("/record/{registrationId}/send")
    String confirmSend(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long registrationId,
            Model model) {
        model.addAttribute("view", viewOrNotFound(supplier, registrationId));
        return "record/send";
    }

    @PostMapping("/record/{registrationId}/send")
    String send(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long registrationId,
            RedirectAttributes redirect, Locale locale) {
        try {
            records.send(supplier.userId(), registrationId);
            redirect.addFlashAttribute("sent", true);
        } catch (RecordProblem e) {
            redirect.addFlashAttribute("problem", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return "redirect:/record/" + registrationId;
    }

    @GetMapping("/record/{registrationId}/documents/{documentId}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal SupplierPrincipal supplier,
            @PathVariable long registrationId, @PathVariable long documentId) {
        try {
            return records.download(supplier.userId(), registrationId, documentId)
                    .map(DocumentResponses::of)
                    .orElseThrow(NotFound::new);
        } catch (RecordProblem e) {
            throw new NotFound();
        }
    }

    private DigitalRecords.RecordView viewOrNotFound(SupplierPrincipal supplier, long registrationId) {
        try {
            return records.view(supplier.userId(), registrationId);
        } catch (RecordProblem e) {
            throw new NotFound();
        }
    }

    private static String safe(String tab) {
        return tab == null || !tab.matches("[A-Za-z0-9_-]{1,40}") ? "" : tab;
    }
}
