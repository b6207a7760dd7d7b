package mx.supplierportal.stamping;

import java.util.Optional;
import mx.supplierportal.document.Documents;
import mx.supplierportal.invoice.Invoice;
import mx.supplierportal.invoice.Invoices;
import mx.supplierportal.signup.StampingAccounts;
import mx.supplierportal.supplier.Registrations;
import mx.supplierportal.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Enviar a mi cliente": a stamped CFDI whose receiver is a client this user answers for (an active registration the
 * user was admitted to, whose client has the receiver's RFC) goes into that client's Mis CFDI › Por enviar as a draft,
 * with its PDF — through the invoice reception's own upload, so every rule of that client applies (its date window,
 * the stamp's certificate being trusted, a CFDI already received).
 */
@Service
public class StampDeliveries {

    /** Where a stamped CFDI can go. */
    public record Destination(long registrationId, String clientName) {
    }

    private final StampRequestRepository requests;
    private final StampingAccounts accounts;
    private final Registrations registrations;
    private final Invoices invoices;
    private final Documents documents;

    StampDeliveries(StampRequestRepository requests, StampingAccounts accounts, Registrations registrations,
            Invoices invoices, Documents documents) {
        this.requests = requests;
        this.accounts = accounts;
        this.registrations = registrations;
        this.invoices = invoices;
        this.documents = documents;
    }

    /** The client the stamped CFDI is for, when this user answers for it there; empty otherwise. */
    @Transactional(readOnly = true)
    public Optional<Destination> destinationOf(long userId, StampRequest request) {
        if (request.getStatus() != StampRequest.Status.STAMPED) {
            return Optional.empty();
        }
        return registrations.activeOf(userId).stream()
                .filter(registration -> registration.clientRfc().equalsIgnoreCase(request.getReceiverRfc()))
                .findFirst().map(registration -> new Destination(registration.id(), registration.clientName()));
    }

    /**
     * Puts the stamped CFDI (and its PDF) in the client's Por enviar; returns the draft. Throws
     * {@link mx.supplierportal.invoice.InvoiceProblem} with the client's reasons when its reception refuses it.
     */
    @Transactional
    public Invoice send(long userId, long requestId) {
        long accountId = accounts.ofUser(userId).orElseThrow(NotFound::new).accountId();
        StampRequest request = requests.findByIdAndAccountId(requestId, accountId).orElseThrow(NotFound::new);
        Destination destination = destinationOf(userId, request).orElseThrow(NotFound::new);
        var xml = documents.find(request.getStampedDocumentId()).orElseThrow();
        var pdf = request.getPdfDocumentId() == null ? null : documents.find(request.getPdfDocumentId()).orElseThrow();
        return invoices.upload(userId, destination.registrationId(), xml.getDeclaredName(), documents.content(xml),
                pdf == null ? null : pdf.getDeclaredName(), pdf == null ? null : documents.content(pdf),
                "stamp-" + userId);
    }
}
