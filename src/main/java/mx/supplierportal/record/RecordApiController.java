package mx.supplierportal.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import mx.supplierportal.api.ApiController;
import mx.supplierportal.api.ApiPrincipal;
import mx.supplierportal.api.ApiScope;
import mx.supplierportal.api.RequiresScope;
import mx.supplierportal.api.ApiProblems;
import mx.supplierportal.supplier.RegistrationStatus;
import mx.supplierportal.supplier.Registrations;
import mx.supplierportal.supplier.Registrations.Registration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** {@code /api/v1/record}: where the supplier's digital record stands with each client, and what is missing. */
@ApiController
@RequestMapping("/api/v1/record")
@Tag(name = "Expediente digital", description = "El expediente que cada cliente revisa antes de recibir facturas.")
@SecurityRequirement(name = "token")
class RecordApiController {

    private final Registrations registrations;
    private final DigitalRecords records;
    private final RecordTemplates templates;

    RecordApiController(Registrations registrations, DigitalRecords records, RecordTemplates templates) {
        this.registrations = registrations;
        this.records = records;
        this.templates = templates;
    }

    @Schema(name = "RecordMissing", description = "A required item not yet given (or rejected)")
    record MissingView(@Schema(example = "fiscal") String tab, @Schema(example = "csf") String field,
            @Schema(example = "Constancia de situación fiscal") String label) {
    }

    @Schema(name = "RecordWithClient")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ClientRecordView(@Schema(example = "MCI7306249Y1") String clientRfc,
            @Schema(example = "Municipio de Cuautitlán Izcalli") String clientName,
            @Schema(description = "INVITED (activate from the client's email first), ACTIVE, …")
            String registration,
            @Schema(description = "DRAFT, UNDER_REVIEW, CHANGES_REQUESTED, APPROVED, UPDATE_REQUIRED") String status,
            @Schema(description = "Whether the client receives invoices now") Boolean invoicesAccepted,
            @Schema(description = "The client asks for an approved record before invoices")
            Boolean approvalRequiredForInvoices,
            Boolean canSend, Boolean pendingChanges, List<MissingView> missing,
            @Schema(description = "Where the supplier completes it") String page) {
    }

    @Schema(name = "Record")
    record RecordsView(List<ClientRecordView> clients) {
    }

    @GetMapping
    @RequiresScope(ApiScope.INVOICES_READ)
    @Operation(summary = "Estado del expediente digital con cada cliente y lo que falta", description = """
            One entry per client that registered the supplier: the record's status, whether the client receives \
            invoices now, and each missing item. Scope `invoices:read`.""")
    RecordsView record(@AuthenticationPrincipal ApiPrincipal caller, HttpServletRequest request) {
        Locale locale = ApiProblems.localeOf(request);
        List<ClientRecordView> views = new ArrayList<>();
        List<Registration> all = new ArrayList<>(registrations.allOf(caller.userId()));
        all.sort(Comparator.comparing(Registration::clientName));
        for (Registration registration : all) {
            String rfc = registration.clientRfc();
            if (registration.status() != RegistrationStatus.ACTIVE) {
                views.add(new ClientRecordView(rfc, registration.clientName(), registration.status().name(), null,
                        false, null, null, null, null, null));
                continue;
            }
            DigitalRecords.RecordView view = records.view(caller.userId(), registration.id());
            boolean required = templates.forClient(registration.clientId())
                    .map(RecordTemplate::isApprovedBeforeInvoicing).orElse(false);
            RecordStatus status = view.record().getStatus();
            List<MissingView> missing = new ArrayList<>();
            for (DigitalRecords.TabView tab : view.tabs()) {
                tab.fields().stream().filter(DigitalRecords.FieldView::missing).forEach(f -> missing.add(
                        new MissingView(tab.tab().getKey(), f.field().getKey(), f.field().label(locale))));
                if (tab.tab().getKind() == TemplateTab.Kind.BANK_ACCOUNTS && tab.accounts().stream()
                        .allMatch(a -> a.getStatus() == RecordEntry.Status.REJECTED)) {
                    missing.add(new MissingView(tab.tab().getKey(), null, tab.tab().label(locale)));
                }
            }
            views.add(new ClientRecordView(rfc, registration.clientName(), registration.status().name(),
                    status.name(), !required || status == RecordStatus.APPROVED, required, view.canSend(),
                    view.pendingChanges(), missing, "/record/" + registration.id()));
        }
        return new RecordsView(views);
    }
}
