package mx.supplierportal.cfdi;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stamps per second of the work the portal does per stamp, without the database and the engine: (a) seal an unsealed
 * CFDI with SAT's test CSD, stamp it at the built-in test PAC and print its PDF; (b) the same through the SW sapien
 * connector against the local stub answering {@code latency} ms late, with {@code threads} threads — a waiting stamp
 * holds its thread for the whole wait, so (b) is bounded by threads ÷ latency. A benchmark, not a test:
 * <pre>
 * ./mvnw -q -o test-compile &amp;&amp; ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *     -Dmdep.includeScope=test &amp;&amp; java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     mx.supplierportal.cfdi.StampingBenchmark 20 100 1,4,16
 * </pre>
 * Arguments: seconds per measurement, the stub's latency in ms, the thread counts.
 */
public final class StampingBenchmark {

    private StampingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long latency = args.length > 1 ? Long.parseLong(args[1]) : 100;
        String[] threads = (args.length > 2 ? args[2] : "1,4,16").split(",");
        Stamper testPac = TestStamps.standIn().pac();
        for (String n : threads) {
            double rate = run(Integer.parseInt(n), seconds, () -> {
                byte[] sealed = sealedNow();
                Cfdi stamped = new CfdiReader().read(testPac.stamp(sealed, null).xml());
                PrintedCfdi.render(stamped, true);
            });
            System.out.printf("seal + test PAC + PDF, %s thread(s): %.0f stamps/s%n", n, rate);
        }
        try (SwSapienStub sw = new SwSapienStub(latency)) {
            SwSapienStamper stamper = new SwSapienStamper(sw.base(), SwSapienStub.USER, SwSapienStub.PASSWORD,
                    Duration.ofSeconds(30), Clock.systemUTC());
            byte[] sealed = sealedNow();
            for (String n : threads) {
                double rate = run(Integer.parseInt(n), seconds, () -> stamper.stamp(sealed,
                        UUID.randomUUID().toString()));
                System.out.printf("SW sapien stub at %d ms, %s thread(s): %.1f stamps/s%n", latency, n, rate);
            }
        }
    }

    interface Work {
        void run() throws Exception;
    }

    private static double run(int threads, int seconds, Work work) throws Exception {
        long warmUntil = System.nanoTime() + Duration.ofSeconds(Math.max(2, seconds / 4)).toNanos();
        while (System.nanoTime() < warmUntil) {
            work.run();
        }
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    work.run();
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static byte[] sealedNow() {
        String now = LocalDateTime.now(ZoneId.of("America/Mexico_City")).withNano(0)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
        return TestCfdis.signed(TestCfdis.invoice().replace("2025-03-10T10:00:00", now)); // sealed with the CSD
    }
}
