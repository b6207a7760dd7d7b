package mx.supplierportal.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import mx.supplierportal.api.ApiProblem;
import mx.supplierportal.api.IdempotencyKeys;
import mx.supplierportal.supplier.Registrations;
import mx.supplierportal.supplier.Registrations.Registration;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What {@code /api/v1/invoices} does, on top of the intake the pages use ({@link Invoices}): an upload with its
 * documents and, when asked, its sending, as one transaction (a refused document leaves no draft behind); the same
 * CFDI or the same {@code Idempotency-Key} again finds the first invoice; the list across every client of the user.
 */
@Service
class InvoiceApi {

    static final String OPERATION = "invoice.create";
    static final int MAX_PAGE = 100;

    /** A file part of the request. */
    record Part(String name, byte[] content) {
    }

    /** The invoice as the answer shows it, and whether this call created it (201) or found it (200). */
    record Received(InvoiceDetails.Details details, boolean created) {
    }

    /** One page of the list, and the cursor of the next (null on the last page). */
    record Page(List<Invoice> invoices, String next, Map<Long, Registration> registrations) {
    }

    private final Invoices invoices;
    private final InvoiceDetails details;
    private final InvoiceRules rules;
    private final InvoiceRepository repository;
    private final Registrations registrations;
    private final IdempotencyKeys idempotency;

    InvoiceApi(Invoices invoices, InvoiceDetails details, InvoiceRules rules, InvoiceRepository repository,
            Registrations registrations, IdempotencyKeys idempotency) {
        this.invoices = invoices;
        this.details = details;
        this.rules = rules;
        this.repository = repository;
        this.registrations = registrations;
        this.idempotency = idempotency;
    }

    @Transactional
    public Received receive(long userId, String clientRfc, Part xml, Part pdf, Map<String, Part> documents,
            boolean send, String idempotencyKey, String uploadedBy, Locale locale) {
        Registration registration = activeFor(userId, clientRfc);
        Map<String, InvoiceRequirement> asked = new TreeMap<>();
        rules.requirementsOf(registration.clientId()).forEach(r -> asked.put(r.getKey(), r));
        for (String key : documents.keySet()) {
            if (!asked.containsKey(key)) {
                throw ApiProblem.invalidRequest("api.detail.requirementUnknown", key,
                        asked.isEmpty() ? "—" : String.join(", ", asked.keySet()));
            }
        }
        List<byte[]> parts = new ArrayList<>(java.util.Arrays.asList(IdempotencyKeys.text(clientRfc.toUpperCase(
                Locale.ROOT)), xml.content(), pdf == null ? null : pdf.content(),
                IdempotencyKeys.text(Boolean.toString(send))));
        new TreeMap<>(documents).forEach((key, part) -> {
            parts.add(IdempotencyKeys.text(key));
            parts.add(part.content());
        });
        String hash = IdempotencyKeys.hash(parts);
        Optional<Long> earlier = idempotency.earlier(userId, idempotencyKey, OPERATION, hash);
        if (earlier.isPresent()) {
            return new Received(details.withoutCfdi(own(userId, earlier.get())), false);
        }
        Invoices.Upload upload = invoices.upload(registration, xml.name(), xml.content(),
                pdf == null ? null : pdf.name(), pdf == null ? null : pdf.content(), uploadedBy, true);
        Invoice invoice = upload.invoice();
        // the same CFDI again is the invoice already received; documents sent with it complete a draft (or the
        // information the client asked for), and send=true then sends it
        if (invoice.getStatus() == Invoice.Status.DRAFT || invoice.getStatus() == Invoice.Status.MORE_INFO) {
            attachAndSend(userId, invoice, registration, documents, asked, send, uploadedBy, locale);
        }
        idempotency.remember(userId, idempotencyKey, OPERATION, hash, invoice.getId());
        // the answer from what this transaction holds: the invoice is not read again
        return new Received(details.withoutCfdi(invoice, registration), !upload.existing());
    }

    private void attachAndSend(long userId, Invoice invoice, Registration registration, Map<String, Part> documents,
            Map<String, InvoiceRequirement> asked, boolean send, String uploadedBy, Locale locale) {
        for (Map.Entry<String, Part> document : documents.entrySet()) {
            invoices.attach(userId, invoice.getId(), asked.get(document.getKey()).getId(), document.getValue().name(),
                    document.getValue().content(), uploadedBy);
        }
        if (send) {
            // the registration's invoice, locked or created by the upload; not sent while a document is missing
            invoices.send(invoice, registration, locale, true);
        }
    }

    /** The user's active registration with the client of that RFC; else a 422 saying so. */
    Registration activeFor(long userId, String clientRfc) {
        String rfc = clientRfc == null ? "" : clientRfc.strip().toUpperCase(Locale.ROOT);
        List<Registration> withClient = registrations.allOf(userId).stream()
                .filter(r -> r.clientRfc().equalsIgnoreCase(rfc))
                .toList();
        return withClient.stream().filter(r -> r.status() == mx.supplierportal.supplier.RegistrationStatus.ACTIVE)
                .findFirst().orElseThrow(() -> withClient.stream().anyMatch(r -> r.status()
                        == mx.supplierportal.supplier.RegistrationStatus.INVITED)
                        ? ApiProblem.refused("api.detail.invitationPending", withClient.get(0).clientName())
                        : ApiProblem.refused("api.detail.clientUnknown", rfc));
    }

    @Transactional(readOnly = true)
    public Invoice own(long userId, long invoiceId) {
        return repository.findById(invoiceId).filter(i -> registrations.admits(userId, i.getRegistrationId()))
                .orElseThrow(ApiProblem::notFound);
    }

    /** The user's invoices, newest first; {@code client} an RFC, {@code after} the previous page's cursor. */
    @Transactional(readOnly = true)
    public Page page(long userId, Collection<Invoice.Status> statuses, String clientRfc, LocalDate from,
            LocalDate to, String after, int limit) {
        Map<Long, Registration> views = new java.util.HashMap<>();
        registrations.allOf(userId).forEach(r -> views.put(r.id(), r)); // one query: ids, suppliers, clients
        Set<Long> ids = views.keySet();
        if (ids.isEmpty()) {
            return new Page(List.of(), null, Map.of());
        }
        if (clientRfc != null && !clientRfc.isBlank()) {
            String rfc = clientRfc.strip();
            ids = new java.util.HashSet<>(ids);
            ids.removeIf(id -> !views.get(id).clientRfc().equalsIgnoreCase(rfc));
        }
        if (ids.isEmpty()) {
            return new Page(List.of(), null, views);
        }
        OffsetDateTime createdAt = OffsetDateTime.now(ZoneOffset.UTC).plusYears(100);
        long id = Long.MAX_VALUE;
        if (after != null && !after.isBlank()) {
            if (!after.matches("\\d{1,18}_\\d{1,18}")) {
                throw ApiProblem.invalidRequest("api.detail.badParameter", "after");
            }
            String[] parts = after.split("_");
            long micros = Long.parseLong(parts[0]);
            createdAt = Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000)
                    .atOffset(ZoneOffset.UTC);
            id = Long.parseLong(parts[1]);
        }
        LocalDateTime since = from == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : from.atStartOfDay();
        LocalDateTime until = to == null ? LocalDateTime.of(9999, 1, 1, 0, 0) : to.plusDays(1).atStartOfDay();
        int size = Math.max(1, Math.min(MAX_PAGE, limit));
        List<Invoice> rows = repository.apiPage(ids, statuses.isEmpty() ? EnumSet.allOf(Invoice.Status.class)
                : statuses, since, until, createdAt, id, Limit.of(size + 1));
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Invoice last = rows.get(size - 1);
            next = cursorOf(last);
        }
        return new Page(rows, next, views);
    }

    /**
     * The next page starts after this row: its creation instant in microseconds (the databases keep microseconds; a
     * cursor in milliseconds would skip rows created within the same millisecond) and its id.
     */
    static String cursorOf(Invoice invoice) {
        Instant created = invoice.getCreatedAt().toInstant();
        return (created.getEpochSecond() * 1_000_000 + created.getNano() / 1_000) + "_" + invoice.getId();
    }

    /** What the API shows of an invoice: stages with dates, documents, payments (the CFDI is not read again). */
    @Transactional(readOnly = true)
    public InvoiceDetails.Details details(long userId, long invoiceId) {
        return details.withoutCfdi(own(userId, invoiceId));
    }

    @Transactional(readOnly = true)
    public Optional<mx.supplierportal.document.Download> download(long userId, long invoiceId, long documentId) {
        return details.download(userId, invoiceId, documentId);
    }

    @Transactional
    public Invoice send(long userId, long invoiceId, Locale locale) {
        Invoice invoice = own(userId, invoiceId);
        if (invoice.getStatus() != Invoice.Status.DRAFT && invoice.getStatus() != Invoice.Status.MORE_INFO) {
            throw new ApiProblem(org.springframework.http.HttpStatus.CONFLICT, "conflict", "api.detail.notSendable",
                    invoice.getStatus().name());
        }
        invoices.send(userId, invoiceId, locale);
        return invoice;
    }
}
