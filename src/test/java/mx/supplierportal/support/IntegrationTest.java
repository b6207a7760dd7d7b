package mx.supplierportal.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import mx.supplierportal.client.Clients;
import mx.supplierportal.client.StaffRole;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole application on PostgreSQL with a real SMTP server (GreenMail), on a random port. All integration tests
 * share this one context. Each test makes its own client (unique code) and suppliers (unique RFC and email), so
 * tests never depend on each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import({TestClock.Configuration.class, TestCaptchas.Configuration.class})
@ActiveProfiles("test")
@AutoConfigureMockMvc
public abstract class IntegrationTest {

    /** A client with one admin whose password is {@link #ADMIN_PASSWORD}. */
    public record TestClient(String code, String name, String admin) {
    }

    public static final String ADMIN_PASSWORD = "admin-Passw0rd-for-tests";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.Connection db = TestDatabase.get();
        registry.add("spring.datasource.url", db::url);
        if (db.username() != null) {
            registry.add("spring.datasource.username", db::username);
            registry.add("spring.datasource.password", db::password);
        }
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::port);
        registry.add("portal.sat.endpoint", TestSat::endpoint);
    }

    @Autowired
    public MockMvc mvc;
    @Autowired
    public Clients clients;
    @Autowired
    protected AuthenticationManager authenticationManager;
    @Autowired
    public ManagementService managementService;
    @Autowired
    public JdbcTemplate jdbc;
    @LocalServerPort
    protected int port;
    @Autowired
    public mx.supplierportal.security.Captchas captchas;
    @Autowired
    public TestCaptchas testCaptchas;

    @BeforeEach
    void smtpIsUp() {
        TestMail.server(); // started once; a test that stops it starts it again
    }

    protected static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    protected TestClient newClient() {
        String code = "c" + unique();
        String name = "Cliente " + code;
        clients.create(code, name, TestRfcs.next(), "01000", "601");
        String admin = code + "admin";
        clients.addStaff(code, admin, "Ana", "Admin", admin + "@client.test", ADMIN_PASSWORD, StaffRole.ADMIN,
                StaffRole.REVIEWER);
        return new TestClient(code, name, admin);
    }

    /** Signs in through the real authentication manager (password checked), for MockMvc requests. */
    public Authentication signIn(String username, String password) {
        return authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    protected Authentication signIn(TestClient client) {
        return signIn(client.admin(), ADMIN_PASSWORD);
    }

    /** A valid RFC (right shape and check digit) that no other test uses. */
    protected static String newRfc() {
        return TestRfcs.next();
    }

    /** Registers a supplier through the client-admin page, then runs its onboarding jobs (the email is sent). */
    protected String registerSupplier(TestClient client, String businessName, String rfc, String email,
            String language) throws Exception {
        mvc.perform(post("/admin/suppliers").with(authentication(signIn(client))).with(csrf())
                        .param("businessName", businessName).param("rfc", rfc).param("contactName", "Carla Contacto")
                        .param("email", email).param("language", language))
                .andExpect(status().is3xxRedirection());
        runJobs();
        return rfc;
    }

    /** Runs every async-continuation job, as the job executor would, until none is left (bounded). */
    public void runJobs() {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = managementService.createJobQuery().executable().messages().list();
            List<Job> due = jobs.stream().filter(job -> job.getRetries() > 0 && job.getExceptionMessage() == null)
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    managementService.executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // as with the job executor: the engine records the failure and schedules a retry
                }
            }
        }
    }

    public static MimeMessage onlyMailTo(String email) {
        List<MimeMessage> mails = TestMail.to(email);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    protected static MimeMessage lastMailTo(String email) {
        List<MimeMessage> mails = TestMail.to(email);
        assertThat(mails).isNotEmpty();
        return mails.get(mails.size() - 1);
    }

    /** The path and query of an emailed link, to follow it on the test server. */
    protected static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public static String tokenOf(String link) {
        return URI.create(link).getQuery().replaceFirst("^token=", "");
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A CAPTCHA answered right, as a person would: a new challenge's id and the words of its image. */
    public org.springframework.test.web.servlet.request.RequestPostProcessor captcha() {
        return request -> {
            String id = captchas.create(java.util.Locale.forLanguageTag("es"), "127.0.0.1");
            request.addParameter("captchaId", id);
            request.addParameter("captchaAnswer", testCaptchas.wordsOf(id));
            return request;
        };
    }
}
