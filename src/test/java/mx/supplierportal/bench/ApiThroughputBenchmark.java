package mx.supplierportal.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import mx.supplierportal.api.ApiScope;
import mx.supplierportal.api.ApiTokens;
import mx.supplierportal.bench.InvoiceLoadBenchmark.Cpu;
import mx.supplierportal.bench.InvoiceLoadBenchmark.Payload;
import mx.supplierportal.bench.InvoiceLoadBenchmark.Payloads;
import mx.supplierportal.bench.InvoiceLoadBenchmark.Session;
import mx.supplierportal.bench.InvoiceLoadBenchmark.WorkFactory;
import mx.supplierportal.support.MciFixture;
import mx.supplierportal.support.TestDatabase;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Intake throughput of the REST API against the engine doing the same work, in one run (issue 15; not a test). On
 * PostgreSQL with the job executor on, after a warm-up, the phases take turns for {@code -Dbench.rounds} rounds (3):
 * each runs for a fixed time and then waits until every background job it caused is done; its <em>sustained</em>
 * rate counts that time too. Taking turns spreads over all three what the JIT still compiles and what the vacuums
 * ({@link Autovacuum}, when the server has its own off) cost:
 * <ol>
 *   <li>(a) <b>bare engine</b>: per invoice, start {@code cfdi-sat-check} and {@code invoice-reception} with the
 *       variables of a real upload and send (business key = a stored invoice's UUID, so the jobs do their real
 *       work: the SAT query and the "sent" email);</li>
 *   <li>(b) <b>API intake</b>: {@code POST /api/v1/invoices?send=true} with XML + PDF and a bearer token — full
 *       validation with the seal, files stored, both processes started;</li>
 *   <li>(c) <b>browser path</b>: a signed-in session uploads and sends, following each redirect to the page a
 *       browser shows (InvoiceLoadBenchmark's measure);</li>
 *   <li>{@code GET /api/v1/invoices} latency at a steady 50 req/s with 10,000 and 1,000,000 invoices.</li>
 * </ol>
 * For each phase: the rate while the clock ran, the sustained rate, p50/p99, and CPU per invoice of this JVM (the
 * application and the load driver) and of PostgreSQL, background jobs included. Command and figures:
 * docs/performance.md, "REST API intake (issue 15)".
 */
public final class ApiThroughputBenchmark {

    private ApiThroughputBenchmark() {
    }

    /** What one phase did, summed over the rounds. */
    static final class Phase {
        final String name;
        int count;
        int seconds;
        double drained;
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        double appCpu;
        double postgresCpu;
        double jit;
        double compilerCpu;

        Phase(String name) {
            this.name = name;
        }

        double rate() {
            return count / (double) seconds;
        }

        double sustained() {
            return count / (seconds + drained);
        }

        void print() {
            System.out.printf(Locale.ROOT, "%s: %.1f invoices/s while the clock ran, %.1f/s sustained (jobs drained in "
                    + "%.1f s), p50 %.1f ms, p99 %.1f ms, n=%d%n  CPU per invoice: app+driver %.1f ms, PostgreSQL "
                    + "%.1f ms; the JIT compiled for %.1f s during it%n", name, rate(), sustained(), drained,
                    InvoiceLoadBenchmark.pct(latencies, 50), InvoiceLoadBenchmark.pct(latencies, 99), count,
                    appCpu * 1000 / count, postgresCpu * 1000 / count, jit);
            System.out.printf(Locale.ROOT, "  without the JIT's compiler threads (%.1f ms per invoice): %.1f ms per "
                    + "invoice, JVM and PostgreSQL%n", compilerCpu * 1000 / count, cpuWithoutJit());
        }

        /**
         * CPU per invoice, JVM and PostgreSQL, without the compiler threads: on two cores the JIT goes on compiling
         * for the whole run at about one core whatever runs, so a phase that finishes fewer invoices a second pays
         * more of it per invoice (docs/performance.md, "Runs F1 and F2").
         */
        double cpuWithoutJit() {
            return (appCpu - compilerCpu + postgresCpu) * 1000 / count;
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int warmUp = Integer.getInteger("bench.warmup", 10);
        int settleLimit = Integer.getInteger("bench.settle", 180);
        TestDatabase.Connection db = TestDatabase.get();
        // the API's per-token limit is not what is measured
        ConfigurableApplicationContext app = InvoiceLoadBenchmark.start(db,
                Map.of("portal.api.requests-per-minute", "100000000"));
        try (AutoCloseable vacuum = Autovacuum.startIfOff(db.url(), db.username(), db.password())) {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            long registrationId = InvoiceLoadBenchmark.setUp(app, base);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            jdbc.update("update invoice_requirement set mandatory = false"); // upload + send, no other document
            long userId = jdbc.queryForObject("select id from supplier_user where email = ?", Long.class,
                    MciFixture.SUPPLIER_EMAIL);
            String token = app.getBean(ApiTokens.class).create(userId, "benchmark", EnumSet.allOf(ApiScope.class),
                    30).secret();
            System.out.printf(Locale.ROOT, "%d s per phase, %d threads, %s%n", seconds, threads, Runtime.version());
            if (Boolean.parseBoolean(System.getProperty("bench.load", "true"))) {
                phases(app, base, registrationId, token, seconds, threads, warmUp, settleLimit);
            } else {
                apiUpload(base, token, new Payloads(1).next()); // one invoice for the seed to copy
            }
            int[] sizes = java.util.Arrays.stream(System.getProperty("bench.sizes", "10000,1000000").split(","))
                    .filter(size -> !size.isBlank()).mapToInt(Integer::parseInt).toArray();
            HttpClient http = HttpClient.newHttpClient();
            for (int target : sizes) {
                InvoiceLoadBenchmark.seed(jdbc, registrationId, target);
                steady(http, base + "/api/v1/invoices", token, 50, Math.max(10, warmUp)); // warm-up
                List<Long> times = steady(http, base + "/api/v1/invoices", token, 50, seconds);
                System.out.printf(Locale.ROOT, "GET /api/v1/invoices with %,d invoices: p50 %.1f ms, p99 %.1f ms at "
                        + "50 req/s (n=%d)%n", target, InvoiceLoadBenchmark.pct(times, 50),
                        InvoiceLoadBenchmark.pct(times, 99), times.size());
            }
        } finally {
            app.close();
        }
        System.exit(0); // the SMTP and SAT stand-ins keep non-daemon threads
    }

    private static void phases(ConfigurableApplicationContext app, String base, long registrationId, String token,
            int seconds, int threads, int warmUp, int settleLimit) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        ManagementService management = app.getBean(ManagementService.class);
        RuntimeService runtime = app.getBean(RuntimeService.class);
        int rounds = Integer.getInteger("bench.rounds", 3);
        Payloads payloads = new Payloads((2 * rounds * seconds + 2 * warmUp + 2 * settleLimit) * threads * 15);

        WorkFactory api = () -> () -> apiUpload(base, token, payloads.next());
        WorkFactory browser = () -> {
            Session session = InvoiceLoadBenchmark.signedIn(base);
            return () -> InvoiceLoadBenchmark.uploadAndSend(session, base, registrationId, payloads.next(), false);
        };
        InvoiceLoadBenchmark.runFor(warmUp, threads, api);
        InvoiceLoadBenchmark.runFor(warmUp, threads, browser);
        InvoiceLoadBenchmark.drain(management);
        // the variables a real upload (SAT check) and a real send (reception) give their processes
        Map<String, Object> reception = new HashMap<>(runtime.getVariables(jdbc.queryForObject(
                "select process_instance_id from invoice where process_instance_id is not null limit 1",
                String.class)));
        Map<String, Object> satCheck = new HashMap<>(reception);
        satCheck.keySet().retainAll(Set.of("invoiceId", "registrationId", "supplierId", "supplierUserId",
                "businessName", "supplierRfc", "clientCode", "clientName"));
        List<Map<String, Object>> stored = jdbc.queryForList("select id, uuid, serie, folio, total from invoice");
        AtomicInteger nextStored = new AtomicInteger();
        WorkFactory bare = () -> () -> {
            Map<String, Object> invoice = stored.get(nextStored.getAndIncrement() % stored.size());
            startBoth(runtime, satCheck, reception, invoice);
        };
        InvoiceLoadBenchmark.runFor(warmUp, threads, bare);
        InvoiceLoadBenchmark.drain(management);
        InvoiceLoadBenchmark.settle("bare", bare, threads, settleLimit, management);
        InvoiceLoadBenchmark.settle("api", api, threads, settleLimit, management);
        InvoiceLoadBenchmark.settle("browser", browser, threads, settleLimit, management);
        InvoiceLoadBenchmark.analyze(jdbc);
        stored.clear();
        stored.addAll(jdbc.queryForList("select id, uuid, serie, folio, total from invoice"));

        // The phases take turns, round after round, so that what the JIT still compiles (on two cores it goes on
        // for minutes in an application this size) and the vacuums fall on all three alike
        Phase a = new Phase("(a) bare engine, cfdi-sat-check + invoice-reception");
        Phase b = new Phase("(b) API intake, POST /api/v1/invoices?send=true");
        Phase c = new Phase("(c) browser path, upload + send + the two pages after them");
        java.util.Queue<Session> sessions = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int t = 0; t < threads; t++) {
            sessions.add(InvoiceLoadBenchmark.signedIn(base));
        }
        for (int round = 1; round <= rounds; round++) {
            System.out.printf(Locale.ROOT, "round %d of %d%n", round, rounds);
            timed(a, seconds, threads, management, jdbc, () -> () -> startBoth(runtime, satCheck, reception,
                    stored.get(nextStored.getAndIncrement() % stored.size())));
            int sentBefore = sent(jdbc);
            int countBefore = b.count;
            timed(b, seconds, threads, management, jdbc, () -> () -> apiUpload(base, token, payloads.next()));
            check(jdbc, sentBefore, b.count - countBefore);
            sentBefore = sent(jdbc);
            countBefore = c.count;
            List<Session> inUse = new java.util.concurrent.CopyOnWriteArrayList<>();
            timed(c, seconds, threads, management, jdbc, () -> {
                Session session = sessions.remove();
                inUse.add(session);
                return () -> InvoiceLoadBenchmark.uploadAndSend(session, base, registrationId, payloads.next(),
                        false);
            });
            sessions.addAll(inUse);
            check(jdbc, sentBefore, c.count - countBefore);
        }
        a.print();
        b.print();
        c.print();
        System.out.printf(Locale.ROOT, "sustained ratios: API/bare = %.2f (target >= 0.8), browser/bare = %.2f "
                + "(target >= 0.6)%n", b.sustained() / a.sustained(), c.sustained() / a.sustained());
        System.out.printf(Locale.ROOT, "while the clock ran: API/bare = %.2f, browser/bare = %.2f%n",
                b.rate() / a.rate(), c.rate() / a.rate());
        System.out.printf(Locale.ROOT, "CPU per invoice without the JIT, bare/API = %.2f, bare/browser = %.2f (near what a "
                + "CPU-bound run's sustained ratios would be once the JIT has finished)%n",
                a.cpuWithoutJit() / b.cpuWithoutJit(), a.cpuWithoutJit() / c.cpuWithoutJit());
    }

    /**
     * One round of a phase: the work for a fixed time, then its background jobs drained; CPU per item includes
     * them. Added to the phase's tally.
     */
    private static void timed(Phase phase, int seconds, int threads, ManagementService management,
            JdbcTemplate jdbc, WorkFactory factory) throws Exception {
        AtomicInteger done = new AtomicInteger();
        boolean statements = Boolean.getBoolean("bench.statements");
        if (statements) {
            jdbc.execute("create extension if not exists pg_stat_statements");
            jdbc.execute("select pg_stat_statements_reset()");
        }
        Map<String, Double> threadsBefore = InvoiceLoadBenchmark.threadCpu();
        var compiler = java.lang.management.ManagementFactory.getCompilationMXBean();
        long jitBefore = compiler.getTotalCompilationTime();
        Cpu start = Cpu.now();
        InvoiceLoadBenchmark.runFor(seconds, threads, () -> {
            InvoiceLoadBenchmark.Work work = factory.create();
            return () -> {
                long begin = System.nanoTime();
                work.run();
                phase.latencies.add(System.nanoTime() - begin);
                done.incrementAndGet();
            };
        });
        double drained = InvoiceLoadBenchmark.drain(management);
        Cpu end = Cpu.now();
        phase.count += done.get();
        phase.seconds += seconds;
        phase.drained += drained;
        phase.appCpu += end.app() - start.app();
        phase.postgresCpu += end.postgres() - start.postgres();
        phase.jit += (compiler.getTotalCompilationTime() - jitBefore) / 1000.0;
        phase.compilerCpu += compilerCpu(InvoiceLoadBenchmark.threadCpu()) - compilerCpu(threadsBefore);
        System.out.printf(Locale.ROOT, "  %s: %d in %d s, drained in %.1f s; %s%n", phase.name, done.get(), seconds,
                drained, end.since(start, done.get()));
        if (Boolean.getBoolean("bench.threads")) {
            InvoiceLoadBenchmark.printThreadCpu(threadsBefore, done.get());
        }
        if (statements) {
            InvoiceLoadBenchmark.printStatements(jdbc, done.get());
        }
    }

    /** CPU seconds of the JIT's compiler threads ("C2 CompilerThread0", … as /proc names them). */
    private static double compilerCpu(Map<String, Double> threads) {
        return threads.entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** The engine work of one invoice: the SAT check an upload starts and the reception a send starts. */
    private static void startBoth(RuntimeService runtime, Map<String, Object> satCheck, Map<String, Object> reception,
            Map<String, Object> invoice) {
        String uuid = (String) invoice.get("uuid");
        long id = ((Number) invoice.get("id")).longValue();
        Map<String, Object> sat = new HashMap<>(satCheck);
        sat.put("invoiceId", id);
        runtime.createProcessInstanceByKey("cfdi-sat-check").businessKey(uuid).processDefinitionWithoutTenantId()
                .setVariables(sat).execute();
        Map<String, Object> send = new HashMap<>(reception);
        send.put("invoiceId", id);
        send.put("uuid", uuid);
        runtime.createProcessInstanceByKey("invoice-reception").businessKey(uuid).processDefinitionWithoutTenantId()
                .setVariables(send).execute();
    }

    private static int sent(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from invoice where process_instance_id is not null",
                Integer.class);
    }

    private static void check(JdbcTemplate jdbc, int before, int count) {
        int started = sent(jdbc) - before;
        if (started != count) {
            throw new IllegalStateException(count + " invoices sent but " + started + " receptions started");
        }
    }

    private static final HttpClient API = HttpClient.newBuilder().build();

    /** One API upload with send=true; anything but 201 stops the benchmark. */
    static void apiUpload(String base, String token, Payload payload) throws Exception {
        String boundary = "----api" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"client\"\r\n\r\nMCI7306249Y1\r\n")
                .getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "xml", "factura.xml", "application/xml", payload.xml());
        part(body, boundary, "pdf", "factura.pdf", "application/pdf", payload.pdf());
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = API.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/invoices?send=true"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 || !response.body().contains("\"IN_PROCESS\"")) {
            throw new IllegalStateException("API upload answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String file, String type,
            byte[] content) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + file + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /** GETs with the bearer token at a steady rate for the given seconds; each latency. */
    private static List<Long> steady(HttpClient http, String url, String token, int perSecond, int seconds)
            throws Exception {
        return InvoiceLoadBenchmark.steady(http, HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET().build(), perSecond, seconds);
    }
}
