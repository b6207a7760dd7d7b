package mx.supplierportal.payment;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import mx.supplierportal.security.SupplierPrincipal;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supplier's "Payments > Archive", a payment's details, and the payment complement upload. */
@Controller
class PaymentController {

    private final PaymentArchive payments;
    private final Complements complements;
    private final MessageSource messages;

    PaymentController(PaymentArchive payments, Complements complements, MessageSource messages) {
        this.payments = payments;
        this.complements = complements;
        this.messages = messages;
    }

    @GetMapping("/payments")
    String archive(@AuthenticationPrincipal SupplierPrincipal supplier, @RequestParam(required = false) String after,
            Model model) {
        model.addAttribute("page", payments.archive(supplier.userId(), after));
        return "payment/archive";
    }

    /** The archive as CSV (opens in Excel): every payment of this person's registrations, newest first. */
    @GetMapping("/payments/export.csv")
    org.springframework.http.ResponseEntity<byte[]> export(@AuthenticationPrincipal SupplierPrincipal supplier,
            Locale locale) {
        List<List<Object>> lines = new java.util.ArrayList<>();
        String after = null;
        do {
            PaymentArchive.ArchivePage page = payments.archive(supplier.userId(), after);
            for (PaymentArchive.ArchiveRow row : page.rows()) {
                Payment p = row.payment();
                lines.add(List.of(p.getNumber(), row.clientName(), mx.supplierportal.web.Formats.date(p.getPaidOn()),
                        p.getAmount().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(), p.getCurrency(),
                        row.invoiceCount(),
                        messages.getMessage("payment.rep.status." + p.getComplementStatus(),
                                new Object[] {mx.supplierportal.web.Formats.date(p.getComplementDue())}, locale)));
            }
            after = page.next();
        } while (after != null && lines.size() < mx.supplierportal.invoice.InvoiceLists.EXPORT_LIMIT);
        List<String> headings = java.util.stream.Stream.of("payment.col.number", "payment.col.client",
                "payment.col.date", "payment.col.amount", "payment.col.currency", "payment.col.invoices",
                "payment.col.complement").map(key -> messages.getMessage(key, null, locale)).toList();
        return mx.supplierportal.web.CsvDownload.of(messages.getMessage("payment.export.file", null, locale) + ".csv",
                headings, lines);
    }

    @GetMapping("/payments/{paymentId}")
    String details(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long paymentId, Model model) {
        model.addAttribute("d", payments.ofSupplier(supplier.userId(), paymentId));
        return "payment/detail";
    }

    @PostMapping("/payments/{paymentId}/complement")
    String complement(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long paymentId,
            @RequestParam(required = false) MultipartFile xml, RedirectAttributes redirect, Locale locale)
            throws IOException {
        try {
            Complements.Accepted accepted = complements.upload(supplier.userId(), paymentId,
                    xml == null ? null : xml.getOriginalFilename(), xml == null ? null : xml.getBytes(), supplier.email(),
                    locale);
            redirect.addFlashAttribute("complementAccepted", true);
            redirect.addFlashAttribute("satUnconfirmed", !accepted.satConfirmed());
            redirect.addFlashAttribute("complementWarnings", accepted.warnings());
        } catch (PaymentProblem e) {
            redirect.addFlashAttribute("problems", describe(messages, e, locale));
        }
        return "redirect:/payments/" + paymentId;
    }

    static List<String> describe(MessageSource messages, PaymentProblem problem, Locale locale) {
        return problem.messages().stream().map(m -> m.key() == null ? m.text()
                : messages.getMessage(m.key(), m.arguments(), locale)).toList();
    }
}
