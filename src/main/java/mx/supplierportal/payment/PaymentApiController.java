package mx.supplierportal.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import mx.supplierportal.api.ApiController;
import mx.supplierportal.api.ApiJson;
import mx.supplierportal.api.ApiPrincipal;
import mx.supplierportal.api.ApiScope;
import mx.supplierportal.api.RequiresScope;
import mx.supplierportal.api.ApiProblem;
import mx.supplierportal.api.ApiProblems;
import mx.supplierportal.cfdi.Finding;
import mx.supplierportal.web.NotFound;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/payments}: what the supplier's clients paid, the invoices each payment covers, and REP upload. */
@ApiController
@RequestMapping("/api/v1/payments")
@Tag(name = "Pagos", description = "Pagos registrados por la tesorería de tus clientes (un pago puede cubrir varias "
        + "facturas) y sus complementos de pago (REP).")
@SecurityRequirement(name = "token")
class PaymentApiController {

    private final PaymentArchive archive;
    private final Complements complements;
    private final org.springframework.context.MessageSource messages;

    PaymentApiController(PaymentArchive archive, Complements complements,
            org.springframework.context.MessageSource messages) {
        this.archive = archive;
        this.complements = complements;
        this.messages = messages;
    }

    @Schema(name = "PaymentCovers", description = "One invoice a payment covers")
    record CoveredView(long invoiceId, @Schema(example = "A-1234") String serieFolio, String uuid,
            @Schema(example = "3327.01") BigDecimal amount, @Schema(description = "PPD invoices are paid in parts")
            int installment, BigDecimal balanceAfter) {
    }

    @Schema(name = "Payment")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PaymentView(long id, @Schema(example = "PAG-2026-0042") String number,
            @Schema(example = "Municipio de Cuautitlán Izcalli") String clientName, LocalDate paidOn,
            @Schema(example = "03", description = "SAT c_FormaPago") String method,
            @Schema(example = "6670.00") BigDecimal amount, @Schema(example = "MXN") String currency,
            @Schema(description = "NOT_REQUIRED, PENDING, OVERDUE, ACCEPTED") String complementStatus,
            @Schema(description = "By when the REP is owed") LocalDate complementDue,
            String complementUuid, Integer invoiceCount, List<CoveredView> invoices) {
    }

    @Schema(name = "PaymentPage", description = "Newest first; pass `next` as `after` for the following page.")
    record PageView(List<PaymentView> items, String next) {
    }

    @GetMapping
    @RequiresScope(ApiScope.PAYMENTS_READ)
    @Operation(summary = "Listar pagos", description = "Payments to every registration of the user, newest first "
            + "(20 a page). Scope `payments:read`.")
    PageView list(@AuthenticationPrincipal ApiPrincipal caller,
            @Parameter(description = "The previous page's `next`") @RequestParam(required = false) String after) {
        PaymentArchive.ArchivePage page = archive.archive(caller.userId(), after);
        return new PageView(page.rows().stream().map(r -> view(r.payment(), r.clientName(), r.invoiceCount(), null))
                .toList(), page.next());
    }

    @GetMapping("/{id}")
    @RequiresScope(ApiScope.PAYMENTS_READ)
    @Operation(summary = "Un pago y las facturas que cubre", description = "Scope `payments:read`.")
    PaymentView one(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable long id) {
        PaymentArchive.Details d = archive.ofSupplier(caller.userId(), id);
        return view(d.payment(), d.registration().clientName(), d.invoices().size(), d.invoices().stream()
                .map(c -> new CoveredView(c.invoiceId(), c.serieFolio(), c.uuid(), ApiJson.amount(c.amount()),
                        c.installment(), ApiJson.amount(c.balanceAfter()))).toList());
    }

    @PostMapping(value = "/{id}/complement", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresScope(ApiScope.INVOICES_WRITE)
    @Operation(summary = "Subir el complemento de pago (REP) de un pago", description = """
            A CFDI of type P (Pagos 2.0) issued by the supplier to the client, matching the payment (date, amount, \
            the invoices and their balances). Scope `invoices:write` (a REP is a CFDI the supplier issues).""")
    @ApiResponse(responseCode = "200", description = "Accepted: the payment with its complement")
    @ApiResponse(responseCode = "422", description = "Refused: every reason, the CFDI's findings with their codes")
    PaymentView complement(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable long id,
            @Parameter(description = "The REP's XML") @RequestPart("xml") MultipartFile xml,
            HttpServletRequest request) throws IOException {
        Locale locale = ApiProblems.localeOf(request);
        try {
            complements.upload(caller.userId(), id, xml.getOriginalFilename(), xml.getBytes(), caller.getName(),
                    locale);
        } catch (NotFound e) {
            throw ApiProblem.notFound();
        } catch (PaymentProblem e) {
            List<Finding> findings = e.messages().stream().map(PaymentProblem.Message::finding)
                    .filter(java.util.Objects::nonNull).toList();
            List<String> reasons = e.messages().stream().filter(m -> m.finding() == null).map(m -> m.key() == null
                    ? m.text() : messages.getMessage(m.key(), m.arguments(), locale)).toList();
            if (findings.isEmpty()) {
                throw ApiProblem.refused("api.detail.plain", String.join(" ", reasons));
            }
            throw reasons.isEmpty() ? ApiProblem.invalidCfdi(findings)
                    : ApiProblem.invalidCfdi(findings, String.join(" ", reasons));
        }
        return one(caller, id);
    }

    private static PaymentView view(Payment p, String clientName, Integer count, List<CoveredView> invoices) {
        return new PaymentView(p.getId(), p.getNumber(), clientName, p.getPaidOn(), p.getMethod(), ApiJson.amount(p.getAmount()),
                p.getCurrency(), p.getComplementStatus() == null ? null : p.getComplementStatus().name(),
                p.getComplementDue(), p.getComplementUuid(), count, invoices);
    }
}
