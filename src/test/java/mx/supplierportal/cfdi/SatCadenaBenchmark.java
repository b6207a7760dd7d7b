package mx.supplierportal.cfdi;

import java.util.Locale;

/**
 * What SAT's stylesheets cost: compiling them once (the first CFDI with a complement the Java path does not cover),
 * and full validation per second of a CFDI whose seal is checked through them, next to one checked by the Java path.
 * Not a test: run
 * <pre>
 *   ./mvnw -q test-compile
 *   java -cp target/classes:target/test-classes mx.supplierportal.cfdi.SatCadenaBenchmark [seconds]
 * </pre>
 */
public final class SatCadenaBenchmark {

    private SatCadenaBenchmark() {
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 5;
        long start = System.nanoTime();
        int known = SatCadena.CFDI_40.namespaces().size();
        System.out.printf(Locale.ROOT, "compiling SAT's cadenaoriginal_4_0.xslt and its includes: %.0f ms "
                + "(%d namespaces)%n", (System.nanoTime() - start) / 1e6, known);
        CfdiValidator validator = TestCfdis.validator();
        for (String[] file : new String[][] {{"java path (no complement)", TestCfdis.invoice()},
                {"SAT stylesheet (Leyendas Fiscales)", TestCfdis.invoiceWithLeyenda()},
                {"SAT stylesheet (nómina 1.2)", CorpusTest.text("own-nomina12.template.xml")},
                {"SAT stylesheet (Carta Porte 3.1)", CorpusTest.text("own-cartaporte31.template.xml")}}) {
            byte[] xml = TestCfdis.signed(file[1]);
            if (!validator.validate(xml, ValidationContext.NONE).valid()) {
                throw new IllegalStateException("the benchmark file must be valid");
            }
            rate(validator, xml, seconds); // warm-up
            double[] rates = new double[5];
            for (int i = 0; i < rates.length; i++) {
                rates[i] = rate(validator, xml, seconds);
            }
            java.util.Arrays.sort(rates);
            System.out.printf(Locale.ROOT, "%-36s median %.0f files/s on one thread%n", file[0], rates[2]);
        }
    }

    private static double rate(CfdiValidator validator, byte[] xml, long seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            validator.validate(xml, ValidationContext.NONE);
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
