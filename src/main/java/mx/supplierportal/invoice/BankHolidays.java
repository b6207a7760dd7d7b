package mx.supplierportal.invoice;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * The days Mexican banks close besides weekends, following the pattern of the CNBV's yearly "días en que las
 * entidades financieras deberán cerrar sus puertas" (2026: January 1, first Monday of February, third Monday of
 * March, Holy Thursday and Good Friday, May 1, September 16, November 2, third Monday of November, December 12 and
 * 25), plus October 1 in the years the federal executive changes hands (2024, 2030, ...). The CNBV publishes the
 * calendar each December; a year that departs from the pattern needs a change here (docs/decisions.md).
 */
final class BankHolidays {

    private BankHolidays() {
    }

    /** Whether banks are closed that day: a weekend or one of the days above. */
    static boolean closed(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY || holiday(day);
    }

    static boolean holiday(LocalDate day) {
        int year = day.getYear();
        LocalDate easter = easterSunday(year);
        return day.equals(LocalDate.of(year, Month.JANUARY, 1))
                || day.equals(nthMonday(year, Month.FEBRUARY, 1))
                || day.equals(nthMonday(year, Month.MARCH, 3))
                || day.equals(easter.minusDays(3)) || day.equals(easter.minusDays(2))
                || day.equals(LocalDate.of(year, Month.MAY, 1))
                || day.equals(LocalDate.of(year, Month.SEPTEMBER, 16))
                || (Math.floorMod(year - 2024, 6) == 0 && day.equals(LocalDate.of(year, Month.OCTOBER, 1)))
                || day.equals(LocalDate.of(year, Month.NOVEMBER, 2))
                || day.equals(nthMonday(year, Month.NOVEMBER, 3))
                || day.equals(LocalDate.of(year, Month.DECEMBER, 12))
                || day.equals(LocalDate.of(year, Month.DECEMBER, 25));
    }

    private static LocalDate nthMonday(int year, Month month, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computation). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
