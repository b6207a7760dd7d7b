package mx.supplierportal.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a newcomer gets from {@code ./mvnw spring-boot:run}: the demo profile on H2 (in memory here instead of
 * ./data), its demo data, the embedded SMTP capture and /dev/mailbox with the supplier's activation email, the job
 * executor running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DemoProfileTest {

    private static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:demo-profile-test;DB_CLOSE_DELAY=-1");
        registry.add("portal.demo.smtp-port", () -> SMTP_PORT);
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void newcomerFindsTheActivationEmailInTheMailboxAndDemoOpensTheEngine() throws Exception {
        assertThat(get("/login", null).body()).contains("Iniciar sesión");

        // The job executor sends the email in the background; wait for it (bounded), then look.
        String mailbox = await().atMost(Duration.ofSeconds(30)).until(() -> get("/dev/mailbox", null).body(),
                body -> body.contains("/dev/mailbox/0"));
        assertThat(mailbox).contains("Municipio de Cuautitlán Izcalli lo registró en el portal de proveedores")
                .contains("proveedor@kemper.example");

        Matcher link = Pattern.compile("href=\"(http://[^\"]+/activate\\?token=[^\"]+)\"")
                .matcher(get("/dev/mailbox/0", null).body());
        assertThat(link.find()).isTrue();
        // ... and the HTML part as the mail client shows it, sandboxed
        HttpResponse<String> html = get("/dev/mailbox/0/html", null);
        assertThat(html.body()).contains("<html", "activate?token=");
        assertThat(html.headers().firstValue("Content-Security-Policy").orElse("")).startsWith("sandbox");
        URI activation = URI.create(link.group(1));
        assertThat(get(activation.getRawPath() + "?" + activation.getRawQuery(), null).body())
                .contains("Escuela Kemper Urgate");

        assertThat(get("/engine-rest/engine", null).statusCode()).isEqualTo(401);
        HttpResponse<String> demo = get("/engine-rest/task/count", "demo:demo");
        assertThat(demo.statusCode()).isEqualTo(200);
        assertThat(demo.body()).isEqualTo("{\"count\":1}"); // the supplier's "activate account" task
    }

    @org.springframework.beans.factory.annotation.Autowired
    mx.supplierportal.stamping.StampUploads stampUploads;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @org.springframework.beans.factory.annotation.Autowired
    mx.supplierportal.cfdi.CfdiValidator validator;
    @org.springframework.beans.factory.annotation.Autowired
    mx.supplierportal.document.Documents documents;

    @Test
    void theDemoStampingAccountStampsAnUnsealedCfdiAtOnceAndTheDemoTrustsTheStamp() {
        assertThat(java.time.Instant.now()).as("SAT's test CSD in demo/csd expires on 2027-05-18: replace it with "
                + "SAT's newer test CSD").isBefore(java.time.Instant.parse("2027-05-18T11:43:51Z"));
        long userId = jdbc.queryForObject("select id from supplier_user where email = 'proveedor@kemper.example'",
                Long.class);
        String unsealed = mx.supplierportal.cfdi.TestCfdis.unsealedInvoice();
        long id = stampUploads.upload(userId, "factura.xml", unsealed.getBytes(StandardCharsets.UTF_8), "A").getId();
        // the job executor stamps it at the built-in test PAC and makes the PDF
        Long stamped = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select pdf_document_id from stamp_request where id = ?", Long.class, id), java.util.Objects::nonNull);
        assertThat(stamped).isPositive();
        long xml = jdbc.queryForObject("select stamped_document_id from stamp_request where id = ?", Long.class, id);
        var report = validator.validate(documents.content(xml), mx.supplierportal.cfdi.ValidationContext.NONE
                .withRequireStamp(true));
        assertThat(report.findings()).as("the demo trusts its test PAC's certificate")
                .filteredOn(f -> f.severity() == mx.supplierportal.cfdi.Severity.ERROR).isEmpty();
        assertThat(jdbc.queryForObject("select a.stamp_balance from signup_account a where a.supplier_user_id = ?",
                Integer.class, userId)).isEqualTo(99);
    }

    private HttpResponse<String> get(String path, String basic) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (basic != null) {
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
