package mx.supplierportal.invoice;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import mx.supplierportal.cfdi.Finding;
import mx.supplierportal.document.DocumentResponses;
import mx.supplierportal.security.SupplierPrincipal;
import mx.supplierportal.supplier.Registrations.Registration;
import mx.supplierportal.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
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

/** "My CFDIs": To send, In process, an invoice's details, its documents, sending. */
@Controller
class InvoiceController {

    private final Invoices invoices;
    private final InvoiceLists lists;
    private final InvoiceDetails details;
    private final MessageSource messages;

    InvoiceController(Invoices invoices, InvoiceLists lists, InvoiceDetails details, MessageSource messages) {
        this.lists = lists;
        this.details = details;
        this.invoices = invoices;
        this.messages = messages;
    }

    @GetMapping("/invoices")
    String first(@AuthenticationPrincipal SupplierPrincipal supplier, Model model) {
        List<Registration> registrations = lists.registrationsOf(supplier.userId());
        if (registrations.size() == 1) {
            return "redirect:/invoices/" + registrations.get(0).id() + "/to-send";
        }
        model.addAttribute("registrations", registrations);
        return "invoice/choose";
    }

    @GetMapping("/invoices/{registrationId}/to-send")
    String toSend(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long registrationId,
            @RequestParam(required = false) String after, @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        InvoiceLists.Search search = new InvoiceLists.Search(q, from, to);
        model.addAttribute("page", search.isEmpty() ? page(supplier, registrationId, true, after)
                : searchPage(supplier, registrationId, InvoiceLists.Shelf.TO_SEND, search));
        model.addAttribute("search", search);
        model.addAttribute("registrationId", registrationId);
        model.addAttribute("registration", registration(supplier, registrationId));
        return "invoice/to-send";
    }

    /**
     * "In process" (sent, approved, waiting for payment), "Rejected" (those that can be corrected are sent again
     * from their page) and "Paid" (each linking to its payments): one page, with a status filter where the list has
     * more than one status, and a search.
     */
    @GetMapping("/invoices/{registrationId}/{shelf:in-process|rejected|paid}")
    String shelf(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long registrationId,
            @PathVariable("shelf") String path, @RequestParam(required = false) String after,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "newest") String sort,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        InvoiceLists.Shelf shelf = shelfOf(path);
        Invoice.Status only = shelf.statuses().stream().filter(s -> s.name().equals(status)).findFirst()
                .orElse(null);
        InvoiceLists.Search search = new InvoiceLists.Search(q, from, to);
        try {
            model.addAttribute("page", search.isEmpty() ? lists.page(supplier.userId(), registrationId, shelf,
                    only, "oldest".equals(sort), after) : lists.searchPage(supplier.userId(), registrationId,
                    shelf, search));
        } catch (InvoiceProblem e) {
            throw new NotFound();
        }
        model.addAttribute("search", search);
        model.addAttribute("shelf", shelf.name());
        model.addAttribute("shelfPath", shelf.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        model.addAttribute("statuses", shelf.statuses().size() > 1 ? shelf.statuses().stream().map(Enum::name)
                .toList() : List.of());
        model.addAttribute("status", only == null ? "" : only.name());
        model.addAttribute("sort", "oldest".equals(sort) ? "oldest" : "newest");
        model.addAttribute("registrationId", registrationId);
        model.addAttribute("registration", registration(supplier, registrationId));
        return "invoice/in-process";
    }

    @PostMapping("/invoices/{registrationId}")
    String upload(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long registrationId,
            @RequestParam(required = false) MultipartFile xml, @RequestParam(required = false) MultipartFile pdf,
            RedirectAttributes redirect, Locale locale) throws IOException {
        try {
            Invoice invoice = invoices.upload(supplier.userId(), registrationId,
                    xml == null ? null : xml.getOriginalFilename(), xml == null ? null : xml.getBytes(),
                    pdf == null ? null : pdf.getOriginalFilename(), pdf == null || pdf.isEmpty() ? null : pdf.getBytes(),
                    supplier.email());
            // the same CFDI of a rejected invoice reopens it as its next attempt
            redirect.addFlashAttribute(invoice.getAttempt() > 1 ? "reopened" : "uploaded", true);
            return "redirect:/invoice/" + invoice.getId();
        } catch (InvoiceProblem e) {
            notFoundIfNotOwn(e);
            redirect.addFlashAttribute("problems", describe(e, locale));
            return "redirect:/invoices/" + registrationId + "/to-send";
        }
    }

    @GetMapping("/invoice/{invoiceId}")
    String details(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long invoiceId, Model model) {
        try {
            model.addAttribute("d", details.details(supplier.userId(), invoiceId));
        } catch (InvoiceProblem e) {
            throw new NotFound();
        }
        return "invoice/detail";
    }

    @PostMapping("/invoice/{invoiceId}/documents/{requirementId}")
    String attach(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long invoiceId,
            @PathVariable long requirementId, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect, Locale locale) throws IOException {
        try {
            invoices.attach(supplier.userId(), invoiceId, requirementId,
                    file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes(),
                    supplier.email());
        } catch (InvoiceProblem e) {
            notFoundIfNotOwn(e);
            redirect.addFlashAttribute("problems", describe(e, locale));
        }
        return "redirect:/invoice/" + invoiceId;
    }

    @PostMapping("/invoice/{invoiceId}/send")
    String send(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long invoiceId,
            RedirectAttributes redirect, Locale locale) {
        return onInvoice(invoiceId, "sent", redirect, locale, () -> invoices.send(supplier.userId(), invoiceId,
                locale));
    }

    @PostMapping("/invoice/{invoiceId}/reopen")
    String reopen(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long invoiceId,
            RedirectAttributes redirect, Locale locale) {
        return onInvoice(invoiceId, "reopened", redirect, locale, () -> invoices.reopen(supplier.userId(),
                invoiceId));
    }

    /** An action on one invoice, back to its page: a one-time flag when it worked, the problems when not. */
    private String onInvoice(long invoiceId, String flag, RedirectAttributes redirect, Locale locale,
            Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute(flag, true);
        } catch (InvoiceProblem e) {
            notFoundIfNotOwn(e);
            redirect.addFlashAttribute("problems", describe(e, locale));
        }
        return "redirect:/invoice/" + invoiceId;
    }

    @PostMapping("/invoice/{invoiceId}/delete")
    String delete(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long invoiceId,
            @RequestParam long registrationId, RedirectAttributes redirect, Locale locale) {
        try {
            invoices.deleteDraft(supplier.userId(), invoiceId);
            redirect.addFlashAttribute("deleted", true);
        } catch (InvoiceProblem e) {
            notFoundIfNotOwn(e);
            redirect.addFlashAttribute("problems", describe(e, locale));
            return "redirect:/invoice/" + invoiceId;
        }
        return "redirect:/invoices/" + registrationId + "/to-send";
    }

    @GetMapping("/invoice/{invoiceId}/files/{documentId}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long invoiceId,
            @PathVariable long documentId) {
        try {
            return details.download(supplier.userId(), invoiceId, documentId)
                    .map(DocumentResponses::of).orElseThrow(NotFound::new);
        } catch (InvoiceProblem e) {
            throw new NotFound();
        }
    }

    /** A list as CSV (opens in Excel), with the same search as the page; at most {@value Invoices#EXPORT_LIMIT}. */
    @GetMapping("/invoices/{registrationId}/{shelf:to-send|in-process|rejected|paid}/export.csv")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal SupplierPrincipal supplier,
            @PathVariable long registrationId, @PathVariable("shelf") String path,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Locale locale) {
        InvoiceLists.Shelf shelf = shelfOf(path);
        List<Invoice> rows;
        try {
            rows = lists.search(supplier.userId(), registrationId, shelf, new InvoiceLists.Search(q, from, to),
                    InvoiceLists.EXPORT_LIMIT);
        } catch (InvoiceProblem e) {
            throw new NotFound();
        }
        List<String> headings = java.util.stream.Stream.of("invoice.col.serieFolio", "invoice.col.uuid",
                "invoice.col.date", "invoice.col.total", "payment.col.currency", "suppliers.col.status",
                "invoice.col.stage", "invoice.col.paymentScheduled", "payment.col.paidSoFar")
                .map(key -> messages.getMessage(key, null, locale)).toList();
        List<List<Object>> lines = rows.stream().map(i -> List.<Object>of(i.serieFolio(), i.getUuid(),
                mx.supplierportal.web.Formats.date(i.getIssuedAt()), plain(i.getTotal()), i.getCurrency(),
                messages.getMessage("invoice.status." + i.getStatus(), null, locale),
                messages.getMessage("invoice.stage." + i.getStage(), null, locale),
                mx.supplierportal.web.Formats.date(i.getScheduledPaymentDate()), plain(i.getPaidAmount())))
                .toList();
        return mx.supplierportal.web.CsvDownload.of(messages.getMessage("invoice.export.file",
                new Object[] {messages.getMessage("invoice.shelf." + shelf.name(), null, locale)}, locale) + ".csv",
                headings, lines);
    }

    /** An amount for a spreadsheet: two decimals, a point, no thousands separator. */
    private static String plain(java.math.BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static InvoiceLists.Shelf shelfOf(String path) {
        return InvoiceLists.Shelf.valueOf(path.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private InvoiceLists.Page searchPage(SupplierPrincipal supplier, long registrationId, InvoiceLists.Shelf shelf,
            InvoiceLists.Search search) {
        try {
            return lists.searchPage(supplier.userId(), registrationId, shelf, search);
        } catch (InvoiceProblem e) {
            throw new NotFound();
        }
    }

    private InvoiceLists.Page page(SupplierPrincipal supplier, long registrationId, boolean toSend, String after) {
        try {
            return lists.page(supplier.userId(), registrationId, toSend, after);
        } catch (InvoiceProblem e) {
            throw new NotFound();
        }
    }

    private Registration registration(SupplierPrincipal supplier, long registrationId) {
        return lists.registrationsOf(supplier.userId()).stream().filter(r -> r.id() == registrationId)
                .findFirst().orElseThrow(NotFound::new);
    }

    private static void notFoundIfNotOwn(InvoiceProblem e) {
        if ("invoice.notFound".equals(e.messageKey())) {
            throw new NotFound();
        }
    }

    /** One line per finding ("CODE: message") in the supplier's language, or the problem's own message. */
    private List<String> describe(InvoiceProblem e, Locale locale) {
        if (!e.findings().isEmpty()) {
            // the sentence first, the rule's code after it (shown small): "El RFC del receptor no es … (CTX-RECEPTOR)"
            return e.findings().stream().map((Finding f) -> f.message(locale) + " (" + f.code() + ")").toList();
        }
        return List.of(messages.getMessage(e.messageKey(), e.arguments(), locale));
    }
}
