package mx.supplierportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void momentsAreWrittenInMexicoCityTime() {
        // The walk-through's "08:14 Recibida" for an invoice received at 02:14 in Mexico City
        assertThat(Formats.dateTime(OffsetDateTime.parse("2026-12-01T08:14:00Z"))).isEqualTo("01/12/2026 02:14");
        // 23:30 in Mexico City is already the next day in UTC: the day stays Mexico City's
        assertThat(Formats.date(OffsetDateTime.parse("2026-12-02T05:30:00Z"))).isEqualTo("01/12/2026");
        assertThat(Formats.date("2026-12-02T05:30:00Z")).isEqualTo("01/12/2026");
        assertThat(Formats.date(LocalDate.of(2026, 12, 31))).isEqualTo("31/12/2026");
        assertThat(Formats.date("2026-12-31")).isEqualTo("31/12/2026");
        // A CFDI's Fecha has no offset: it is the issuer's local time and is written as it is
        assertThat(Formats.dateTime("2026-11-30T23:25:29")).isEqualTo("30/11/2026 23:25");
        assertThat(Formats.date(null)).isEmpty();
        assertThat(Formats.date("not a date")).isEmpty();
    }

    @Test
    void amountsHaveThousandsSeparatorsTwoDecimalsAndTheirCurrency() {
        assertThat(Formats.money(new BigDecimal("69600"), "MXN")).isEqualTo("69,600.00 MXN");
        assertThat(Formats.money("3750.00", "MXN")).isEqualTo("3,750.00 MXN");
        assertThat(Formats.money(new BigDecimal("1740.005"), "USD")).isEqualTo("1,740.01 USD");
        assertThat(Formats.amount(new BigDecimal("0"))).isEqualTo("0.00");
        assertThat(Formats.money(null, "MXN")).isEmpty();
    }
}
