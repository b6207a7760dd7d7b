package mx.supplierportal.signup;

import java.math.BigInteger;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives out folios: the next folio of an account's active series, and the series moves on by one. Two stampings at
 * once never get the same folio: the move is a compare-and-set on the row ({@code next_folio} still what was read),
 * retried when another one moved first. Leading zeros are kept ("0099" → "0100"). A folio given out is never given
 * again, even if its stamping fails (SAT does not require folios without gaps; a reused folio would be worse).
 */
@Service
public class Folios {

    /** A folio of a series: what goes into the CFDI's Serie and Folio. */
    public record Folio(String serie, String folio) {
    }

    /** An active series as it stands: its next folio (not given out by reading it) and the CFDI type it is for. */
    public record ActiveSeries(String serie, String nextFolio, String cfdiType) {
    }

    private static final int ATTEMPTS = 50;

    private final JdbcTemplate jdbc;
    private final SignupAccountRepository accounts;

    Folios(JdbcTemplate jdbc, SignupAccountRepository accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /**
     * The next folio of the signed-in user's active series {@code serie}, committed at once (its own transaction, so
     * a later failure does not give it back). Empty when the account has no such active series.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Folio> next(long userId, String serie) {
        Optional<SignupAccount> account = accounts.findBySupplierUserId(userId);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var rows = jdbc.queryForList("select id, next_folio from signup_series where account_id = ? and serie = ?"
                    + " and active = true", account.get().getId(), serie);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            long id = ((Number) rows.get(0).get("id")).longValue();
            String current = (String) rows.get(0).get("next_folio");
            int moved = jdbc.update("update signup_series set next_folio = ?, version = version + 1 where id = ?"
                    + " and next_folio = ?", after(current), id, current);
            if (moved == 1) {
                return Optional.of(new Folio(serie, current));
            }
        }
        throw new IllegalStateException("series " + serie + " kept moving: " + ATTEMPTS + " attempts");
    }

    /** The signed-in user's active series {@code serie}; empty when there is none of that name. Gives nothing out. */
    @Transactional(readOnly = true)
    public Optional<ActiveSeries> peek(long userId, String serie) {
        return accounts.findBySupplierUserId(userId).flatMap(account -> jdbc.queryForList("select serie, next_folio, "
                + "cfdi_type from signup_series where account_id = ? and serie = ? and active = true",
                account.getId(), serie).stream().findFirst().map(row -> new ActiveSeries((String) row.get("serie"),
                        (String) row.get("next_folio"), (String) row.get("cfdi_type"))));
    }

    /** The signed-in user's active series, by name: what the upload page offers. */
    @Transactional(readOnly = true)
    public java.util.List<ActiveSeries> active(long userId) {
        return accounts.findBySupplierUserId(userId).map(account -> jdbc.query("select serie, next_folio, cfdi_type "
                + "from signup_series where account_id = ? and active = true order by serie", (rs, n) ->
                new ActiveSeries(rs.getString(1), rs.getString(2), rs.getString(3)), account.getId()))
                .orElse(java.util.List.of());
    }

    /** The folio after {@code folio}, as wide as it was ("0099" → "0100", "9" → "10"). */
    static String after(String folio) {
        String next = new BigInteger(folio).add(BigInteger.ONE).toString();
        return next.length() >= folio.length() ? next : "0".repeat(folio.length() - next.length()) + next;
    }
}
