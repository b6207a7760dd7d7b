package mx.supplierportal.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Valid, unique legal-entity RFCs for tests: three letters, a date, two characters and SAT's check digit. */
public final class TestRfcs {

    private static final AtomicInteger COUNTER = new AtomicInteger((int) (System.nanoTime() % 50_000));
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ";

    private TestRfcs() {
    }

    public static String next() {
        int n = COUNTER.incrementAndGet();
        String letters = "" + (char) ('A' + n % 26) + (char) ('A' + (n / 26) % 26) + (char) ('A' + (n / 676) % 26);
        String date = String.format("%02d%02d%02d", (n / 17576) % 100, 1 + n % 12, 1 + n % 28);
        String body = letters + date + "A" + (n % 10);
        return body + checkDigit(body);
    }

    /** Computed independently of the production code, from SAT's published weighting. */
    static char checkDigit(String elevenChars) {
        String padded = " " + elevenChars;
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += ALPHABET.indexOf(padded.charAt(i)) * (13 - i);
        }
        int remainder = sum % 11;
        if (remainder == 0) {
            return '0';
        }
        return 11 - remainder == 10 ? 'A' : (char) ('0' + 11 - remainder);
    }
}
