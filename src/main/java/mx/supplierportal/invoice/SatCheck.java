package mx.supplierportal.invoice;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.nio.file.Path;
import mx.supplierportal.cfdi.Cfdi;
import mx.supplierportal.cfdi.CfdiValidator;
import mx.supplierportal.cfdi.SatCertificates;
import mx.supplierportal.cfdi.SatStatus;
import mx.supplierportal.cfdi.SatStatusClient;
import mx.supplierportal.document.Documents;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Asks SAT about an uploaded CFDI in the background ({@code cfdi-sat-check.bpmn}). When SAT cannot be asked the
 * delegate fails, so the engine retries and finally raises an incident; the invoice shows "not verified yet" and is
 * never treated as current by default.
 */
@Configuration
class SatCheck {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SatCheck.class);

    /**
     * The one validator of uploaded CFDIs. Stamps are checked with SAT's bundled certificates, the operator's folder
     * and, when enabled, SAT's certificate repository; SAT's test certificate only where configured (demo, tests).
     */
    @Bean
    CfdiValidator cfdiValidator(@Value("${portal.sat.certificates.folder:}") String folder,
            @Value("${portal.sat.certificates.trust-test-certificate:false}") boolean trustTest,
            @Value("${portal.sat.certificates.download:false}") boolean download,
            @Value("${portal.sat.certificates.repository:" + SatCertificates.SAT_REPOSITORY + "}") String repository,
            @Value("${portal.sat.timeout}") Duration timeout, Clock clock, Environment environment) {
        if (trustTest && environment.matchesProfiles("postgres")) {
            throw new IllegalStateException("portal.sat.certificates.trust-test-certificate is for the demo and tests: "
                    + "a production installation (profile postgres) must refuse stamps of SAT's test environment");
        }
        SatCertificates certificates = SatCertificates.bundled();
        if (!folder.isBlank()) {
            certificates = certificates.withFolder(Path.of(folder));
        }
        if (trustTest) {
            certificates = certificates.trustingTestCertificate();
        }
        if (download) {
            certificates = certificates.withDownload(repository, timeout, clock);
        }
        LOG.info("SAT stamping certificates trusted: {}{}{}", certificates.serials(),
                folder.isBlank() ? "" : " (folder " + folder + ")", download ? ", unknown ones downloaded from "
                        + repository : "");
        return new CfdiValidator(certificates).warmedUp(); // SAT's stylesheets compiled at start, not on an upload
    }

    @Bean
    SatStatusClient satStatusClient(@Value("${portal.sat.endpoint}") URI endpoint,
            @Value("${portal.sat.timeout}") Duration timeout) {
        return new SatStatusClient(endpoint, timeout);
    }

    @Bean
    JavaDelegate checkSatStatusDelegate(InvoiceRepository invoices, InvoiceOfInstance instances, Documents documents,
            SatStatusClient client, Clock clock) {
        return execution -> {
            Long id = instances.idOf(execution).orElse(null);
            Long xmlDocumentId = id == null ? null : invoices.xmlDocumentIdOf(id).orElse(null);
            if (xmlDocumentId == null) {
                return; // the draft was deleted meanwhile
            }
            Cfdi cfdi = documents.storedCfdi(xmlDocumentId);
            // SAT is asked before the invoice row is taken, so that the supplier is never kept waiting on SAT
            SatStatus status = client.query(cfdi);
            if (!status.verified()) {
                throw new IllegalStateException("SAT could not be asked: " + status.reason());
            }
            Invoice.SatState state = switch (status.estado()) {
                case VIGENTE -> Invoice.SatState.VIGENTE;
                case CANCELADO -> Invoice.SatState.CANCELADO;
                case NO_ENCONTRADO -> Invoice.SatState.NO_ENCONTRADO;
                case OTRO -> Invoice.SatState.NOT_VERIFIED;
            };
            Invoice invoice = invoices.lockById(id).orElse(null);
            if (invoice == null) {
                return;
            }
            invoice.satChecked(state, OffsetDateTime.now(clock));
        };
    }
}
