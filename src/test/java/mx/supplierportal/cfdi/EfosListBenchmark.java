package mx.supplierportal.cfdi;

import java.util.Locale;

/**
 * What reading SAT's 69-B list costs: a list of {@code rows} taxpayers in SAT's CSV shape, parsed after a warm-up.
 * Not a test: run
 * <pre>
 *   ./mvnw -q test-compile
 *   java -cp target/classes:target/test-classes:$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout \
 *       -Dmdep.includeScope=test) mx.supplierportal.cfdi.EfosListBenchmark [rows]
 * </pre>
 */
public final class EfosListBenchmark {

    private EfosListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 15_000;
        byte[] csv = new EfosCsv("30 de septiembre de 2025").filler(rows).bytes();
        for (int i = 0; i < 5; i++) {
            EfosList.parse(csv);
        }
        int rounds = 10;
        long start = System.nanoTime();
        int size = 0;
        for (int i = 0; i < rounds; i++) {
            size = EfosList.parse(csv).size();
        }
        System.out.printf(Locale.ROOT, "%,d bytes, %,d taxpayers: %.1f ms per parse (one thread)%n", csv.length, size,
                (System.nanoTime() - start) / 1e6 / rounds);
    }
}
