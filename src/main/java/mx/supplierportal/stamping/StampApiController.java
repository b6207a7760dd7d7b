package mx.supplierportal.stamping;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mx.supplierportal.api.ApiController;
import mx.supplierportal.api.ApiJson;
import mx.supplierportal.api.ApiPrincipal;
import mx.supplierportal.api.ApiProblem;
import mx.supplierportal.api.ApiScope;
import mx.supplierportal.api.RequiresScope;
import mx.supplierportal.document.DocumentResponses;
import mx.supplierportal.document.Documents;
import mx.supplierportal.signup.StampingAccounts;
import mx.supplierportal.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/stamps}: a stamping account's ERP sends CFDIs to be stamped and fetches them stamped. */
@ApiController
@RequestMapping("/api/v1/stamps")
@Tag(name = "Timbrado", description = "Timbrado por upload: un CFDI sin sellar (o sellado) se sella con tu CSD, se "
        + "numera con tu serie y se timbra con el PAC.")
@SecurityRequirement(name = "token")
class StampApiController {

    private final StampingAccounts accounts;
    private final StampUploads uploads;
    private final StampRequestRepository requests;
    private final Documents documents;
    private final StampingConfiguration.StampingAvailability availability;

    StampApiController(StampingAccounts accounts, StampUploads uploads, StampRequestRepository requests,
            Documents documents, StampingConfiguration.StampingAvailability availability) {
        this.accounts = accounts;
        this.uploads = uploads;
        this.requests = requests;
        this.documents = documents;
        this.availability = availability;
    }

    @Schema(name = "Stamp")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StampView(long id, @Schema(description = "PENDING (at the PAC), STAMPED, REFUSED") String status,
            @Schema(example = "5E2D6AFF-2DD7-43D1-83D3-14C1ACA396D9") String uuid,
            @Schema(example = "A") String serie, @Schema(example = "17") String folio,
            @Schema(example = "MCI7306249Y1") String receiverRfc, String receiverName,
            @Schema(example = "11600.00") BigDecimal total, @Schema(example = "MXN") String currency,
            OffsetDateTime createdAt, OffsetDateTime stampedAt,
            @Schema(description = "Why the PAC refused it (status REFUSED)") List<Map<String, Object>> findings,
            Map<String, String> links) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresScope(ApiScope.STAMPS_WRITE)
    @Operation(summary = "Enviar un CFDI a timbrar", description = """
            An unsealed CFDI 4.0 (no Sello: the portal sets Serie/Folio from `serie`, Fecha, and seals it with your \
            CSD) or one sealed with your CSD. Every check runs first; a stamp is reserved, and the PAC is called in \
            the background: 202 with `Location`, then poll the stamp until it is STAMPED or REFUSED. \
            Scope `stamps:write`.""")
    @ApiResponse(responseCode = "202", description = "Accepted: being stamped (status PENDING)")
    @ApiResponse(responseCode = "422", description = "Refused before stamping (nothing spent): findings with codes")
    ResponseEntity<StampView> stamp(@AuthenticationPrincipal ApiPrincipal caller,
            @Parameter(description = "The CFDI 4.0 XML (at most 1 MB)") @RequestPart("xml") MultipartFile xml,
            @Parameter(description = "For an unsealed CFDI: the series to number it from", example = "A")
            @RequestParam(required = false) String serie) throws IOException {
        if (!availability.enabled() || accounts.ofUser(caller.userId()).isEmpty()) {
            throw ApiProblem.refused("api.detail.noStampingAccount");
        }
        byte[] content = xml.getBytes();
        StampRequest stamp;
        try {
            stamp = uploads.upload(caller.userId(), xml.getOriginalFilename(), content, serie);
        } catch (StampUploads.Refused refused) {
            throw ApiProblem.invalidCfdi(refused.findings());
        }
        StampView view = view(stamp);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(view.links().get("self"))).body(view);
    }

    @GetMapping("/{id}")
    @RequiresScope(ApiScope.STAMPS_WRITE)
    @Operation(summary = "Un timbrado: estado, UUID, motivo de rechazo", description = "Scope `stamps:write`.")
    StampView one(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable long id) {
        return view(own(caller, id));
    }

    @GetMapping(value = "/{id}/xml", produces = "application/xml")
    @RequiresScope(ApiScope.STAMPS_WRITE)
    @Operation(summary = "El XML timbrado", description = "409 while it is not stamped. Scope `stamps:write`.")
    ResponseEntity<byte[]> xml(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable long id) {
        StampRequest stamp = own(caller, id);
        return file(stamp.getStampedDocumentId(), stamp);
    }

    @GetMapping(value = "/{id}/pdf", produces = "application/pdf")
    @RequiresScope(ApiScope.STAMPS_WRITE)
    @Operation(summary = "La representación impresa (PDF con el QR del SAT)", description =
            "409 while it is not stamped. Scope `stamps:write`.")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable long id) {
        StampRequest stamp = own(caller, id);
        return file(stamp.getPdfDocumentId(), stamp);
    }

    private ResponseEntity<byte[]> file(Long documentId, StampRequest stamp) {
        if (documentId == null) {
            throw new ApiProblem(HttpStatus.CONFLICT, "conflict", "api.detail.notStamped", stamp.getStatus().name());
        }
        return DocumentResponses.of(documents.download(documentId).orElseThrow(ApiProblem::notFound));
    }

    /** The caller's account's stamp; anyone else's (or any id without an account) is not found. */
    private StampRequest own(ApiPrincipal caller, long id) {
        try {
            StampingAccounts.Issuer issuer = accounts.ofUser(caller.userId()).orElseThrow(NotFound::new);
            return requests.findByIdAndAccountId(id, issuer.accountId()).orElseThrow(NotFound::new);
        } catch (NotFound e) {
            throw ApiProblem.notFound();
        }
    }

    private static StampView view(StampRequest s) {
        String self = "/api/v1/stamps/" + s.getId();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", self);
        if (s.getStampedDocumentId() != null) {
            links.put("xml", self + "/xml");
        }
        if (s.getPdfDocumentId() != null) {
            links.put("pdf", self + "/pdf");
        }
        List<Map<String, Object>> findings = s.getStatus() != StampRequest.Status.REFUSED ? null
                : List.of(refusal(s));
        return new StampView(s.getId(), s.getStatus().name(), s.getUuid(), s.getSerie(), s.getFolio(),
                s.getReceiverRfc(), s.getReceiverName(), ApiJson.amount(s.getTotal()), s.getCurrency(), s.getCreatedAt(),
                s.getStampedAt(), findings, links);
    }

    /** The PAC's refusal as a finding: its code and its message as the PAC wrote it. */
    private static Map<String, Object> refusal(StampRequest s) {
        Map<String, Object> finding = new LinkedHashMap<>();
        finding.put("code", s.getRefusalCode() == null ? "PAC-REFUSED" : s.getRefusalCode());
        finding.put("severity", "ERROR");
        finding.put("message", s.getRefusalMessage());
        return finding;
    }
}
