package mx.supplierportal.invoice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mx.supplierportal.supplier.Registrations;
import mx.supplierportal.supplier.Registrations.Registration;
import mx.supplierportal.web.MexicoTime;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supplier's lists under "My CFDIs" (to send, in process, rejected, paid): keyset pages, searches, the CSV
 * export's rows. Only the signed-in user's own active registrations.
 */
@Service
public class InvoiceLists {

    static final int PAGE_SIZE = 20;

    public record Page(List<Invoice> invoices, String next, Map<Long, Map<String, OffsetDateTime>> stageDates) {

        public Page(List<Invoice> invoices, String next) {
            this(invoices, next, Map.of());
        }

        /** When the invoice last reached that stage, in Mexico City time (for the dot's tooltip), or null. */
        public java.time.ZonedDateTime reached(Invoice invoice, Invoice.Stage stage) {
            OffsetDateTime at = stageDates.getOrDefault(invoice.getId(), Map.of()).get(stage.name());
            return at == null ? null : at.atZoneSameInstant(MexicoTime.ZONE);
        }
    }

    private final Registrations registrations;
    private final InvoiceRepository invoices;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    InvoiceLists(Registrations registrations, InvoiceRepository invoices, JdbcTemplate jdbc, Clock clock) {
        this.registrations = registrations;
        this.invoices = invoices;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Registration> registrationsOf(long userId) {
        return registrations.activeOf(userId);
    }

    /**
     * The supplier's lists under "My CFDIs": to send (drafts and invoices waiting for more information), in process
     * (sent, approved, waiting for payment), rejected, paid.
     */
    public enum Shelf {
        TO_SEND(Invoice.Status.DRAFT, Invoice.Status.MORE_INFO),
        IN_PROCESS(Invoice.Status.IN_PROCESS, Invoice.Status.APPROVED),
        REJECTED(Invoice.Status.REJECTED),
        PAID(Invoice.Status.PAID);

        private final EnumSet<Invoice.Status> statuses;

        Shelf(Invoice.Status first, Invoice.Status... rest) {
            this.statuses = EnumSet.of(first, rest);
        }

        public EnumSet<Invoice.Status> statuses() {
            return EnumSet.copyOf(statuses);
        }
    }

    /** What the supplier looks for in a list: text in serie, folio or UUID, and a range of issue days. */
    public record Search(String text, LocalDate from, LocalDate to) {

        public static final Search NONE = new Search(null, null, null);

        public boolean isEmpty() {
            return (text == null || text.isBlank()) && from == null && to == null;
        }

        String pattern() {
            String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace("%", "").replace("_", "");
            return "%" + t + "%";
        }
    }

    /** The rows a search shows, and the most a CSV export holds (bounded work: a search is not paged). */
    static final int SEARCH_LIMIT = 200;
    public static final int EXPORT_LIMIT = 5_000;

    /** The invoices of one list that match a search, newest first (at most {@code limit}). */
    @Transactional(readOnly = true)
    public List<Invoice> search(long userId, long registrationId, Shelf shelf, Search search, int limit) {
        Invoices.ownActive(registrations, userId, registrationId);
        LocalDateTime from = search.from() == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : search.from().atStartOfDay();
        LocalDateTime until = search.to() == null ? LocalDateTime.of(9999, 1, 1, 0, 0)
                : search.to().plusDays(1).atStartOfDay();
        return invoices.search(registrationId, shelf.statuses(), search.pattern(), from, until, Limit.of(limit));
    }

    /** A search shown as a list page (no next page: a search shows its first {@value #SEARCH_LIMIT} rows). */
    @Transactional(readOnly = true)
    public Page searchPage(long userId, long registrationId, Shelf shelf, Search search) {
        List<Invoice> rows = search(userId, registrationId, shelf, search, SEARCH_LIMIT);
        return new Page(rows, null, shelf == Shelf.TO_SEND ? Map.of() : stageDates(rows));
    }

    /** "To send" or "In process", newest first. */
    @Transactional(readOnly = true)
    public Page page(long userId, long registrationId, boolean toSend, String after) {
        return page(userId, registrationId, toSend ? Shelf.TO_SEND : Shelf.IN_PROCESS, null, false, after);
    }

    /**
     * A keyset page: {@code after} is the previous page's last row ("millis_id"), so a page costs the same on the
     * first page and on the thousandth, with the (client_supplier_id, status, created_at, id) index.
     */
    @Transactional(readOnly = true)
    public Page page(long userId, long registrationId, Shelf shelf, Invoice.Status only, boolean oldestFirst,
            String after) {
        Invoices.ownActive(registrations, userId, registrationId);
        boolean toSend = shelf == Shelf.TO_SEND;
        EnumSet<Invoice.Status> statuses = shelf.statuses();
        if (only != null && statuses.contains(only)) {
            statuses = EnumSet.of(only);
        }
        OffsetDateTime createdAt = oldestFirst ? OffsetDateTime.parse("1970-01-01T00:00:00Z")
                : OffsetDateTime.now(clock).plusYears(100);
        long id = oldestFirst ? 0 : Long.MAX_VALUE;
        if (after != null && after.matches("\\d{1,15}_\\d{1,18}")) {
            String[] parts = after.split("_");
            createdAt = java.time.Instant.ofEpochMilli(Long.parseLong(parts[0])).atOffset(java.time.ZoneOffset.UTC);
            id = Long.parseLong(parts[1]);
        }
        List<Invoice> rows = oldestFirst
                ? invoices.pageAscending(registrationId, statuses, createdAt, id, Limit.of(PAGE_SIZE + 1))
                : invoices.page(registrationId, statuses, createdAt, id, Limit.of(PAGE_SIZE + 1));
        String next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            Invoice last = rows.get(PAGE_SIZE - 1);
            next = last.getCreatedAt().toInstant().toEpochMilli() + "_" + last.getId();
        }
        return new Page(rows, next, toSend ? Map.of() : stageDates(rows));
    }

    /** The last time each invoice of a page reached each stage: one query for the page. */
    private Map<Long, Map<String, OffsetDateTime>> stageDates(List<Invoice> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<String, OffsetDateTime>> dates = new HashMap<>();
        String marks = String.join(",", java.util.Collections.nCopies(rows.size(), "?"));
        jdbc.query("select invoice_id, stage, max(happened_at) from invoice_stage_event where invoice_id in (" + marks
                + ") group by invoice_id, stage", rs -> {
                    dates.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class));
                }, rows.stream().map(Invoice::getId).toArray());
        return dates;
    }

}
