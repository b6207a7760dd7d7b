package mx.supplierportal.payment;

import java.util.List;
import mx.supplierportal.invoice.PaymentsOfInvoice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The payments that covered an invoice, for the invoice's page (one indexed query, ix_payment_invoice_invoice). */
@Component
class PaymentLinks implements PaymentsOfInvoice {

    private final JdbcTemplate jdbc;

    PaymentLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PaymentLink> of(long invoiceId) {
        return jdbc.query("select p.id, p.payment_number, p.paid_on, pi.amount from payment_invoice pi "
                + "join payment p on p.id = pi.payment_id where pi.invoice_id = ? order by p.paid_on, p.id",
                (rs, i) -> new PaymentLink(rs.getLong(1), rs.getString(2), rs.getObject(3, java.time.LocalDate.class),
                        rs.getBigDecimal(4)), invoiceId);
    }
}
