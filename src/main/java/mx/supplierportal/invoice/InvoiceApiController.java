package mx.supplierportal.invoice;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mx.supplierportal.api.ApiController;
import mx.supplierportal.api.ApiJson;
import mx.supplierportal.api.ApiPrincipal;
import mx.supplierportal.api.ApiScope;
import mx.supplierportal.api.RequiresScope;
import mx.supplierportal.api.ApiProblem;
import mx.supplierportal.api.ApiProblems;
import mx.supplierportal.api.IdempotencyKeys;
import mx.supplierportal.document.DocumentResponses;
import mx.supplierportal.supplier.Registrations.Registration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** {@code /api/v1/invoices}: the supplier's ERP uploads, sends and follows its CFDI invoices. */
@ApiController
@RequestMapping("/api/v1/invoices")
@Tag(name = "Facturas", description = "CFDI de ingreso que el proveedor envía a sus clientes, y su avance.")
@SecurityRequirement(name = "token")
class InvoiceApiController {

    private static final java.util.Set<String> OTHER_PARTS = java.util.Set.of("xml", "pdf", "client", "send");

    private final InvoiceApi api;

    InvoiceApiController(InvoiceApi api) {
        this.api = api;
    }

    @Schema(name = "Client", description = "The client the invoice is for.")
    record ClientView(@Schema(example = "MCI7306249Y1") String rfc,
            @Schema(example = "Municipio de Cuautitlán Izcalli") String name) {
    }

    @Schema(name = "StageEvent", description = "A step of the invoice at the client, in Mexico City time.")
    record StageView(@Schema(example = "REVIEW") String stage, @Schema(example = "IN_PROCESS") String status,
            OffsetDateTime at) {
    }

    @Schema(name = "InvoicePayment", description = "A payment that covered (part of) the invoice.")
    record PaymentView(long id, @Schema(example = "PAG-2026-0042") String number, LocalDate paidOn,
            @Schema(example = "6670.00") BigDecimal amount) {
    }

    @Schema(name = "Invoice", description = "An invoice received by the portal. In lists, stages, payments, "
            + "warnings and missingDocuments are left out.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InvoiceView(long id, @Schema(example = "5E2D6AFF-2DD7-43D1-83D3-14C1ACA396D9") String uuid,
            @Schema(example = "A") String serie, @Schema(example = "1234") String folio, ClientView client,
            @Schema(description = "DRAFT (to send), IN_PROCESS, MORE_INFO, APPROVED, REJECTED, PAID") String status,
            @Schema(description = "RECEIVED, REVIEW, APPROVAL, PAYMENT_SCHEDULED, PAID") String stage,
            LocalDateTime issuedAt, @Schema(example = "6670.00") BigDecimal total,
            @Schema(example = "MXN") String currency, @Schema(example = "PUE") String paymentMethod,
            @Schema(description = "Set once treasury schedules it") LocalDate scheduledPaymentDate,
            BigDecimal paidAmount, OffsetDateTime sentAt,
            @Schema(description = "Why the client rejected it") String rejectionReason,
            @Schema(description = "What the client asked to add (status MORE_INFO)") String informationRequested,
            @Schema(description = "Warnings found at upload (they do not prevent receiving it)")
            List<Map<String, Object>> warnings,
            @Schema(description = "Keys of required documents still missing") List<String> missingDocuments,
            List<StageView> stages, List<PaymentView> payments, Map<String, String> links) {
    }

    @Schema(name = "InvoicePage", description = "Newest first; pass `next` as `after` for the following page.")
    record PageView(List<InvoiceView> items, @Schema(description = "null on the last page") String next) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresScope(ApiScope.INVOICES_WRITE)
    @Operation(summary = "Subir una factura (CFDI XML + PDF + documentos requeridos)", description = """
            Validates the CFDI as the portal's pages do (structure, seal, SAT stamp, receiver = the client, dates, \
            69-B list) and keeps it as a draft with its PDF and the documents the client asks for (each as a part \
            named by its requirement key, e.g. `orden-compra`). With `send=true` it is sent at once when nothing is \
            missing. **Idempotent**: the same CFDI again returns the invoice already received (200) — with \
            documents, they complete it while it is to send or waiting for information, and `send=true` then sends \
            it —, and an \
            `Idempotency-Key` header is honoured for 24 hours (the same key with another request → 422 \
            `idempotency-key-reused`). Scope `invoices:write`.""")
    @ApiResponse(responseCode = "201", description = "Received (a draft, or sent with send=true)")
    @ApiResponse(responseCode = "200", description = "Already received: the existing invoice")
    @ApiResponse(responseCode = "422", description = "The CFDI was refused: every finding with its code",
            content = @Content(mediaType = "application/problem+json", examples =
            @io.swagger.v3.oas.annotations.media.ExampleObject(value = """
                    {"type":"/api/problems/invalid-cfdi","title":"El CFDI no se puede recibir","status":422,
                     "detail":"El CFDI tiene 1 observación(es) que impiden recibirlo; cada una trae su código y qué \
                    corregir. No se guardó nada.","findings":[{"code":"CTX-RECEPTOR","severity":"ERROR",
                     "message":"El RFC del receptor (XAXX010101000) no es el de Municipio de Cuautitlán Izcalli \
                    (MCI7306249Y1)."}]}""")))
    ResponseEntity<InvoiceView> upload(@AuthenticationPrincipal ApiPrincipal caller,
            @Parameter(description = "The CFDI 4.0 XML, stamped") @RequestPart("xml") MultipartFile xml,
            @Parameter(description = "Its printed representation (PDF); required when the client asks for it")
            @RequestPart(value = "pdf", required = false) MultipartFile pdf,
            @Parameter(description = "The client's RFC", example = "MCI7306249Y1") @RequestParam("client")
            String client,
            @Parameter(description = "Send it at once when nothing is missing") @RequestParam(defaultValue = "false")
            boolean send,
            @Parameter(description = "Any unique string per invoice, e.g. your ERP's document id")
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            MultipartHttpServletRequest request) throws IOException {
        Locale locale = ApiProblems.localeOf(request);
        Map<String, InvoiceApi.Part> documents = new LinkedHashMap<>();
        for (Map.Entry<String, List<MultipartFile>> part : request.getMultiFileMap().entrySet()) {
            if (!OTHER_PARTS.contains(part.getKey()) && !part.getValue().isEmpty()) {
                MultipartFile file = part.getValue().get(0);
                documents.put(part.getKey(), new InvoiceApi.Part(file.getOriginalFilename(), file.getBytes()));
            }
        }
        InvoiceApi.Part xmlPart = new InvoiceApi.Part(xml.getOriginalFilename(), xml.getBytes());
        InvoiceApi.Part pdfPart = pdf == null || pdf.isEmpty() ? null
                : new InvoiceApi.Part(pdf.getOriginalFilename(), pdf.getBytes());
        InvoiceApi.Received received = onceMoreIfRaced(() -> translated(() -> api.receive(caller.userId(), client,
                xmlPart, pdfPart, documents, send, IdempotencyKeys.check(idempotencyKey), caller.getName(), locale)));
        InvoiceDetails.Details d = received.details();
        InvoiceView view = view(d.invoice(), d.registration(), d, locale);
        return received.created() ? ResponseEntity.created(URI.create(view.links().get("self"))).body(view)
                : ResponseEntity.ok(view);
    }

    @PostMapping("/{id}/send")
    @RequiresScope(ApiScope.INVOICES_WRITE)
    @Operation(summary = "Enviar una factura al cliente", description = """
            Sends a draft (or the information the client asked for). Refused (422) while a required document is \
            missing; 409 when the invoice is neither to send nor waiting for information. Scope `invoices:write`.""")
    InvoiceView send(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable long id,
            HttpServletRequest request) {
        Locale locale = ApiProblems.localeOf(request);
        translated(() -> api.send(caller.userId(), id, locale));
        return detailed(caller, id, locale);
    }

    @GetMapping
    @RequiresScope(ApiScope.INVOICES_READ)
    @Operation(summary = "Listar facturas", description = """
            The user's invoices for every client it is registered with, newest first, by cursor pages. \
            Scope `invoices:read`.""")
    PageView list(@AuthenticationPrincipal ApiPrincipal caller,
            @Parameter(description = "Only these statuses (repeat the parameter)") @RequestParam(required = false)
            List<Invoice.Status> status,
            @Parameter(description = "Only this client's (RFC)", example = "MCI7306249Y1")
            @RequestParam(required = false) String client,
            @Parameter(description = "Issued on or after this day") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Issued on or before this day") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "The previous page's `next`") @RequestParam(required = false) String after,
            @Parameter(description = "1 to 100") @RequestParam(defaultValue = "50") int limit) {
        InvoiceApi.Page page = api.page(caller.userId(), status == null ? List.of() : status, client, from, to,
                after, limit);
        return new PageView(page.invoices().stream().map(i -> view(i, page.registrations().get(i.getRegistrationId()),
                null, null)).toList(), page.next());
    }

    @GetMapping("/{id}")
    @RequiresScope(ApiScope.INVOICES_READ)
    @Operation(summary = "Una factura: etapas con fechas, fecha de pago programada, motivo de rechazo", description =
            "Scope `invoices:read`. Another supplier's invoice is 404, like one that does not exist.")
    InvoiceView one(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable long id, HttpServletRequest request) {
        return detailed(caller, id, ApiProblems.localeOf(request));
    }

    @GetMapping(value = "/{id}/xml", produces = "application/xml")
    @RequiresScope(ApiScope.INVOICES_READ)
    @Operation(summary = "El XML del CFDI", description = "Scope `invoices:read`.")
    ResponseEntity<byte[]> xml(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable long id) {
        Invoice invoice = api.own(caller.userId(), id);
        return download(caller, invoice, invoice.getXmlDocumentId());
    }

    @GetMapping(value = "/{id}/pdf", produces = "application/pdf")
    @RequiresScope(ApiScope.INVOICES_READ)
    @Operation(summary = "El PDF de la factura", description = "Scope `invoices:read`. 404 when none was uploaded.")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable long id) {
        Invoice invoice = api.own(caller.userId(), id);
        if (invoice.getPdfDocumentId() == null) {
            throw ApiProblem.notFound();
        }
        return download(caller, invoice, invoice.getPdfDocumentId());
    }

    private ResponseEntity<byte[]> download(ApiPrincipal caller, Invoice invoice, long documentId) {
        return api.download(caller.userId(), invoice.getId(), documentId).map(DocumentResponses::of)
                .orElseThrow(ApiProblem::notFound);
    }

    private InvoiceView detailed(ApiPrincipal caller, long id, Locale locale) {
        InvoiceDetails.Details d = api.details(caller.userId(), id);
        return view(d.invoice(), d.registration(), d, locale);
    }

    private InvoiceView view(Invoice i, Registration registration, InvoiceDetails.Details d, Locale locale) {
        String self = "/api/v1/invoices/" + i.getId();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", self);
        links.put("xml", self + "/xml");
        if (i.getPdfDocumentId() != null) {
            links.put("pdf", self + "/pdf");
        }
        if (i.getStatus() == Invoice.Status.DRAFT || i.getStatus() == Invoice.Status.MORE_INFO) {
            links.put("send", self + "/send");
        }
        return new InvoiceView(i.getId(), i.getUuid(), i.getSerie(), i.getFolio(),
                new ClientView(i.getReceptorRfc(), registration == null ? null : registration.clientName()),
                i.getStatus().name(), i.getStage().name(), i.getIssuedAt(), ApiJson.amount(i.getTotal()), i.getCurrency(),
                i.getPaymentMethod(), i.getScheduledPaymentDate(), ApiJson.amount(i.getPaidAmount()), i.getSentAt(),
                i.getRejectReason(), i.getStatus() == Invoice.Status.MORE_INFO ? i.getInfoRequest() : null,
                d == null ? null : ApiProblems.findings(d.supplierWarnings(), locale),
                d == null ? null : d.missing(),
                d == null ? null : d.events().stream().map(e -> new StageView(e.stage(), e.status(), e.at())).toList(),
                d == null ? null : d.payments().stream().map(p -> new PaymentView(p.paymentId(), p.number(),
                        p.paidOn(), ApiJson.amount(p.amount()))).toList(),
                links);
    }

    /**
     * The same CFDI (or the same {@code Idempotency-Key}) sent twice at the same moment — an ERP retrying after a
     * timeout — makes both requests insert it: the unique index lets the first commit and fails the second, which
     * then looks again, in a new transaction, and finds what the first received (200) instead of answering an error.
     */
    private static <T> T onceMoreIfRaced(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (org.springframework.dao.DataIntegrityViolationException raced) {
            return action.get();
        }
    }

    /** The intake's refusals as problems: another's invoice 404, a refused CFDI 422 with its findings. */
    private static <T> T translated(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (InvoiceProblem e) {
            if ("invoice.notFound".equals(e.messageKey())) {
                throw ApiProblem.notFound();
            }
            if (!e.findings().isEmpty()) {
                throw ApiProblem.invalidCfdi(e.findings());
            }
            throw ApiProblem.refused(e.messageKey(), e.arguments());
        }
    }
}
