package mx.supplierportal.stamping;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import mx.supplierportal.cfdi.Cfdi;
import mx.supplierportal.cfdi.CfdiReadException;
import mx.supplierportal.cfdi.CfdiReader;
import mx.supplierportal.cfdi.CfdiValidator;
import mx.supplierportal.cfdi.Finding;
import mx.supplierportal.cfdi.Sealer;
import mx.supplierportal.cfdi.Severity;
import mx.supplierportal.cfdi.Stamper;
import mx.supplierportal.cfdi.ValidationContext;
import mx.supplierportal.cfdi.ValidationReport;
import mx.supplierportal.client.ProcessStarts;
import mx.supplierportal.document.Documents;
import mx.supplierportal.document.StoredDocument;
import mx.supplierportal.signup.Folios;
import mx.supplierportal.signup.StampingAccounts;
import mx.supplierportal.signup.StampingAccounts.Issuer;
import mx.supplierportal.web.MexicoTime;
import mx.supplierportal.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a CFDI to stamp. An unsealed one gets Serie and Folio from the chosen series, Fecha (Mexico City time) when it
 * has none, and the account's CSD seal; a sealed one must be sealed by this account's RFC. Then every check runs — the
 * validator's rules, the account's RFC and régimen, SAT's 72-hour window, PACs' 1 MB — before anything is spent:
 * with any error nothing is stored, no stamp is reserved and no folio is given out. Accepted, the sealed CFDI is
 * stored, one stamp reserved, and the stamping process started, all in one transaction.
 */
@Service
public class StampUploads {

    /** Every reason the CFDI cannot be stamped, each a finding with its code (messages in the cfdi bundle). */
    public static final class Refused extends RuntimeException {

        private final List<Finding> findings;

        Refused(List<Finding> findings) {
            super(findings.toString());
            this.findings = List.copyOf(findings);
        }

        Refused(String code, Object... arguments) {
            this(List.of(Finding.error(code, arguments)));
        }

        public List<Finding> findings() {
            return findings;
        }
    }

    /** PACs refuse larger CFDIs. */
    static final int MAX_BYTES = 1024 * 1024;
    /** A Fecha up to an hour ahead is the earliest of Mexico's zones (Quintana Roo), not the future. */
    private static final Duration AHEAD = Duration.ofHours(1);
    private static final DateTimeFormatter CFDI_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    static final String PROCESS = "cfdi-stamping";

    private final StampingAccounts accounts;
    private final Folios folios;
    private final CfdiValidator validator;
    private final Documents documents;
    private final StampRequestRepository requests;
    private final ProcessStarts processStarts;
    private final Clock clock;
    private final StampingConfiguration.StampingAvailability availability;

    StampUploads(StampingAccounts accounts, Folios folios, CfdiValidator validator, Documents documents,
            StampRequestRepository requests, ProcessStarts processStarts, Clock clock,
            StampingConfiguration.StampingAvailability availability) {
        this.availability = availability;
        this.accounts = accounts;
        this.folios = folios;
        this.validator = validator;
        this.documents = documents;
        this.requests = requests;
        this.processStarts = processStarts;
        this.clock = clock;
    }

    /**
     * Checks, seals when needed, and sends the CFDI to be stamped; {@code serie} is the series an unsealed CFDI is
     * numbered from (ignored for a sealed one). Throws {@link Refused} with every problem, having changed nothing.
     */
    @Transactional
    public StampRequest upload(long userId, String fileName, byte[] xml, String serie) {
        Issuer issuer = accounts.ofUser(userId).orElseThrow(NotFound::new);
        if (!issuer.active()) {
            throw new Refused("STAMP-NOT-ACTIVE");
        }
        if (!issuer.canStamp()) {
            throw new Refused("STAMP-NO-STAMPS");
        }
        if (xml == null || xml.length == 0) {
            throw new Refused("STAMP-EMPTY");
        }
        if (xml.length > MAX_BYTES) {
            throw new Refused("STAMP-SIZE", xml.length / 1024);
        }
        Cfdi uploaded = read(xml);
        if (uploaded.timbre().isPresent()) {
            throw new Refused("STAMP-ALREADY-STAMPED", uploaded.timbre().get().uuid());
        }
        boolean sealed = present(uploaded.comprobante().sello());
        Folios.ActiveSeries series = null;
        byte[] candidate = xml;
        if (!sealed) {
            series = seriesFor(userId, issuer, uploaded, serie);
            candidate = seal(issuer, xml, series.serie(), series.nextFolio(), uploaded.comprobante().fecha());
        }
        Cfdi cfdi = check(issuer, candidate);
        if (!accounts.reserve(issuer.accountId())) {
            throw new Refused("STAMP-NO-STAMPS");
        }
        if (!sealed) {
            // the folio is given out only now that the CFDI passed (its own transaction: never given twice)
            String folio = folios.next(userId, series.serie()).orElseThrow(() -> new Refused("STAMP-SERIES-UNKNOWN",
                    serie)).folio();
            if (!folio.equals(series.nextFolio())) {
                candidate = seal(issuer, xml, series.serie(), folio, cfdi.comprobante().fecha());
                cfdi = read(candidate);
            }
        }
        StoredDocument stored = documents.store(issuer.supplierId(), storedName(fileName, cfdi), candidate,
                "stamp-" + userId, Documents.XML_TYPES);
        StampRequest request = requests.save(new StampRequest(issuer.accountId(), issuer.supplierId(), userId,
                cfdi.comprobante().serie(), cfdi.comprobante().folio(), cfdi.receptor().rfc(), cfdi.receptor().nombre(),
                new BigDecimal(cfdi.comprobante().total()), cfdi.comprobante().moneda(), cfdi.comprobante().fecha(),
                stored.getId(), UUID.randomUUID().toString(), OffsetDateTime.now(clock)));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(StampingDelegates.REQUEST_ID, request.getId());
        variables.put("supplierUserId", userId);
        variables.put("serieFolio", request.serieFolio());
        variables.put("receiverRfc", request.getReceiverRfc());
        variables.put("testPac", availability.testPac()); // the email says "pruebas" as the pages do
        request.startedAs(processStarts.forPortal(PROCESS, "stamp-" + request.getId(), variables).getId());
        return request;
    }

    /** The series an unsealed CFDI is numbered from: chosen, active, of this account, and for its type of CFDI. */
    private Folios.ActiveSeries seriesFor(long userId, Issuer issuer, Cfdi cfdi, String serie) {
        if (!issuer.hasCsd()) {
            throw new Refused("STAMP-NO-CSD");
        }
        if (serie == null || serie.isBlank()) {
            throw new Refused("STAMP-SERIES-REQUIRED");
        }
        Folios.ActiveSeries series = folios.peek(userId, serie).orElseThrow(() -> new Refused(
                "STAMP-SERIES-UNKNOWN", serie));
        String type = cfdi.comprobante().tipoDeComprobante();
        if (!series.cfdiType().equals(type)) {
            throw new Refused("STAMP-SERIES-TYPE", series.serie(), series.cfdiType(), String.valueOf(type));
        }
        return series;
    }

    private byte[] seal(Issuer issuer, byte[] xml, String serie, String folio, String fecha) {
        Map<String, String> filled = new LinkedHashMap<>();
        filled.put("Serie", serie);
        filled.put("Folio", folio);
        if (!present(fecha)) {
            filled.put("Fecha", LocalDateTime.now(clock.withZone(MexicoTime.ZONE)).format(CFDI_DATE));
        }
        try {
            return accounts.seal(issuer.accountId(), Sealer.withAttributes(xml, filled));
        } catch (CfdiReadException e) {
            throw new Refused(List.of(e.finding()));
        }
    }

    /** Every error at once: the validator's rules and what stamping adds (account's RFC and régimen, 72 hours). */
    private Cfdi check(Issuer issuer, byte[] candidate) {
        ValidationReport report = validator.validate(candidate, ValidationContext.NONE.withExpectedEmisor(issuer.rfc()));
        List<Finding> errors = new ArrayList<>(report.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR).toList());
        Optional<Cfdi> cfdi = report.cfdi();
        if (cfdi.isPresent()) {
            String regimen = cfdi.get().emisor().regimenFiscal();
            if (issuer.taxRegime() != null && !issuer.taxRegime().equals(regimen)) {
                errors.add(Finding.error("STAMP-EMISOR-REGIMEN", String.valueOf(regimen), issuer.taxRegime()));
            }
            dateWindow(cfdi.get().comprobante().fecha()).ifPresent(errors::add);
        }
        if (!errors.isEmpty() || cfdi.isEmpty()) {
            throw new Refused(errors);
        }
        return cfdi.get();
    }

    private Optional<Finding> dateWindow(String fecha) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(MexicoTime.ZONE));
        try {
            LocalDateTime issued = LocalDateTime.parse(fecha);
            if (issued.isBefore(now.minus(Stamper.STAMPING_WINDOW))) {
                return Optional.of(Finding.error("STAMP-DATE-OLD", fecha));
            }
            if (issued.isAfter(now.plus(AHEAD))) {
                return Optional.of(Finding.error("STAMP-DATE-FUTURE", fecha));
            }
        } catch (DateTimeParseException | NullPointerException e) {
            // the shape of Fecha is the validator's finding
        }
        return Optional.empty();
    }

    private static Cfdi read(byte[] xml) {
        try {
            return new CfdiReader().read(xml);
        } catch (CfdiReadException e) {
            throw new Refused(List.of(e.finding()));
        }
    }

    private static String storedName(String fileName, Cfdi cfdi) {
        String serieFolio = StampRequest.serieFolio(cfdi.comprobante().serie(), cfdi.comprobante().folio());
        return serieFolio.isBlank() ? (fileName == null || fileName.isBlank() ? "cfdi.xml" : fileName)
                : serieFolio.replaceAll("[^A-Za-z0-9_-]", "_") + ".xml";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
