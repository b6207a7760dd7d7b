package mx.supplierportal.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mx.supplierportal.client.StaffRole;
import mx.supplierportal.invoice.Invoice;
import mx.supplierportal.invoice.InvoicePayments;
import mx.supplierportal.invoice.InvoiceRules;
import mx.supplierportal.security.StaffPrincipal;
import mx.supplierportal.supplier.RegistrationStatus;
import mx.supplierportal.supplier.Registrations.Registration;
import mx.supplierportal.supplier.Registrations;
import mx.supplierportal.web.Formats;
import mx.supplierportal.web.MexicoTime;
import mx.supplierportal.web.NotFound;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments treasury registers (one supplier, one or more of its approved and scheduled invoices, with the amount
 * applied to each), and rescheduling; {@link PaymentArchive} reads them back. Registering is one transaction: the payment,
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
    private static final int REMINDER_DAYS_BEFORE = 3;

    /** What treasury typed; {@code amounts} maps invoice ids to the amount applied (blank ones are left out). */
    public record Request(long registrationId, String number, LocalDate paidOn, String method, String currency,
            BigDecimal amount, String bankReference, Map<Long, BigDecimal> amounts) {
    }

    private final PaymentRepository payments;
    private final InvoicePayments invoices;
    private final InvoiceRules rules;
    private final Registrations registrations;
    private final RuntimeService runtimeService;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Payments(PaymentRepository payments, InvoicePayments invoices, InvoiceRules rules, Registrations registrations,
            RuntimeService runtimeService, JdbcTemplate jdbc, Clock clock) {
        this.payments = payments;
        this.invoices = invoices;
        this.rules = rules;
        this.registrations = registrations;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether this person registers payments for the client: its treasury or its admins. */
    static boolean paysFor(StaffPrincipal staff, String clientCode) {
        return staff != null && (staff.has(StaffRole.TREASURY, clientCode) || staff.has(StaffRole.ADMIN, clientCode));
    }

    /** The active suppliers of every client this person pays for, by name. */
    @Transactional(readOnly = true)
    public List<Registration> suppliersFor(StaffPrincipal staff) {
        return registrations.activeWith(staff.tenantIds().stream().filter(code -> paysFor(staff, code)).toList());
    }

    /** The supplier registration, if this person pays for its client; otherwise "not found". */
    @Transactional(readOnly = true)
    public Registration registrationFor(StaffPrincipal staff, long registrationId) {
        return registrations.byId(registrationId)
                .filter(r -> r.status() == RegistrationStatus.ACTIVE && paysFor(staff, r.clientCode()))
                .orElseThrow(NotFound::new);
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
        Map<Invoice, Execution> covered = lockAndCheckInvoices(registration, request, amounts, problems);
        if (!problems.isEmpty()) {
            throw new PaymentProblem(problems);
        }

        boolean complementRequired = covered.keySet().stream().anyMatch(Invoice::isPpd);
        LocalDate complementDue = complementRequired
                ? rules.settingsOf(registration.clientId()).repDueDate(request.paidOn()) : null;
        Payment payment = payments.save(new Payment(registration.clientId(), registration.id(),
                registration.supplierId(), number, request.paidOn(), request.method(), request.currency(),
                request.amount(), reference, staff.userId(), OffsetDateTime.now(clock), complementDue));
        Map<Long, Integer> previousPayments = installmentsSoFar(covered.keySet());
        List<String> lines = new ArrayList<>();
        for (var entry : covered.entrySet()) {
            Invoice invoice = entry.getKey();
            Execution waiting = entry.getValue();
            BigDecimal amount = amounts.get(invoice.getId());
            jdbc.update("insert into payment_invoice (payment_id, invoice_id, amount, balance_before, installment) "
                    + "values (?, ?, ?, ?, ?)", payment.getId(), invoice.getId(), amount, invoice.balance(),
                    previousPayments.getOrDefault(invoice.getId(), 0) + 1);
            invoices.applyPayment(invoice, amount);
            runtimeService.createMessageCorrelation(PAYMENT_REGISTERED).processInstanceId(waiting.getProcessInstanceId())
                    .setVariable("paid", invoice.getStatus() == Invoice.Status.PAID)
                    .setVariable("lastPaymentNumber", number).correlate();
            lines.add(invoice.serieFolio() + " · " + invoice.getUuid() + " · "
                    + Formats.money(amount, invoice.getCurrency()));
        }
        payment.started(startPaymentProcess(payment, registration, lines));
        return payment;
    }

    /** How many payments each invoice has had already (its next installment number is one more). */
    private Map<Long, Integer> installmentsSoFar(java.util.Collection<Invoice> invoices) {
        Map<Long, Integer> counts = new HashMap<>();
        if (!invoices.isEmpty()) {
            jdbc.query("select invoice_id, count(*) from payment_invoice where invoice_id in ("
                    + String.join(",", java.util.Collections.nCopies(invoices.size(), "?")) + ") group by invoice_id",
                    rs -> {
                        counts.put(rs.getLong(1), rs.getInt(2));
                    }, invoices.stream().map(Invoice::getId).toArray());
        }
        return counts;
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
        } else if (request.paidOn().isAfter(LocalDate.now(clock.withZone(MexicoTime.ZONE)))) {
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
    private Map<Invoice, Execution> lockAndCheckInvoices(Registration registration, Request request,
            Map<Long, BigDecimal> amounts, List<PaymentProblem.Message> problems) {
        if (amounts.isEmpty()) {
            problems.add(PaymentProblem.Message.of("payment.invoices.required"));
        }
        Map<Invoice, Execution> covered = new LinkedHashMap<>();
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
            Execution waiting = invoice.getStatus() == Invoice.Status.APPROVED ? waitingExecution(invoice).orElse(null)
                    : null;
            if (invoice.getStatus() != Invoice.Status.APPROVED) {
                problems.add(PaymentProblem.Message.of("payment.invoice.notApproved", name));
            } else if (invoice.getScheduledPaymentDate() == null || waiting == null) {
                problems.add(PaymentProblem.Message.of("payment.invoice.notScheduled", name));
            } else if (amount.signum() <= 0) {
                problems.add(PaymentProblem.Message.of("payment.invoice.amount", name));
            } else if (request.currency() != null && !request.currency().equals(invoice.getCurrency())) {
                problems.add(PaymentProblem.Message.of("payment.invoice.currency", name, invoice.getCurrency()));
            } else if (amount.compareTo(invoice.balance()) > 0) {
                problems.add(PaymentProblem.Message.of("payment.invoice.beyondBalance", name, Formats.amount(invoice.balance())));
            } else if (!invoice.isPpd() && amount.compareTo(invoice.balance()) != 0) {
                problems.add(PaymentProblem.Message.of("payment.invoice.pueInFull", name, Formats.amount(invoice.balance())));
            }
            covered.put(invoice, waiting);
            sum = sum.add(amount);
        }
        if (request.amount() != null && !amounts.isEmpty() && sum.compareTo(request.amount()) != 0) {
            problems.add(PaymentProblem.Message.of("payment.total.mismatch", Formats.amount(sum), Formats.amount(request.amount())));
        }
        return covered;
    }

    /** Starts payment-received: the "payment made" email and, for PPD invoices, the complement with its timers. */
    private String startPaymentProcess(Payment payment, Registration registration, List<String> lines) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("paymentId", payment.getId());
        variables.put("paymentNumber", payment.getNumber());
        variables.put("amountText", Formats.money(payment.getAmount(), payment.getCurrency()));
        variables.put("paidOnText", Formats.date(payment.getPaidOn()));
        // "|" never occurs in a serie or folio (SAT's pattern excludes it), so it separates the lines safely
        variables.put("invoiceLines", String.join("|", lines));
        variables.put("paymentUrl", "/staff/payments/" + payment.getId());
        LocalDate due = payment.getComplementDue();
        variables.put("repRequired", due != null);
        if (due != null) {
            variables.put("repDueText", Formats.date(due));
            variables.put("repDueAt", at(due, LocalTime.of(23, 59)));
            variables.put("repReminderAt", at(due.minusDays(REMINDER_DAYS_BEFORE), LocalTime.of(9, 0)));
            variables.put("repOverdueAt", at(due.plusDays(1), LocalTime.MIDNIGHT));
        }
        return registrations.startProcess(PROCESS, payment.getNumber(), registration, variables).getId();
    }

    /** A new payment date for an invoice waiting for its payment; the supplier sees it at once. */
    @Transactional
    public void reschedule(StaffPrincipal staff, long invoiceId, LocalDate date) {
        Invoice invoice = invoices.lockForPayment(invoiceId).orElseThrow(NotFound::new);
        registrationFor(staff, invoice.getRegistrationId()); // "not found" unless this person pays for its client
        if (date == null) {
            throw new PaymentProblem("payment.date.required");
        }
        Execution waiting = waitingExecution(invoice).orElseThrow(
                () -> new PaymentProblem("payment.invoice.notScheduled", invoice.serieFolio()));
        runtimeService.createMessageCorrelation(PAYMENT_RESCHEDULED).processInstanceId(waiting.getProcessInstanceId())
                .setVariable("paymentDate", date.toString()).correlate();
    }

    /** The invoice's payment-scheduling instance, when it waits for a payment. */
    private Optional<Execution> waitingExecution(Invoice invoice) {
        return runtimeService.createExecutionQuery().processDefinitionKey(SCHEDULING)
                .processInstanceBusinessKey(invoice.getUuid()).messageEventSubscriptionName(PAYMENT_REGISTERED)
                .list().stream().findFirst();
    }

    private static Date at(LocalDate day, LocalTime time) {
        return Date.from(day.atTime(time).atZone(MexicoTime.ZONE).toInstant());
    }
}
