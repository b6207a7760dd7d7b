package mx.supplierportal.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankHolidaysTest {

    @Test
    void the2026CalendarIsTheOneTheCnbvPublished() {
        List<LocalDate> closed = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
            if (BankHolidays.holiday(day)) {
                closed.add(day);
            }
        }
        assertThat(closed).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 2),
                LocalDate.of(2026, 3, 16), LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 3),
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 9, 16), LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 16), LocalDate.of(2026, 12, 12), LocalDate.of(2026, 12, 25));
    }

    @Test
    void easterAndTheChangeOfPresident() {
        assertThat(BankHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(BankHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(BankHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(BankHolidays.holiday(LocalDate.of(2030, 10, 1))).isTrue();
        assertThat(BankHolidays.holiday(LocalDate.of(2027, 10, 1))).isFalse();
    }

    @Test
    void aProposedPaymentDateIsADayBanksAreOpen() {
        InvoiceSettings terms = new InvoiceSettings(1L, true, 30);
        // 30 days after 2026-10-03 is Monday 2 November (Día de Muertos): Tuesday
        assertThat(terms.proposedPaymentDate(LocalDate.of(2026, 10, 3))).isEqualTo(LocalDate.of(2026, 11, 3));
        // 30 days after 2027-02-23 is Holy Thursday 2027-03-25: Good Friday and the weekend follow, so Monday
        assertThat(terms.proposedPaymentDate(LocalDate.of(2027, 2, 23))).isEqualTo(LocalDate.of(2027, 3, 29));
        // a Friday payment run that falls on Christmas 2026: the next day banks open
        terms.paymentTerms(15, 5, 5);
        assertThat(terms.proposedPaymentDate(LocalDate.of(2026, 12, 10))).isEqualTo(LocalDate.of(2026, 12, 28));
    }
}
