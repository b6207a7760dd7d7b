package mx.supplierportal.stamping;

import java.time.Clock;
import java.time.OffsetDateTime;
import mx.supplierportal.cfdi.PrintedCfdi;
import mx.supplierportal.cfdi.Stamper;
import mx.supplierportal.document.Documents;
import mx.supplierportal.document.StoredDocument;
import mx.supplierportal.signup.StampingAccounts;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tasks of {@code processes/cfdi-stamping.bpmn}. */
@Configuration
class StampingDelegates {

    /** The process variable naming the {@link StampRequest}; nothing else about it is trusted from variables. */
    static final String REQUEST_ID = "stampRequestId";
    /** The BPMN error of a definite refusal by the PAC (its code and message travel with it). */
    static final String REFUSED = "STAMP_REFUSED";

    private final StampRequestRepository requests;
    private final StampingAccounts accounts;
    private final Documents documents;
    private final Clock clock;

    StampingDelegates(StampRequestRepository requests, StampingAccounts accounts, Documents documents, Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * Asks the PAC for the stamp and, in the same transaction, keeps the stamped XML and spends the reserved stamp:
     * a stamp exists exactly when its credit is spent. The request's own id goes with it, so a retry after a lost
     * answer gets the first stamp back, never a second one. A definite refusal becomes the BPMN error
     * {@value #REFUSED}; an outage is thrown, so that the job is retried and then becomes an incident.
     */
    @Bean
    JavaDelegate stampAtPacDelegate(Stamper stamper) {
        return execution -> {
            StampRequest request = request(execution);
            if (request.getStatus() != StampRequest.Status.PENDING) {
                return; // already answered (the job ran again after its commit)
            }
            Stamper.Stamped stamped;
            try {
                stamped = stamper.stamp(documents.content(request.getSealedDocumentId()), request.getRequestId());
            } catch (Stamper.Refused refused) {
                execution.setVariable("refusalCode", refused.code());
                execution.setVariable("refusalMessage", String.valueOf(refused.getMessage()));
                throw new BpmnError(REFUSED, refused.getMessage());
            }
            StoredDocument xml = documents.store(request.getSupplierId(), fileName(request, stamped.uuid()),
                    stamped.xml(), "stamp-" + request.getUserId(), Documents.XML_TYPES);
            request.stamped(stamped.uuid(), xml.getId(), OffsetDateTime.now(clock));
            accounts.spend(request.getAccountId());
            execution.setProcessBusinessKey(stamped.uuid());
            execution.setVariable("uuid", stamped.uuid());
            execution.setVariable("stampedDocumentId", xml.getId());
            execution.setVariable("stampedFiles", String.valueOf(xml.getId()));
        };
    }

    /**
     * The printed representation (PDF) of the stamped CFDI, kept with it; the email then carries both files. A stamp
     * of the built-in test PAC says "PRUEBAS" on every page.
     */
    @Bean
    JavaDelegate printStampDelegate(StampingConfiguration.StampingAvailability availability) {
        return execution -> {
            StampRequest request = request(execution);
            if (request.getStampedDocumentId() == null || request.getPdfDocumentId() != null) {
                return;
            }
            byte[] pdf = PrintedCfdi.render(documents.storedCfdi(request.getStampedDocumentId()),
                    availability.testPac());
            StoredDocument printed = documents.store(request.getSupplierId(),
                    fileName(request, request.getUuid()).replaceFirst("\\.xml$", ".pdf"), pdf,
                    "stamp-" + request.getUserId(), java.util.Set.of("application/pdf"));
            request.printed(printed.getId());
            execution.setVariable("stampedFiles", request.getStampedDocumentId() + "," + printed.getId());
        };
    }

    /** The PAC refused: the request says why and the reserved stamp goes back to the balance. */
    @Bean
    JavaDelegate recordStampRefusalDelegate() {
        return execution -> {
            StampRequest request = request(execution);
            if (request.getStatus() != StampRequest.Status.PENDING) {
                return;
            }
            request.refused(String.valueOf(execution.getVariable("refusalCode")),
                    (String) execution.getVariable("refusalMessage"));
            accounts.release(request.getAccountId());
        };
    }

    private StampRequest request(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(REQUEST_ID)).longValue();
        return requests.findById(id).orElseThrow(() -> new IllegalStateException("no stamp request " + id));
    }

    static String fileName(StampRequest request, String uuid) {
        String serieFolio = request.serieFolio().replaceAll("[^A-Za-z0-9_-]", "_");
        return (serieFolio.isBlank() ? "" : serieFolio + "_") + uuid + ".xml";
    }
}
