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
 *   <li>signed-in supplier sessions upload the shared sample (new UUID each time) with a PDF, attach the purchase
 *       order and send it, over HTTP, for a fixed time: invoices/s and p50/p99 of the whole upload-attach-send;</li>
 *   <li>the bare engine starts the same process directly, same threads and time: instances/s;</li>
 *   <li>"In process" page p99 at a steady 50 requests/s, with 10,000 and then 1,000,000 invoices in the table.</li>
 * </ol>
 * Run (needs TEST_POSTGRES_URL like the tests):
 * <pre>
 *   ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 *   TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres' \
 *     java -cp target/classes:target/test-classes:$(cat target/cp.txt) mx.supplierportal.bench.InvoiceLoadBenchmark [seconds] [threads]
 * </pre>
 */
public final class InvoiceLoadBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private InvoiceLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        TestDatabase.Connection db = TestDatabase.get();
        // System properties outrank the profile's own settings (defaults would not)
        Map.of("spring.datasource.url", db.url(),
                "spring.mail.host", "127.0.0.1", "spring.mail.port", String.valueOf(TestMail.port()),
                "portal.sat.endpoint", TestSat.endpoint(),
                "camunda.bpm.admin-user.id", "ops", "camunda.bpm.admin-user.password", "ops-bench-only",
                "server.port", "0", "logging.level.root", "WARN").forEach(System::setProperty);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SupplierPortalApplication.class)
                .profiles("postgres").run();
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String base = "http://127.0.0.1:" + port;
            long registrationId = setUp(app, base);
            System.out.printf(Locale.ROOT, "%d s per phase, %d threads, %s%n", seconds, threads, Runtime.version());

            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger done = new AtomicInteger();
            runFor(seconds, threads, () -> {
                HttpClient http = signedIn(base);
                return () -> {
                    long start = System.nanoTime();
                    uploadAttachSend(http, base, registrationId);
                    latencies.add(System.nanoTime() - start);
                    done.incrementAndGet();
                };
            });
            double portalRate = done.get() / (double) seconds;
            if (Boolean.getBoolean("bench.steps")) {
                STEPS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> System.out.printf(
                        Locale.ROOT, "  step %s: %.1f ms per invoice%n", e.getKey(), e.getValue().sum() / 1e6 / done.get()));
            }
            System.out.printf(Locale.ROOT, "portal: %.1f invoices/s (upload+attach+send over HTTP), p50 %.1f ms, "
                    + "p99 %.1f ms, n=%d%n", portalRate, pct(latencies, 50), pct(latencies, 99), done.get());

            RuntimeService runtime = app.getBean(RuntimeService.class);
            AtomicInteger started = new AtomicInteger();
            runFor(seconds, threads, () -> () -> {
                runtime.createProcessInstanceByKey("invoice-reception").businessKey(UUID.randomUUID().toString())
                        .processDefinitionWithoutTenantId().setVariables(Map.of("invoiceId", -1L, "supplierId", 1L,
                                "supplierUserId", 1L, "clientCode", "mci", "totalMxn", 100.0)).execute();
                started.incrementAndGet();
            });
            double bareRate = started.get() / (double) seconds;
            // Those instances point at no invoice: remove them before their background jobs run
            runtime.createProcessInstanceQuery().processDefinitionKey("invoice-reception").variableValueEquals(
                    "invoiceId", -1L).list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "benchmark"));
            System.out.printf(Locale.ROOT, "bare engine: %.1f instances/s (startProcessInstance); portal/bare = %.2f%n",
                    bareRate, portalRate / bareRate);

            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            // Let the background jobs of the load phase (emails, SAT checks) finish before timing pages
            var management = app.getBean(org.camunda.bpm.engine.ManagementService.class);
            try {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> management.createJobQuery().executable().messages().count() == 0);
            } catch (ConditionTimeoutException e) {
                System.out.println("note: background jobs still pending after 2 minutes; timing pages anyway");
            }
            HttpClient reader = signedIn(base);
            for (int target : new int[] {10_000, 1_000_000}) {
                seed(jdbc, registrationId, target);
                steady(reader, base + "/invoices/" + registrationId + "/in-process", 50, 4); // warm-up, not counted
                List<Long> pageTimes = steady(reader, base + "/invoices/" + registrationId + "/in-process", 50, seconds);
                System.out.printf(Locale.ROOT, "\"In process\" with %,d invoices: p50 %.1f ms, p99 %.1f ms at 50 req/s "
                        + "(n=%d)%n", target, pct(pageTimes, 50), pct(pageTimes, 99), pageTimes.size());
            }
        } finally {
            app.close();
        }
        System.exit(0); // the SMTP and SAT stand-ins keep non-daemon threads
    }

    private static long setUp(ConfigurableApplicationContext app, String base) throws Exception {
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

    private static void uploadAttachSend(HttpClient http, String base, long registrationId) throws Exception {
        long t = System.nanoTime();
        String page = get(http, base + "/invoices/" + registrationId + "/to-send");
        t = step("1 list page", t);
        String token = csrf(page);
        String uuid = UUID.randomUUID().toString();
        HttpResponse<String> uploaded = multipart(http, base + "/invoices/" + registrationId, token, Map.of(
                "xml", new Part("factura.xml", "text/xml", MciFixture.freshInvoice(uuid).getBytes(StandardCharsets.UTF_8)),
                "pdf", new Part("factura.pdf", "application/pdf", Pdf.withText(uuid))));
        t = step("2 upload", t);
        String location = uploaded.headers().firstValue("Location").orElseThrow();
        if (!location.contains("/invoice/")) {
            throw new IllegalStateException("upload refused: " + location);
        }
        String invoice = location.substring(location.indexOf("/invoice/"));
        String details = get(http, base + invoice);
        t = step("3 details page", t);
        Matcher requirement = Pattern.compile("/invoice/\\d+/documents/(\\d+)").matcher(details);
        requirement.find();
        multipart(http, base + invoice + "/documents/" + requirement.group(1), token, Map.of(
                "file", new Part("oc.pdf", "application/pdf", Pdf.withText("OC " + uuid))));
        t = step("4 attach", t);
        post(http, base + invoice + "/send", "_csrf=" + enc(token));
        step("5 send", t);
    }

    private static void seed(JdbcTemplate jdbc, long registrationId, int target) {
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
    private static List<Long> steady(HttpClient http, String url, int perSecond, int seconds) throws Exception {
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        var scheduler = Executors.newScheduledThreadPool(8);
        long interval = 1_000_000_000L / perSecond;
        for (int i = 0; i < perSecond * seconds; i++) {
            scheduler.schedule(() -> {
                long start = System.nanoTime();
                try {
                    get(http, url);
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

    private static void runFor(int seconds, int threads, WorkFactory factory) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Work work = factory.create();
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

    private static HttpClient signedIn(String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = get(http, base + "/login");
        post(http, base + "/login", "username=" + enc(MciFixture.SUPPLIER_EMAIL) + "&password="
                + enc(MciFixture.SUPPLIER_PASSWORD) + "&_csrf=" + enc(csrf(page)));
        return http;
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

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static void post(HttpClient http, String url, String form) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return matcher.group(1);
    }

    private static double pct(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
