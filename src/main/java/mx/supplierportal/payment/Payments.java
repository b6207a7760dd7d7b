package mx.supplierportal.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import mx.supplierportal.client.Clients;
import mx.supplierportal.invoice.Invoice;
import mx.supplierportal.invoice.InvoicePayments;
import mx.supplierportal.invoice.InvoiceSettings;
import mx.supplierportal.security.StaffPrincipal;
import mx.supplierportal.supplier.RegistrationStatus;
import mx.supplierportal.supplier.Registrations;
import mx.supplierportal.supplier.Registrations.Registration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments treasury registers (one supplier, one or more of its approved and scheduled invoices, with the amount
 * applied to each), the supplier's archive of them, and rescheduling. Registering is one transaction: the payment,
 * the invoices' new balances, the message to each invoice's payment-scheduling instance and the start of the
 * payment's own process (email, payment complement) all happen, or none does.
 */
@Service
public class Payments {

    static final String PAYMENT_REGISTERED = "PaymentRegistered";
    static final String PAYMENT_RESCHEDULED = "PaymentRescheduled";
    static final String PROCESS = "payment-received";
    static final String SCHEDULING = "payment-scheduling";
    /** SAT's c_FormaPago codes treasury uses to pay suppliers. */
    static final List<String> METHODS = List.of("03", "02", "01", "04", "28");
    static final Set<String> CURRENCIES = Set.of("MXN", "USD", "EUR");
    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    private static final int PAGE_SIZE = 20;
    private static final int REMINDER_DAYS_BEFORE = 3;

    /** What treasury typed; {@code amounts} maps invoice ids to the amount applied (blank ones are left out). */
    public record Request(long registrationId, String number, LocalDate paidOn, String method, String currency,
            BigDecimal amount, String bankReference, Map<Long, BigDecimal> amounts) {
    }

    /** One invoice a payment covers. */
    public record Covered(long invoiceId, String serieFolio, String uuid, String currency, boolean ppd,
            BigDecimal amount, BigDecimal balanceBefore, int installment) {

        public BigDecimal balanceAfter() {
            return balanceBefore.subtract(amount);
        }
    }

    public record Details(Payment payment, Registration registration, List<Covered> invoices) {
    }

    public record ArchiveRow(Payment payment, String clientName, int invoiceCount) {
    }

    public record ArchivePage(List<ArchiveRow> rows, String next) {
    }

    /** A supplier of the client, for treasury's choice. */
    public record Supplier(long registrationId, String businessName, String rfc, String clientCode) {
    }

    private final PaymentRepository payments;
    private final InvoicePayments invoices;
    private final Registrations registrations;
    private final Clients clients;
    private final RuntimeService runtimeService;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Payments(PaymentRepository payments, InvoicePayments invoices, Registrations registrations, Clients clients,
            RuntimeService runtimeService, JdbcTemplate jdbc, Clock clock) {
        this.payments = payments;
        this.invoices = invoices;
        this.registrations = registrations;
        this.clients = clients;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether this person registers payments for the client: its treasury or its admins. */
    static boolean paysFor(StaffPrincipal staff, String clientCode) {
        return staff != null && staff.worksFor(clientCode) && (staff.groupIds().contains(clientCode + "-treasury")
                || staff.groupIds().contains(clientCode + "-admin"));
    }

    /** The active suppliers of every client this person pays for, by name. */
    @Transactional(readOnly = true)
    public List<Supplier> suppliersFor(StaffPrincipal staff) {
        List<String> codes = staff.tenantIds().stream().filter(code -> paysFor(staff, code)).sorted().toList();
        if (codes.isEmpty()) {
            return List.of();
        }
        String marks = codes.stream().map(c -> "?").collect(Collectors.joining(","));
        return jdbc.query("select cs.id, s.business_name, s.rfc, c.code from client_supplier cs join supplier s on "
                + "s.id = cs.supplier_id join client c on c.id = cs.client_id where cs.status = ? and c.code in ("
                + marks + ") order by s.business_name, cs.id", (rs, i) -> new Supplier(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4)), concat(RegistrationStatus.ACTIVE.name(), codes));
    }

    private static Object[] concat(Object first, List<String> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray();
    }

    /** The supplier registration, if this person pays for its client; otherwise "not found". */
    @Transactional(readOnly = true)
    public Registration registrationFor(StaffPrincipal staff, long registrationId) {
        return registrations.byId(registrationId)
                .filter(r -> r.status() == RegistrationStatus.ACTIVE && paysFor(staff, r.clientCode()))
                .orElseThrow(PaymentNotFound::new);
    }

    /** The supplier's approved invoices with a balance: the ones a payment may cover (scheduled ones only). */
    @Transactional(readOnly = true)
    public List<Invoice> payable(StaffPrincipal staff, long registrationId) {
        return invoices.payable(registrationFor(staff, registrationId).id());
    }

    @Transactional
    public Payment register(StaffPrincipal staff, Request request) {
        Registration registration = registrationFor(staff, request.registrationId());
        String number = request.number() == null ? "" : request.number().strip();
        String reference = request.bankReference() == null || request.bankReference().isBlank() ? null
                : request.bankReference().strip();
        Map<Long, BigDecimal> amounts = new LinkedHashMap<>();
        request.amounts().forEach((id, amount) -> {
            if (amount != null) {
                amounts.put(id, amount);
            }
        });
        List<PaymentProblem.Message> problems = new ArrayList<>(checkPayment(registration, request, number, reference));
        List<Invoice> covered = lockAndCheckInvoices(registration, request, amounts, problems);
        if (!problems.isEmpty()) {
            throw new PaymentProblem(problems);
        }

        InvoiceSettings settings = invoices.settingsOf(registration.clientId());
        boolean complementRequired = covered.stream().anyMatch(Invoice::isPpd);
        LocalDate complementDue = complementRequired ? settings.repDueDate(request.paidOn()) : null;
        Payment payment = payments.save(new Payment(registration.clientId(), registration.id(),
                registration.supplierId(), number, request.paidOn(), request.method(), request.currency(),
                request.amount(), reference, staff.userId(), OffsetDateTime.now(clock), complementDue));
        List<String> lines = new ArrayList<>();
        for (Invoice invoice : covered) {
            BigDecimal amount = amounts.get(invoice.getId());
            Integer previous = jdbc.queryForObject("select count(*) from payment_invoice where invoice_id = ?",
                    Integer.class, invoice.getId());
            jdbc.update("insert into payment_invoice (payment_id, invoice_id, amount, balance_before, installment) "
                    + "values (?, ?, ?, ?, ?)", payment.getId(), invoice.getId(), amount, invoice.balance(),
                    previous + 1);
            Execution waiting = waitingExecution(invoice).orElseThrow();
            invoices.applyPayment(invoice, amount);
            runtimeService.createMessageCorrelation(PAYMENT_REGISTERED).processInstanceId(waiting.getProcessInstanceId())
                    .setVariable("paid", invoice.getStatus() == Invoice.Status.PAID)
                    .setVariable("lastPaymentNumber", number).correlate();
            lines.add(invoice.serieFolio() + " · " + invoice.getUuid() + " · " + money(amount) + " "
                    + invoice.getCurrency());
        }
        payment.started(startPaymentProcess(payment, registration, lines));
        return payment;
    }

    /** The payment's own fields: number (unique per client), date, method, currency, amount, reference. */
    private List<PaymentProblem.Message> checkPayment(Registration registration, Request request, String number,
            String reference) {
        List<PaymentProblem.Message> problems = new ArrayList<>();
        if (number.isEmpty() || number.length() > 40) {
            problems.add(PaymentProblem.Message.of("payment.number.required"));
        } else if (payments.existsByClientIdAndNumberKey(registration.clientId(), Payment.key(number))) {
            problems.add(PaymentProblem.Message.of("payment.number.duplicate", number));
        }
        if (request.paidOn() == null) {
            problems.add(PaymentProblem.Message.of("payment.date.required"));
        } else if (request.paidOn().isAfter(LocalDate.now(clock.withZone(MEXICO)))) {
            problems.add(PaymentProblem.Message.of("payment.date.future"));
        }
        if (request.method() == null || !METHODS.contains(request.method())) {
            problems.add(PaymentProblem.Message.of("payment.method.required"));
        }
        if (request.currency() == null || !CURRENCIES.contains(request.currency())) {
            problems.add(PaymentProblem.Message.of("payment.currency.required"));
        }
        if (request.amount() == null || request.amount().signum() <= 0) {
            problems.add(PaymentProblem.Message.of("payment.amount.required"));
        }
        if (reference != null && reference.length() > 60) {
            problems.add(PaymentProblem.Message.of("payment.reference.tooLong"));
        }
        return problems;
    }

    /**
     * Locks each invoice the payment covers and checks it can take its amount: this supplier's, approved, scheduled,
     * same currency, within its balance, in full when PUE; then that the amounts add up to the payment.
     */
    private List<Invoice> lockAndCheckInvoices(Registration registration, Request request,
            Map<Long, BigDecimal> amounts, List<PaymentProblem.Message> problems) {
        if (amounts.isEmpty()) {
            problems.add(PaymentProblem.Message.of("payment.invoices.required"));
        }
        List<Invoice> covered = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (var line : amounts.entrySet()) {
            Invoice invoice = invoices.lockForPayment(line.getKey())
                    .filter(i -> i.getRegistrationId() == registration.id()).orElse(null);
            if (invoice == null) {
                // another supplier's or another client's invoice, or none at all: one payment, one supplier
                problems.add(PaymentProblem.Message.of("payment.invoice.otherSupplier", registration.businessName()));
                continue;
            }
            BigDecimal amount = line.getValue();
            String name = invoice.serieFolio();
            if (invoice.getStatus() != Invoice.Status.APPROVED) {
                problems.add(PaymentProblem.Message.of("payment.invoice.notApproved", name));
            } else if (invoice.getScheduledPaymentDate() == null || waitingExecution(invoice).isEmpty()) {
                problems.add(PaymentProblem.Message.of("payment.invoice.notScheduled", name));
            } else if (amount.signum() <= 0) {
                problems.add(PaymentProblem.Message.of("payment.invoice.amount", name));
            } else if (request.currency() != null && !request.currency().equals(invoice.getCurrency())) {
                problems.add(PaymentProblem.Message.of("payment.invoice.currency", name, invoice.getCurrency()));
            } else if (amount.compareTo(invoice.balance()) > 0) {
                problems.add(PaymentProblem.Message.of("payment.invoice.beyondBalance", name, money(invoice.balance())));
            } else if (!invoice.isPpd() && amount.compareTo(invoice.balance()) != 0) {
                problems.add(PaymentProblem.Message.of("payment.invoice.pueInFull", name, money(invoice.balance())));
            }
            covered.add(invoice);
            sum = sum.add(amount);
        }
        if (request.amount() != null && !amounts.isEmpty() && sum.compareTo(request.amount()) != 0) {
            problems.add(PaymentProblem.Message.of("payment.total.mismatch", money(sum), money(request.amount())));
        }
        return covered;
    }

    /** Starts payment-received: the "payment made" email and, for PPD invoices, the complement with its timers. */
    private String startPaymentProcess(Payment payment, Registration registration, List<String> lines) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("paymentId", payment.getId());
        variables.put("paymentNumber", payment.getNumber());
        variables.put("supplierId", registration.supplierId());
        variables.put("supplierUserId", registrations.mainUserOf(registration.supplierId()));
        variables.put("clientCode", registration.clientCode());
        variables.put("clientName", registration.clientName());
        variables.put("businessName", registration.businessName());
        variables.put("supplierRfc", registration.supplierRfc());
        variables.put("amountText", money(payment.getAmount()) + " " + payment.getCurrency());
        variables.put("paidOnText", payment.getPaidOn().toString());
        // "|" never occurs in a serie or folio (SAT's pattern excludes it), so it separates the lines safely
        variables.put("invoiceLines", String.join("|", lines));
        variables.put("paymentUrl", "/staff/payments/" + payment.getId());
        LocalDate due = payment.getComplementDue();
        variables.put("repRequired", due != null);
        if (due != null) {
            variables.put("repDueText", due.toString());
            variables.put("repDueAt", at(due, LocalTime.of(23, 59)));
            variables.put("repReminderAt", at(due.minusDays(REMINDER_DAYS_BEFORE), LocalTime.of(9, 0)));
            variables.put("repOverdueAt", at(due.plusDays(1), LocalTime.MIDNIGHT));
        }
        return runtimeService.createProcessInstanceByKey(PROCESS).businessKey(payment.getNumber())
                .processDefinitionWithoutTenantId().setVariables(variables).execute().getId();
    }

    /** A new payment date for an invoice waiting for its payment; the supplier sees it at once. */
    @Transactional
    public void reschedule(StaffPrincipal staff, long invoiceId, LocalDate date) {
        Invoice invoice = invoices.lockForPayment(invoiceId).orElseThrow(PaymentNotFound::new);
        Registration registration = registrationFor(staff, invoice.getRegistrationId());
        if (date == null) {
            throw new PaymentProblem("payment.date.required");
        }
        Execution waiting = waitingExecution(invoice).orElseThrow(
                () -> new PaymentProblem("payment.invoice.notScheduled", invoice.serieFolio()));
        if (registration.id() != invoice.getRegistrationId()) {
            throw new PaymentNotFound();
        }
        runtimeService.createMessageCorrelation(PAYMENT_RESCHEDULED).processInstanceId(waiting.getProcessInstanceId())
                .setVariable("paymentDate", date.toString()).correlate();
    }

    /** The invoice's payment-scheduling instance, when it waits for a payment. */
    private Optional<Execution> waitingExecution(Invoice invoice) {
        return runtimeService.createExecutionQuery().processDefinitionKey(SCHEDULING)
                .processInstanceBusinessKey(invoice.getUuid()).messageEventSubscriptionName(PAYMENT_REGISTERED)
                .list().stream().findFirst();
    }

    /** "Payments > Archive": the supplier's payments, newest first, {@code after} = "epochDay_id" of the last row. */
    @Transactional(readOnly = true)
    public ArchivePage archive(long supplierId, String after) {
        LocalDate paidOn = LocalDate.of(9999, 12, 31);
        long id = Long.MAX_VALUE;
        if (after != null && after.matches("-?\\d{1,9}_\\d{1,18}")) {
            String[] parts = after.split("_");
            paidOn = LocalDate.ofEpochDay(Long.parseLong(parts[0]));
            id = Long.parseLong(parts[1]);
        }
        List<Payment> rows = payments.archive(supplierId, paidOn, id, Limit.of(PAGE_SIZE + 1));
        String next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            Payment last = rows.get(PAGE_SIZE - 1);
            next = last.getPaidOn().toEpochDay() + "_" + last.getId();
        }
        Map<Long, Integer> counts = new HashMap<>();
        if (!rows.isEmpty()) {
            String marks = rows.stream().map(p -> "?").collect(Collectors.joining(","));
            jdbc.query("select payment_id, count(*) from payment_invoice where payment_id in (" + marks
                    + ") group by payment_id", rs -> {
                        counts.put(rs.getLong(1), rs.getInt(2));
                    }, rows.stream().map(Payment::getId).toArray());
        }
        Map<Long, String> clientNames = new HashMap<>();
        List<ArchiveRow> view = new ArrayList<>();
        for (Payment payment : rows) {
            String clientName = clientNames.computeIfAbsent(payment.getClientId(),
                    c -> clients.findById(c).map(client -> client.getName()).orElse(""));
            view.add(new ArchiveRow(payment, clientName, counts.getOrDefault(payment.getId(), 0)));
        }
        return new ArchivePage(view, next);
    }

    /** A payment of this supplier with the invoices it covers; "not found" for anyone else's. */
    @Transactional(readOnly = true)
    public Details ofSupplier(long supplierId, long paymentId) {
        Payment payment = payments.findById(paymentId).filter(p -> p.getSupplierId() == supplierId)
                .orElseThrow(PaymentNotFound::new);
        return details(payment);
    }

    /** A payment for staff of its client; "not found" for anyone else. */
    @Transactional(readOnly = true)
    public Details forStaff(StaffPrincipal staff, long paymentId) {
        Payment payment = payments.findById(paymentId).orElseThrow(PaymentNotFound::new);
        Registration registration = registrations.byId(payment.getRegistrationId()).orElseThrow();
        if (staff == null || !staff.worksFor(registration.clientCode())) {
            throw new PaymentNotFound();
        }
        return new Details(payment, registration, covered(payment.getId()));
    }

    Details details(Payment payment) {
        return new Details(payment, registrations.byId(payment.getRegistrationId()).orElseThrow(),
                covered(payment.getId()));
    }

    List<Covered> covered(long paymentId) {
        return jdbc.query("select i.id, i.serie, i.folio, i.uuid, i.currency, i.payment_method, pi.amount, "
                + "pi.balance_before, pi.installment from payment_invoice pi join invoice i on i.id = pi.invoice_id "
                + "where pi.payment_id = ? order by i.created_at, i.id", (rs, n) -> {
                    String serie = rs.getString(2);
                    String folio = rs.getString(3);
                    String serieFolio = (serie == null ? "" : serie) + (serie != null && folio != null ? "-" : "")
                            + (folio == null ? "" : folio);
                    return new Covered(rs.getLong(1), serieFolio.isEmpty() ? rs.getString(4).substring(0, 8)
                            : serieFolio, rs.getString(4), rs.getString(5), "PPD".equals(rs.getString(6)),
                            rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getInt(9));
                }, paymentId);
    }

    static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
    }

    private static Date at(LocalDate day, LocalTime time) {
        return Date.from(day.atTime(time).atZone(MEXICO).toInstant());
    }
}
