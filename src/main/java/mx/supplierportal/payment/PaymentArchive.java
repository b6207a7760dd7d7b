package mx.supplierportal.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mx.supplierportal.client.Clients;
import mx.supplierportal.invoice.Invoice;
import mx.supplierportal.security.StaffPrincipal;
import mx.supplierportal.supplier.Registrations.Registration;
import mx.supplierportal.supplier.Registrations;
import mx.supplierportal.web.NotFound;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Payments read back: the supplier's archive (keyset-paged) and a payment with the invoices it covers. */
@Service
public class PaymentArchive {

    private static final int PAGE_SIZE = 20;

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

    /** A row of treasury's list: the payment, the supplier paid and how many invoices it covers. */
    public record StaffRow(Payment payment, String businessName, String supplierRfc, int invoiceCount) {
    }

    public record StaffPage(List<StaffRow> rows, String next) {
    }

    private final PaymentRepository payments;
    private final Registrations registrations;
    private final Clients clients;
    private final JdbcTemplate jdbc;

    PaymentArchive(PaymentRepository payments, Registrations registrations, Clients clients, JdbcTemplate jdbc) {
        this.payments = payments;
        this.registrations = registrations;
        this.clients = clients;
        this.jdbc = jdbc;
    }

    /**
     * "Payments > Archive": the payments of the registrations this supplier user was admitted to, newest first,
     * {@code after} = "epochDay_id" of the last row.
     */
    @Transactional(readOnly = true)
    public ArchivePage archive(long userId, String after) {
        Keyset from = Keyset.after(after);
        java.util.Set<Long> admitted = registrations.idsOf(userId);
        List<Payment> rows = admitted.isEmpty() ? List.of()
                : payments.archive(admitted, from.paidOn(), from.id(), Limit.of(PAGE_SIZE + 1));
        String next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            next = Keyset.of(rows.get(PAGE_SIZE - 1));
        }
        Map<Long, Integer> counts = invoiceCounts(rows);
        Map<Long, String> clientNames = new HashMap<>();
        List<ArchiveRow> view = new ArrayList<>();
        for (Payment payment : rows) {
            String clientName = clientNames.computeIfAbsent(payment.getClientId(),
                    c -> clients.findById(c).map(client -> client.getName()).orElse(""));
            view.add(new ArchiveRow(payment, clientName, counts.getOrDefault(payment.getId(), 0)));
        }
        return new ArchivePage(view, next);
    }

    /**
     * Treasury's list: the payments of every client this person pays for (its treasury or admins; anyone else gets
     * "not found"), newest first, optionally only those whose complement is in {@code only}.
     */
    @Transactional(readOnly = true)
    public StaffPage forTreasury(StaffPrincipal staff, Payment.ComplementStatus only, String after) {
        List<Long> clientIds = staff == null ? List.of() : staff.tenantIds().stream()
                .filter(code -> Payments.paysFor(staff, code))
                .map(code -> clients.findByCode(code).map(c -> c.getId()).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
        if (clientIds.isEmpty()) {
            throw new NotFound();
        }
        Keyset from = Keyset.after(after);
        List<Payment> rows = only == null
                ? payments.ofClients(clientIds, from.paidOn(), from.id(), Limit.of(PAGE_SIZE + 1))
                : payments.ofClients(clientIds, only, from.paidOn(), from.id(), Limit.of(PAGE_SIZE + 1));
        String next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            next = Keyset.of(rows.get(PAGE_SIZE - 1));
        }
        Map<Long, Integer> counts = invoiceCounts(rows);
        Map<Long, Registration> suppliers = registrations.byIds(rows.stream().map(Payment::getRegistrationId)
                .collect(Collectors.toSet()));
        List<StaffRow> view = new ArrayList<>();
        for (Payment payment : rows) {
            Registration registration = suppliers.get(payment.getRegistrationId());
            view.add(new StaffRow(payment, registration.businessName(), registration.supplierRfc(),
                    counts.getOrDefault(payment.getId(), 0)));
        }
        return new StaffPage(view, next);
    }

    /** Where a keyset page starts: after the row paid on {@code paidOn} with {@code id} ("epochDay_id"). */
    private record Keyset(LocalDate paidOn, long id) {

        static Keyset after(String text) {
            if (text != null && text.matches("-?\\d{1,9}_\\d{1,18}")) {
                String[] parts = text.split("_");
                return new Keyset(LocalDate.ofEpochDay(Long.parseLong(parts[0])), Long.parseLong(parts[1]));
            }
            return new Keyset(LocalDate.of(9999, 12, 31), Long.MAX_VALUE);
        }

        static String of(Payment last) {
            return last.getPaidOn().toEpochDay() + "_" + last.getId();
        }
    }

    /** How many invoices each of these payments covers (one query). */
    private Map<Long, Integer> invoiceCounts(List<Payment> rows) {
        Map<Long, Integer> counts = new HashMap<>();
        if (!rows.isEmpty()) {
            String marks = rows.stream().map(p -> "?").collect(Collectors.joining(","));
            jdbc.query("select payment_id, count(*) from payment_invoice where payment_id in (" + marks
                    + ") group by payment_id", rs -> {
                        counts.put(rs.getLong(1), rs.getInt(2));
                    }, rows.stream().map(Payment::getId).toArray());
        }
        return counts;
    }

    /** A payment to a registration this supplier user was admitted to; "not found" for anyone else's. */
    @Transactional(readOnly = true)
    public Details ofSupplier(long userId, long paymentId) {
        Payment payment = payments.findById(paymentId)
                .filter(p -> registrations.admits(userId, p.getRegistrationId())).orElseThrow(NotFound::new);
        return details(payment);
    }

    /** A payment for staff of its client; "not found" for anyone else. */
    @Transactional(readOnly = true)
    public Details forStaff(StaffPrincipal staff, long paymentId) {
        Payment payment = payments.findById(paymentId).orElseThrow(NotFound::new);
        Registration registration = registrations.byId(payment.getRegistrationId()).orElseThrow();
        if (staff == null || !staff.worksFor(registration.clientCode())) {
            throw new NotFound();
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
                + "where pi.payment_id = ? order by i.created_at, i.id", (rs, n) -> new Covered(rs.getLong(1),
                        Invoice.serieFolio(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getString(4),
                        rs.getString(5), "PPD".equals(rs.getString(6)), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getInt(9)), paymentId);
    }
}
