package mx.supplierportal.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import mx.supplierportal.cfdi.Cfdi;
import mx.supplierportal.cfdi.CfdiValidator;
import mx.supplierportal.cfdi.Finding;
import mx.supplierportal.cfdi.SatStatus;
import mx.supplierportal.cfdi.SatStatusClient;
import mx.supplierportal.cfdi.Severity;
import mx.supplierportal.cfdi.ValidationContext;
import mx.supplierportal.cfdi.ValidationReport;
import mx.supplierportal.client.Client;
import mx.supplierportal.client.Clients;
import mx.supplierportal.document.DocumentRejectedException;
import mx.supplierportal.document.Documents;
import mx.supplierportal.document.StoredDocument;
import mx.supplierportal.supplier.Registrations;
import mx.supplierportal.web.Formats;
import mx.supplierportal.web.NotFound;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment complement (REP, a CFDI of type P with Pagos 2.0) a supplier uploads for a payment that covered PPD
 * invoices: checked by the CFDI core with this client's context, then against the registered payment (the related
 * documents are exactly the PPD invoices paid, with the amounts, previous and remaining balances and installment
 * numbers treasury registered), and asked at SAT. Accepted, it is stored and the supplier's task completes (when
 * SAT could not confirm it, the process asks again later: {@link #recheck}); refused, every finding is returned and
 * nothing is stored.
 */
@Service
public class Complements {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final PaymentRepository payments;
    private final PaymentArchive archive;
    private final Clients clients;
    private final Documents documents;
    private final SatStatusClient sat;
    private final TaskService taskService;
    private final CfdiValidator validator;

    private final Registrations registrations;

    Complements(PaymentRepository payments, PaymentArchive archive, Clients clients, Documents documents,
            SatStatusClient sat, TaskService taskService, Registrations registrations, CfdiValidator validator) {
        this.payments = payments;
        this.validator = validator;
        this.registrations = registrations;
        this.archive = archive;
        this.clients = clients;
        this.documents = documents;
        this.sat = sat;
        this.taskService = taskService;
    }

    /**
     * An accepted complement: whether SAT confirmed it is current (when SAT cannot be asked, a complement that matches
     * the payment is accepted anyway), and the validation's warnings about its seals in the supplier's language (a
     * stamp whose SAT certificate is not known here, a test stamp) — said, never silent.
     */
    public record Accepted(boolean satConfirmed, List<String> warnings) {
    }

    /** Accepts the complement or throws every reason it is refused, in the supplier's language. */
    @Transactional
    public Accepted upload(long userId, long paymentId, String name, byte[] xml, String uploadedBy, Locale locale) {
        Payment payment = payments.lockById(paymentId)
                .filter(p -> registrations.admits(userId, p.getRegistrationId())).orElseThrow(NotFound::new);
        if (!payment.complementOwed()) {
            throw new PaymentProblem("payment.rep.notOwed");
        }
        if (xml == null || xml.length == 0) {
            throw new PaymentProblem("payment.rep.required");
        }
        PaymentArchive.Details details = archive.details(payment);
        Client client = clients.findById(payment.getClientId()).orElseThrow();
        ValidationReport report = validator.validate(xml, ValidationContext.NONE.withRequireStamp(true)
                .withExpectedEmisor(details.registration().supplierRfc())
                .withExpectedReceptor(new ValidationContext.ExpectedReceptor(client.getRfc(), client.getName(),
                        client.getPostalCode(), client.getTaxRegime())));
        List<PaymentProblem.Message> problems = new ArrayList<>();
        for (Finding finding : report.findings()) {
            if (finding.severity() == Severity.ERROR) {
                problems.add(PaymentProblem.Message.of(finding, locale));
            }
        }
        if (report.cfdi().isEmpty()) {
            throw new PaymentProblem(problems);
        }
        Cfdi cfdi = report.cfdi().get();
        if (!"P".equals(cfdi.comprobante().tipoDeComprobante()) || cfdi.pagos().isEmpty()
                || cfdi.pagos().get().pagos().isEmpty()) {
            problems.add(PaymentProblem.Message.of("payment.rep.notPayment"));
            throw new PaymentProblem(problems);
        }
        problems.addAll(againstPayment(payment, details.invoices(), cfdi.pagos().get()));
        boolean confirmed = false;
        if (problems.isEmpty()) {
            SatStatus status = sat.query(cfdi);
            if (status.verified() && status.estado() == SatStatus.Estado.CANCELADO) {
                problems.add(PaymentProblem.Message.of("payment.rep.cancelled"));
            }
            confirmed = status.verified() && status.estado() == SatStatus.Estado.VIGENTE;
        }
        if (!problems.isEmpty()) {
            throw new PaymentProblem(problems);
        }
        StoredDocument document;
        try {
            document = documents.store(payment.getSupplierId(), name, xml, uploadedBy, Documents.XML_TYPES);
        } catch (DocumentRejectedException e) {
            throw new PaymentProblem(e.messageKey(), e.arguments());
        }
        String uuid = cfdi.timbre().orElseThrow().uuid().toUpperCase(Locale.ROOT);
        payment.complementAccepted(document.getId(), uuid, confirmed);
        Task task = taskService.createTaskQuery().processInstanceId(payment.getProcessInstanceId())
                .taskDefinitionKey("Task_UploadRep").singleResult();
        if (task != null) {
            // not confirmed: payment-received asks SAT again in the background
            taskService.complete(task.getId(), Map.of("repSatConfirmed", confirmed, "repUuid", uuid));
        }
        return new Accepted(confirmed, report.findings().stream()
                .filter(f -> f.severity() == Severity.WARNING)
                .filter(f -> f.code().startsWith("TFD-") || f.code().startsWith("SEAL-"))
                .map(f -> f.message(locale)).toList());
    }

    /**
     * Asks SAT again about an accepted complement it could not confirm during the upload ({@code payment-received},
     * in a job). Returns true when SAT reports it cancelled: the complement is owed again. Throws while SAT cannot
     * be asked or does not list it yet, so that the job is retried and finally becomes an incident.
     */
    @Transactional
    public boolean recheck(long paymentId) {
        Payment unlocked = payments.findById(paymentId)
                .orElseThrow(() -> new IllegalStateException("payment " + paymentId + " does not exist"));
        if (unlocked.getComplementStatus() != Payment.ComplementStatus.ACCEPTED || unlocked.isComplementSatConfirmed()) {
            return false; // nothing left to confirm
        }
        Cfdi cfdi = documents.storedCfdi(unlocked.getComplementDocumentId());
        // SAT is asked before the payment row is taken, so that a supplier's upload never waits on SAT
        SatStatus status = sat.query(cfdi);
        if (!status.verified()) {
            throw new IllegalStateException("SAT could not be asked: " + status.reason());
        }
        if (status.estado() != SatStatus.Estado.VIGENTE && status.estado() != SatStatus.Estado.CANCELADO) {
            throw new IllegalStateException("SAT does not list the complement yet: " + status.estado());
        }
        Payment payment = payments.lockById(paymentId).orElseThrow();
        if (payment.getComplementStatus() != Payment.ComplementStatus.ACCEPTED
                || !cfdi.timbre().orElseThrow().uuid().equalsIgnoreCase(payment.getComplementUuid())) {
            return false; // replaced meanwhile
        }
        if (status.estado() == SatStatus.Estado.CANCELADO) {
            payment.complementCancelledAtSat();
            return true;
        }
        payment.complementConfirmedAtSat();
        return false;
    }

    /** The Pagos 2.0 content against what treasury registered; the PPD invoices only (PUE ones need no REP). */
    static List<PaymentProblem.Message> againstPayment(Payment payment, List<PaymentArchive.Covered> covered,
            Cfdi.Pagos pagos) {
        List<PaymentProblem.Message> problems = new ArrayList<>();
        Map<String, PaymentArchive.Covered> expected = new HashMap<>();
        BigDecimal expectedTotal = BigDecimal.ZERO;
        for (PaymentArchive.Covered line : covered) {
            if (line.ppd()) {
                expected.put(line.uuid().toUpperCase(Locale.ROOT), line);
                expectedTotal = expectedTotal.add(line.amount());
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        Set<String> seen = new java.util.HashSet<>();
        for (Cfdi.Pago pago : pagos.pagos()) {
            total = total.add(number(pago.monto()));
            if (!payment.getCurrency().equals(pago.monedaP())) {
                problems.add(PaymentProblem.Message.of("payment.rep.currency", pago.monedaP(), payment.getCurrency()));
            }
            String day = pago.fechaPago() == null || pago.fechaPago().length() < 10 ? "" : pago.fechaPago().substring(0, 10);
            if (!payment.getPaidOn().toString().equals(day)) {
                problems.add(PaymentProblem.Message.of("payment.rep.date", Formats.date(day), Formats.date(payment.getPaidOn())));
            }
            for (Cfdi.DoctoRelacionado docto : pago.documentos()) {
                String uuid = docto.idDocumento() == null ? "" : docto.idDocumento().toUpperCase(Locale.ROOT);
                PaymentArchive.Covered line = expected.get(uuid);
                if (line == null) {
                    problems.add(PaymentProblem.Message.of("payment.rep.otherInvoice", uuid));
                    continue;
                }
                seen.add(uuid);
                if (!same(docto.impPagado(), line.amount())) {
                    problems.add(PaymentProblem.Message.of("payment.rep.amount", line.serieFolio(), docto.impPagado(),
                            Formats.amount(line.amount())));
                }
                if (!same(docto.impSaldoAnt(), line.balanceBefore())) {
                    problems.add(PaymentProblem.Message.of("payment.rep.previousBalance", line.serieFolio(),
                            docto.impSaldoAnt(), Formats.amount(line.balanceBefore())));
                }
                if (!same(docto.impSaldoInsoluto(), line.balanceAfter())) {
                    problems.add(PaymentProblem.Message.of("payment.rep.remainingBalance", line.serieFolio(),
                            docto.impSaldoInsoluto(), Formats.amount(line.balanceAfter())));
                }
                if (!String.valueOf(line.installment()).equals(docto.numParcialidad())) {
                    problems.add(PaymentProblem.Message.of("payment.rep.installment", line.serieFolio(),
                            docto.numParcialidad(), line.installment()));
                }
            }
        }
        for (var line : expected.entrySet()) {
            if (!seen.contains(line.getKey())) {
                problems.add(PaymentProblem.Message.of("payment.rep.missingInvoice", line.getValue().serieFolio(),
                        line.getKey()));
            }
        }
        if (total.subtract(expectedTotal).abs().compareTo(CENT) >= 0) {
            problems.add(PaymentProblem.Message.of("payment.rep.total", Formats.amount(total),
                    Formats.amount(expectedTotal)));
        }
        return problems;
    }

    private static boolean same(String text, BigDecimal expected) {
        return number(text).subtract(expected).abs().compareTo(CENT) < 0;
    }

    private static BigDecimal number(String text) {
        BigDecimal value = text == null ? null : mx.supplierportal.cfdi.Amounts.parse(text.strip());
        return value == null ? BigDecimal.valueOf(-1) : value;
    }
}
