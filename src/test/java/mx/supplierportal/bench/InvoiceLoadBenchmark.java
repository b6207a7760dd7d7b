package mx.supplierportal.bench;

import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.supplierportal.SupplierPortalApplication;
import mx.supplierportal.client.Clients;
import mx.supplierportal.client.StaffRole;
import mx.supplierportal.supplier.SupplierRegistration;
import mx.supplierportal.support.MciFixture;
import mx.supplierportal.support.Pdf;
import mx.supplierportal.support.TestDatabase;
import mx.supplierportal.support.TestMail;
import mx.supplierportal.support.TestSat;
import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Load benchmark of invoice reception, on PostgreSQL (not a test). It starts the application (postgres profile,
 * job executor on, GreenMail and a local SAT stub), then:
 * <ol>
 *   <li>warms both phases up until the JIT is (nearly) done compiling, lets background jobs finish and analyzes
 *       the tables (as autovacuum would);</li>
 *   <li>signed-in supplier sessions upload the shared sample (new UUID each time) with a PDF and send it over
 *       HTTP, following each redirect as a browser does, for a fixed time: invoices/s and p50/p99;</li>
 *   <li>the bare engine starts the same process directly, same threads and time: instances/s; then both rates
 *       again with the time their background jobs needed afterwards ("sustained");</li>
 *   <li>"In process" page p99 at a steady 50 requests/s, with 10,000 and then 1,000,000 invoices in the table.</li>
 * </ol>
 * Options and the command are in docs/performance.md. Run (needs TEST_POSTGRES_URL like the tests):
 * <pre>
 *   ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 *   TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres' \
 *     java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     mx.supplierportal.bench.InvoiceLoadBenchmark [seconds] [threads]
 * </pre>
 */
public final class InvoiceLoadBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private InvoiceLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int warmUp = Integer.getInteger("bench.warmup", 10);
        TestDatabase.Connection db = TestDatabase.get();
        ConfigurableApplicationContext app = start(db, Map.of());
        try (AutoCloseable vacuum = Autovacuum.startIfOff(db.url(), db.username(), db.password())) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String base = "http://127.0.0.1:" + port;
            long registrationId = setUp(app, base);
            System.out.printf(Locale.ROOT, "%d s per phase, %d threads, %s%n", seconds, threads, Runtime.version());

            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            if (Boolean.parseBoolean(System.getProperty("bench.load", "true"))) {
                loadPhases(app, base, registrationId, seconds, threads, warmUp);
            } else {
                // Pages only, on a database holding just the seeded rows: one invoice sent for the seed to copy
                jdbc.update("update invoice_requirement set mandatory = false");
                uploadAndSend(signedIn(base), base, registrationId, new Payloads(1).next(), false);
            }
            HttpClient reader = signedIn(base).http();
            // bench.sizes: the table sizes, in order (a size already reached is measured again without seeding)
            int[] sizes = Boolean.parseBoolean(System.getProperty("bench.pages", "true"))
                    ? java.util.Arrays.stream(System.getProperty("bench.sizes", "10000,1000000").split(","))
                            .mapToInt(Integer::parseInt).toArray() : new int[0];
            for (int target : sizes) {
                seed(jdbc, registrationId, target);
                steady(reader, base + "/invoices/" + registrationId + "/in-process", 50, Math.max(4, warmUp)); // warm-up
                List<Long> pageTimes = steady(reader, base + "/invoices/" + registrationId + "/in-process", 50, seconds);
                System.out.printf(Locale.ROOT, "\"In process\" with %,d invoices: p50 %.1f ms, p99 %.1f ms at 50 req/s "
                        + "(n=%d)%n", target, pct(pageTimes, 50), pct(pageTimes, 99), pageTimes.size());
            }
        } finally {
            app.close();
        }
        System.exit(0); // the SMTP and SAT stand-ins keep non-daemon threads
    }

    /** The process a send starts, started directly, with the variables of a real send for the given invoice. */
    private static void startBare(RuntimeService runtime, Map<String, Object> template, long invoiceId) {
        Map<String, Object> variables = new java.util.HashMap<>(template);
        if (invoiceId > 0) {
            variables.put("invoiceId", invoiceId);
        }
        runtime.createProcessInstanceByKey("invoice-reception").businessKey(UUID.randomUUID().toString())
                .processDefinitionWithoutTenantId().setVariables(variables).execute();
    }

    /**
     * The application on the postgres profile against that database, GreenMail and the SAT stand-in, on a free port,
     * with {@code extra} settings on top (system properties outrank the profile's own settings; defaults would not).
     */
    static ConfigurableApplicationContext start(TestDatabase.Connection db, Map<String, String> extra) {
        Map.of("spring.datasource.url", db.url(),
                "spring.mail.host", "127.0.0.1", "spring.mail.port", String.valueOf(TestMail.port()),
                "portal.sat.endpoint", TestSat.endpoint(),
                // fresh invoices are stamped by the tests' stand-in SAT, whose certificate this folder holds
                "portal.sat.certificates.folder", "src/test/resources/cfdi/stand-in-sat",
                "camunda.bpm.admin-user.id", "ops", "camunda.bpm.admin-user.password", "ops-bench-only",
                "server.port", "0", "logging.level.root", "WARN").forEach(System::setProperty);
        extra.forEach(System::setProperty);
        return new SpringApplicationBuilder(SupplierPortalApplication.class).profiles("postgres").run();
    }

    /** CPU seconds used so far by this JVM and by the PostgreSQL server's processes (Linux /proc; bench only). */
    record Cpu(double app, double postgres) {
        static Cpu now() {
            double app = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            double postgres = 0;
            long ticks = 100; // USER_HZ on Linux
            try (var pids = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (var dir : pids.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String stat = java.nio.file.Files.readString(dir.resolve("stat"));
                        if (stat.contains("(postgres)")) {
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            postgres += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) ticks;
                        }
                    } catch (java.io.IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            } catch (java.io.IOException e) {
                return new Cpu(app, Double.NaN);
            }
            return new Cpu(app, postgres);
        }

        String since(Cpu start, int count) {
            return String.format(Locale.ROOT, "CPU per item: app+driver %.1f ms, PostgreSQL %.1f ms",
                    (app - start.app) * 1000 / count, (postgres - start.postgres) * 1000 / count);
        }
    }

    /** CPU seconds per thread group of this JVM (/proc/self/task; threads that ended are missing). */
    static Map<String, Double> threadCpu() {
        Map<String, Double> groups = new java.util.TreeMap<>();
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (var dir : tasks.toList()) {
                try {
                    String stat = java.nio.file.Files.readString(dir.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "N");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    groups.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, Double::sum);
                } catch (java.io.IOException | RuntimeException gone) {
                    // ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return groups;
        }
        return groups;
    }

    static void printThreadCpu(Map<String, Double> before, int count) {
        Map<String, Double> after = threadCpu();
        after.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(10)
                .forEach(e -> System.out.printf(Locale.ROOT, "    %-20s %.1f ms per item%n", e.getKey(),
                        e.getValue() * 1000 / count));
    }

    /** Portal upload+send, then the bare engine, each after a warm-up; rates, latencies and CPU per item. */
    private static void loadPhases(ConfigurableApplicationContext app, String base, long registrationId, int seconds,
            int threads, int warmUp) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        var management = app.getBean(org.camunda.bpm.engine.ManagementService.class);
        boolean journey = Boolean.getBoolean("bench.journey");
        if (!journey) {
            // The measure is "upload and send": this client asks for no mandatory document
            jdbc.update("update invoice_requirement set mandatory = false");
        }
        // Payloads are made before the clock starts, so that the driver's own work is not measured
        int settleLimit = Integer.getInteger("bench.settle", 240);
        Payloads payloads = new Payloads((seconds + warmUp + settleLimit) * threads * 20);

        // Warm-up (not counted): the JIT compiles the hot paths of both phases before either is timed
        WorkFactory portalWork = () -> {
            Session session = signedIn(base);
            return () -> uploadAndSend(session, base, registrationId, payloads.next(), journey);
        };
        runFor(warmUp, threads, portalWork);
        RuntimeService runtime = app.getBean(RuntimeService.class);
        Map<String, Object> template = new java.util.HashMap<>(runtime.getVariables(jdbc.queryForObject(
                "select process_instance_id from invoice where process_instance_id is not null limit 1",
                String.class)));
        WorkFactory bareWork = () -> () -> startBare(runtime, template, -1L);
        runFor(warmUp, threads, bareWork);
        drain(management);
        // ... and goes on until the JIT has (nearly) stopped compiling: a big application keeps a core busy
        // compiling for minutes, and whichever phase ran while it did would pay for it
        settle("portal", portalWork, threads, settleLimit, management);
        settle("bare", bareWork, threads, settleLimit, management);
        analyze(jdbc);
        STEPS.clear();
        int sentBefore = jdbc.queryForObject("select count(*) from invoice where process_instance_id is not null",
                Integer.class);

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        boolean statements = Boolean.getBoolean("bench.statements");
        if (statements) {
            jdbc.execute("create extension if not exists pg_stat_statements");
            jdbc.execute("select pg_stat_statements_reset()");
        }
        java.util.Queue<Session> sessions = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int t = 0; t < threads; t++) {
            sessions.add(signedIn(base));
        }
        Cpu portalCpu = Cpu.now();
        Map<String, Double> portalThreads = threadCpu();
        runFor(seconds, threads, () -> {
            Session session = sessions.remove();
            return () -> {
                long start = System.nanoTime();
                uploadAndSend(session, base, registrationId, payloads.next(), journey);
                latencies.add(System.nanoTime() - start);
                done.incrementAndGet();
            };
        });
        double portalRate = done.get() / (double) seconds;
        int sent = jdbc.queryForObject("select count(*) from invoice where process_instance_id is not null",
                Integer.class);
        if (sent - sentBefore != done.get()) {
            throw new IllegalStateException(done.get() + " invoices sent over HTTP but " + sent + " started");
        }
        if (Boolean.getBoolean("bench.steps")) {
            STEPS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> System.out.printf(
                    Locale.ROOT, "  step %s: %.1f ms per invoice%n", e.getKey(), e.getValue().sum() / 1e6 / done.get()));
        }
        System.out.printf(Locale.ROOT, "portal: %.1f invoices/s (%s over HTTP), p50 %.1f ms, p99 %.1f ms, n=%d%n",
                portalRate, journey ? "list+upload+details+attach+send" : "upload+send", pct(latencies, 50),
                pct(latencies, 99), done.get());
        double portalSustained = done.get() / (seconds + drain(management));
        System.out.println("  " + Cpu.now().since(portalCpu, done.get()) + " (with the background jobs)");
        if (Boolean.getBoolean("bench.threads")) {
            printThreadCpu(portalThreads, done.get());
        }
        if (statements) {
            printStatements(jdbc, done.get());
            jdbc.execute("select pg_stat_statements_reset()");
        }

        // The same process with the same variables as a real send, for invoices the portal phase stored, so
        // that its background jobs (the "sent" email) do the same work as in the portal phase
        List<Long> invoiceIds = jdbc.queryForList("select id from invoice", Long.class);
        AtomicInteger started = new AtomicInteger();
        Cpu bareCpu = Cpu.now();
        Map<String, Double> bareThreads = threadCpu();
        runFor(seconds, threads, () -> () -> {
            startBare(runtime, template, invoiceIds.get(started.get() % invoiceIds.size()));
            started.incrementAndGet();
        });
        double bareRate = started.get() / (double) seconds;
        System.out.printf(Locale.ROOT, "bare engine: %.1f instances/s (startProcessInstance); portal/bare = %.2f%n",
                bareRate, portalRate / bareRate);
        double bareSustained = started.get() / (seconds + drain(management));
        System.out.println("  " + Cpu.now().since(bareCpu, started.get()) + " (with the background jobs)");
        if (Boolean.getBoolean("bench.threads")) {
            printThreadCpu(bareThreads, started.get());
        }
        if (statements) {
            printStatements(jdbc, started.get());
        }
        // The rates above count what was started while the clock ran; background jobs left over (the bare
        // phase outruns the job executor) finish during the drain. Counting that time too gives the rate each
        // side can keep up for long:
        System.out.printf(Locale.ROOT, "sustained, background jobs included: portal %.1f invoices/s, bare %.1f "
                + "instances/s; portal/bare = %.2f%n", portalSustained, bareSustained, portalSustained / bareSustained);

    }

    /**
     * The statements PostgreSQL spent most time on during a phase, per item (needs the server started with
     * {@code shared_preload_libraries = 'pg_stat_statements'}; printed with -Dbench.statements=true).
     */
    static void printStatements(JdbcTemplate jdbc, int count) {
        String thisDatabase = "from pg_stat_statements where dbid = "
                + "(select oid from pg_database where datname = current_database()) ";
        Map<String, Object> all = jdbc.queryForMap("select sum(calls) calls, sum(total_exec_time) ms "
                + thisDatabase);
        System.out.printf(Locale.ROOT, "  statements: %.1f per item, %.2f ms executing per item%n",
                ((Number) all.get("calls")).doubleValue() / count, ((Number) all.get("ms")).doubleValue() / count);
        jdbc.query("select calls, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), ?) q "
                + thisDatabase + "order by total_exec_time desc limit 25", rs -> {
                    System.out.printf(Locale.ROOT, "    %5.2f calls %6.3f ms  %s%n", rs.getLong(1) / (double) count,
                            rs.getDouble(2) / count, rs.getString(3));
                }, Integer.getInteger("bench.statementWidth", 110));
    }

    /**
     * Repeats 10-second warm-up rounds of one phase until the JIT compiled for less than a tenth of a round (or
     * the limit is reached), then lets the round's background jobs finish.
     */
    static void settle(String phase, WorkFactory work, int threads, int limit,
            org.camunda.bpm.engine.ManagementService management) throws Exception {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        int spent = 0;
        long compiling;
        do {
            long before = jit.getTotalCompilationTime();
            runFor(10, threads, work);
            compiling = jit.getTotalCompilationTime() - before;
            spent += 10;
        } while (compiling > 1000 && spent < limit);
        System.out.printf(Locale.ROOT, "  (%s: %d s more warm-up; the JIT compiled %.1f s in the last 10 s)%n", phase,
                spent, compiling / 1000.0);
        drain(management);
    }

    /**
     * Refreshes the planner's statistics after the warm-up filled the tables, as autovacuum does on a default
     * server. Without it a server with autovacuum off plans the engine's queries for the empty tables of start-up
     * (seen: loading an execution's variables read every index entry with TASK_ID_ null, 9 ms per job).
     */
    static void analyze(JdbcTemplate jdbc) {
        String autovacuum = jdbc.queryForObject("show autovacuum", String.class);
        long start = System.nanoTime();
        jdbc.execute("analyze");
        System.out.printf(Locale.ROOT, "  (autovacuum %s on this server; analyzed after the warm-up in %.1f s)%n",
                autovacuum, (System.nanoTime() - start) / 1e9);
    }

    /** Lets the background jobs of a phase (emails, SAT checks) finish before the next phase starts. */
    static double drain(org.camunda.bpm.engine.ManagementService management) {
        long start = System.nanoTime();
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> management.createJobQuery().executable().messages().count() == 0);
        } catch (ConditionTimeoutException e) {
            System.out.println("note: background jobs still pending after 3 minutes; going on anyway");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "  (background jobs drained in %.1f s)%n", seconds);
        return seconds;
    }

    /** New invoices (the shared sample with a fresh stamp UUID) and their PDFs, made ahead of the timed phase. */
    static final class Payloads {
        private final List<Payload> items = new ArrayList<>();
        private final AtomicInteger next = new AtomicInteger();

        Payloads(int count) {
            for (int i = 0; i < count; i++) {
                String uuid = UUID.randomUUID().toString();
                items.add(new Payload(MciFixture.freshInvoice(uuid).getBytes(StandardCharsets.UTF_8),
                        Pdf.withText(uuid), Pdf.withText("OC " + uuid)));
            }
        }

        Payload next() {
            int i = next.getAndIncrement();
            if (i >= items.size()) {
                throw new IllegalStateException("more invoices than payloads made; raise the factor in main");
            }
            return items.get(i);
        }
    }

    record Payload(byte[] xml, byte[] pdf, byte[] purchaseOrder) {
    }

    static long setUp(ConfigurableApplicationContext app, String base) throws Exception {
        Clients clients = app.getBean(Clients.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        clients.create(MciFixture.CODE, "Municipio de Cuautitlán Izcalli", "MCI7306249Y1", "54700", "603");
        clients.addStaff(MciFixture.CODE, "mciadmin", "Ana", "Admin", "a@mci.test", "bench-admin-password",
                StaffRole.ADMIN);
        jdbc.update("update invoice_settings set max_age_days = 3650");
        jdbc.update("update record_template set approved_before_invoicing = false");
        app.getBean(SupplierRegistration.class).register(clients.findByCode(MciFixture.CODE).orElseThrow(),
                new SupplierRegistration.Request("Escuela Kemper Urgate", "EKU9003173C9", "Esther Kemper",
                        MciFixture.SUPPLIER_EMAIL, "es"), "bench");
        String link = TestMail.link(await().atMost(Duration.ofSeconds(20)).until(
                () -> TestMail.to(MciFixture.SUPPLIER_EMAIL), mails -> !mails.isEmpty()).get(0), "/activate");
        String token = URI.create(link).getQuery().replaceFirst("^token=", "");
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = get(http, base + "/activate?token=" + token);
        post(http, base + "/activate", "token=" + token + "&password=" + enc(MciFixture.SUPPLIER_PASSWORD)
                + "&confirmation=" + enc(MciFixture.SUPPLIER_PASSWORD) + "&_csrf=" + enc(csrf(page)));
        return jdbc.queryForObject("select id from client_supplier", Long.class);
    }

    /** Time per step of the journey, summed over all invoices (printed with -Dbench.steps=true). */
    static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> STEPS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static long step(String name, long since) {
        long now = System.nanoTime();
        STEPS.computeIfAbsent(name, k -> new java.util.concurrent.atomic.LongAdder()).add(now - since);
        return now;
    }

    static void uploadAndSend(Session session, String base, long registrationId, Payload payload,
            boolean journey) throws Exception {
        long t = System.nanoTime();
        String token = session.csrf();
        HttpClient http = session.http();
        if (journey) {
            token = csrf(get(http, base + "/invoices/" + registrationId + "/to-send"));
            t = step("1 list page", t);
        }
        HttpResponse<String> uploaded = multipart(http, base + "/invoices/" + registrationId, token, Map.of(
                "xml", new Part("factura.xml", "text/xml", payload.xml()),
                "pdf", new Part("factura.pdf", "application/pdf", payload.pdf())));
        t = step("2 upload", t);
        String location = uploaded.uri().getPath();
        if (!location.contains("/invoice/") || uploaded.statusCode() != 200) {
            throw new IllegalStateException("upload refused: " + location + " " + uploaded.statusCode());
        }
        String invoice = location.substring(location.indexOf("/invoice/"));
        if (journey) {
            String details = uploaded.body();
            Matcher requirement = Pattern.compile("/invoice/\\d+/documents/(\\d+)").matcher(details);
            requirement.find();
            multipart(http, base + invoice + "/documents/" + requirement.group(1), token, Map.of(
                    "file", new Part("oc.pdf", "application/pdf", payload.purchaseOrder())));
            t = step("4 attach", t);
        }
        post(http, base + invoice + "/send", "_csrf=" + enc(token));
        step("5 send", t);
    }

    static void seed(JdbcTemplate jdbc, long registrationId, int target) {
        int current = jdbc.queryForObject("select count(*) from invoice", Integer.class);
        if (current >= target) {
            return;
        }
        Map<String, Object> sample = jdbc.queryForMap("select client_id, supplier_id, xml_document_id from invoice "
                + "limit 1");
        jdbc.update("insert into invoice (client_id, client_supplier_id, supplier_id, uuid, serie, folio, issued_at, "
                + "currency, subtotal, total, emisor_rfc, receptor_rfc, xml_document_id, status, stage, sat_status, "
                + "created_at, version) select ?, ?, ?, md5(g::text || random()::text), 'S', g::text, "
                + "timestamp '2025-02-19 08:32:29', 'MXN', 100, 116, 'EKU9003173C9', 'MCI7306249Y1', ?, "
                + "(array['IN_PROCESS','APPROVED','REJECTED'])[1 + g % 3], 'REVIEW', 'VIGENTE', "
                + "now() - (g || ' seconds')::interval, 0 from generate_series(1, ?) g",
                sample.get("client_id"), registrationId, sample.get("supplier_id"), sample.get("xml_document_id"),
                target - current);
        jdbc.execute("analyze invoice");
    }

    /** Requests at a steady rate (not as fast as possible), for the given seconds; returns each latency. */
    static List<Long> steady(HttpClient http, String url, int perSecond, int seconds) throws Exception {
        return steady(http, HttpRequest.newBuilder(URI.create(url)).GET().build(), perSecond, seconds);
    }

    /** The same request at a steady rate; anything but 200 stops the run. */
    static List<Long> steady(HttpClient http, HttpRequest request, int perSecond, int seconds) throws Exception {
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        var scheduler = Executors.newScheduledThreadPool(8);
        long interval = 1_000_000_000L / perSecond;
        for (int i = 0; i < perSecond * seconds; i++) {
            scheduler.schedule(() -> {
                long start = System.nanoTime();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
                    }
                    times.add(System.nanoTime() - start);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, i * interval, TimeUnit.NANOSECONDS);
        }
        scheduler.shutdown();
        scheduler.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return times;
    }

    interface Work {
        void run() throws Exception;
    }

    interface WorkFactory {
        Work create() throws Exception;
    }

    static void runFor(int seconds, int threads, WorkFactory factory) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // Sessions are signed in before the clock starts (BCrypt is deliberately slow and is not what is measured)
        List<Work> works = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            works.add(factory.create());
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (Work work : works) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    work.run();
                }
                return null;
            }));
        }
        for (var future : futures) {
            future.get();
        }
        pool.shutdown();
    }

    /** A signed-in supplier's cookies and the CSRF token of its session (the same for every form). */
    record Session(HttpClient http, String csrf) {
    }

    static Session signedIn(String base) throws Exception {
        // Redirects are followed as a browser does: the page after an upload or a send is part of what it costs
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String page = get(http, base + "/login");
        post(http, base + "/login", "username=" + enc(MciFixture.SUPPLIER_EMAIL) + "&password="
                + enc(MciFixture.SUPPLIER_PASSWORD) + "&_csrf=" + enc(csrf(page)));
        return new Session(http, csrf(get(http, base + "/")));
    }

    record Part(String name, String type, byte[] bytes) {
    }

    private static HttpResponse<String> multipart(HttpClient http, String url, String csrf, Map<String, Part> parts)
            throws Exception {
        String boundary = "----bench" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        for (var part : parts.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey()
                    + "\"; filename=\"" + part.getValue().name() + "\"\r\nContent-Type: " + part.getValue().type()
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(part.getValue().bytes());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    static void post(HttpClient http, String url, String form) throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
    }

    static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return matcher.group(1);
    }

    static double pct(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
