package mx.supplierportal.cfdi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Throughput of full validation (read, every rule, issuer seal) of one file on one thread. Not a test: run
 * <pre>
 *   ./mvnw -q test-compile
 *   java -cp target/classes:target/test-classes mx.supplierportal.cfdi.CfdiBenchmark \
 *       src/test/resources/cfdi/invoice-stamped-test-csd.xml [seconds]
 * </pre>
 * It warms up for the given seconds (default 10), then measures five rounds of the same length and prints each
 * round's files per second and the median. It also times each hostile input once, after warm-up.
 */
public final class CfdiBenchmark {

    private CfdiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        byte[] xml = Files.readAllBytes(Path.of(args.length > 0 ? args[0] : "src/test/resources/cfdi/"
                + Samples.STAMPED));
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 10;
        CfdiValidator validator = TestCfdis.validator();
        if (!validator.validate(xml, ValidationContext.NONE).valid()) {
            throw new IllegalStateException("the benchmark file must be valid");
        }
        round(validator, xml, seconds); // warm-up
        double[] rates = new double[5];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = round(validator, xml, seconds);
            System.out.printf(Locale.ROOT, "round %d: %.0f files/s%n", i + 1, rates[i]);
        }
        java.util.Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "median: %.0f files/s on one thread (%s, %d bytes)%n", rates[2],
                Runtime.version(), xml.length);

        String deep = "<a>".repeat(5000) + "</a>".repeat(5000);
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY l \"l\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i == 1 ? "" : i - 1) + ";")
                    .repeat(10)).append("\">");
        }
        laughs.append("]><l>&l9;</l>");
        String[][] hostile = {
                {"xxe", "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><c>&x;</c>"},
                {"billion laughs", laughs.toString()},
                {"5000 levels deep", deep},
                {"truncated", new String(xml, java.nio.charset.StandardCharsets.UTF_8).substring(0, xml.length / 2)},
                {"not xml", "%PDF-1.7 binary"},
                {"empty", ""}};
        for (String[] input : hostile) {
            long start = System.nanoTime();
            ValidationReport report = validator.validate(input[1].getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    ValidationContext.NONE);
            System.out.printf(Locale.ROOT, "%-18s %-14s %.2f ms%n", input[0], report.findings().get(0).code(),
                    (System.nanoTime() - start) / 1e6);
        }
    }

    private static double round(CfdiValidator validator, byte[] xml, long seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            if (validator.validate(xml, ValidationContext.NONE).unreadable()) {
                throw new IllegalStateException("unexpected");
            }
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
