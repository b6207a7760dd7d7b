package mx.supplierportal.invoice;

import mx.supplierportal.client.Clients;
import mx.supplierportal.document.DocumentResponses;
import mx.supplierportal.security.StaffPrincipal;
import mx.supplierportal.web.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The staff page of an invoice (linked from the Tasklist forms): data, XML, PDF and documents. */
@Controller
class InvoiceStaffController {

    private final InvoiceRepository invoiceRepository;
    private final InvoiceDetails details;
    private final Clients clients;
    private final mx.supplierportal.document.Documents documents;

    InvoiceStaffController(InvoiceRepository invoiceRepository, InvoiceDetails details, Clients clients,
            mx.supplierportal.document.Documents documents) {
        this.invoiceRepository = invoiceRepository;
        this.details = details;
        this.clients = clients;
        this.documents = documents;
    }

    @GetMapping("/staff/invoices/{invoiceId}")
    @Transactional(readOnly = true)
    public String show(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long invoiceId, Model model) {
        model.addAttribute("d", details.details(visible(staff, invoiceId)));
        model.addAttribute("staffView", true);
        return "invoice/detail";
    }

    @GetMapping("/staff/invoices/{invoiceId}/files/{documentId}")
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> download(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long invoiceId,
            @PathVariable long documentId) {
        Invoice invoice = visible(staff, invoiceId);
        if (!details.belongs(invoice, documentId)) {
            throw new NotFound();
        }
        return documents.download(documentId).map(DocumentResponses::of)
                .orElseThrow(NotFound::new);
    }

    /** Only staff of the invoice's client, and never a draft (the client sees invoices once they are sent). */
    private Invoice visible(StaffPrincipal staff, long invoiceId) {
        return invoiceRepository.findById(invoiceId)
                .filter(i -> i.getStatus() != Invoice.Status.DRAFT)
                .filter(i -> clients.findById(i.getClientId()).map(c -> staff.worksFor(c.getCode())).orElse(false))
                .orElseThrow(NotFound::new);
    }
}
