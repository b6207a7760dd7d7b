package mx.supplierportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;

/**
 * Who may reach what: suppliers never reach the Camunda webapps, the engine REST API or client-admin pages; staff
 * of one client never see or act on another client's suppliers; forms need their CSRF token; the session id
 * changes at sign-in. Over real HTTP where the Camunda servlets are involved.
 */
class SecurityIntegrationTest extends IntegrationTest {

    private static final String SUPPLIER_PASSWORD = "una frase larga y segura";

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.IdentityService identityService;
    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.TaskService taskService;

    private TestClient clientA;
    private String supplierEmail;
    private String supplierRfc;

    @BeforeEach
    void activeSupplierOfClientA() throws Exception {
        clientA = newClient();
        supplierEmail = "sec-" + unique() + "@proveedor.test";
        supplierRfc = registerSupplier(clientA, "Proveedor Seguro SA", newRfc(), supplierEmail, "es");
        String token = tokenOf(TestMail.link(onlyMailTo(supplierEmail), "/activate"));
        mvc.perform(post("/activate").with(csrf()).param("token", token).param("password", SUPPLIER_PASSWORD)
                .param("confirmation", SUPPLIER_PASSWORD)).andExpect(status().is3xxRedirection());
        runJobs();
    }

    @Test
    void supplierCannotReachCamundaEngineRestOrClientAdminPages() throws Exception {
        Authentication supplier = signIn(supplierEmail, SUPPLIER_PASSWORD);
        mvc.perform(get("/admin/suppliers").with(authentication(supplier))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/suppliers").with(authentication(supplier)).with(csrf())
                .param("businessName", "X").param("rfc", newRfc()).param("contactName", "X")
                .param("email", "x-" + unique() + "@x.test")).andExpect(status().isForbidden());

        HttpClient browser = signedInBrowser(supplierEmail, SUPPLIER_PASSWORD);
        assertThat(browser.send(request("/camunda/app/tasklist/default/"), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(403);
        assertThat(browser.send(request("/camunda/api/engine/engine/default/task"), HttpResponse.BodyHandlers
                .ofString()).statusCode()).isEqualTo(403);
        // Suppliers are not staff: their right password is answered like a wrong one (no 403 oracle)
        HttpResponse<String> right = basic("/engine-rest/task", supplierEmail, SUPPLIER_PASSWORD);
        HttpResponse<String> wrong = basic("/engine-rest/task", supplierEmail, "not the password");
        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.headers().firstValue("WWW-Authenticate")).isEqualTo(wrong.headers()
                .firstValue("WWW-Authenticate"));
    }

    @Test
    void anAccountLockedAtTheSignInFormIsLockedAtTheEngineRestApiAndTheOtherWayRound() throws Exception {
        // Locked at /login by five wrong passwords → the right password at /engine-rest is answered like a wrong one
        TestClient locked = newClient();
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        for (int attempt = 0; attempt < 5; attempt++) {
            String page = http.send(request("/login"), HttpResponse.BodyHandlers.ofString()).body();
            postLogin(http, page, locked.admin(), "not the password");
        }
        HttpResponse<String> whileLocked = basic("/engine-rest/task/count", locked.admin(), ADMIN_PASSWORD);
        HttpResponse<String> unknown = basic("/engine-rest/task/count", "nobody-" + unique(), ADMIN_PASSWORD);
        assertThat(whileLocked.statusCode()).isEqualTo(401);
        assertThat(whileLocked.headers().firstValue("WWW-Authenticate"))
                .isEqualTo(unknown.headers().firstValue("WWW-Authenticate"));
        assertThat(withoutTimestamp(whileLocked.body())).isEqualTo(withoutTimestamp(unknown.body()));

        // Five wrong passwords over HTTP Basic → the sign-in form is locked for that account too
        TestClient guessed = newClient();
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(basic("/engine-rest/task/count", guessed.admin(), "guess " + attempt).statusCode())
                    .isEqualTo(401);
        }
        assertThat(basic("/engine-rest/task/count", guessed.admin(), ADMIN_PASSWORD).statusCode()).isEqualTo(401);
        String page = http.send(request("/login"), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(postLogin(http, page, guessed.admin(), ADMIN_PASSWORD).headers().firstValue("Location")
                .orElseThrow()).endsWith("/login?tooMany");

        // Another staff member, never guessed at, still works through both doors
        TestClient fine = newClient();
        assertThat(basic("/engine-rest/task/count", fine.admin(), ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void camundasOwnThrottlingNeverLocksAStaffAccountForGood() {
        // Camunda would lock a user permanently after 10 wrong passwords, which anyone can send; it is turned off
        TestClient client = newClient();
        for (int attempt = 0; attempt < 12; attempt++) {
            assertThat(identityService.checkPassword(client.admin(), "wrong " + attempt)).isFalse();
        }
        assertThat(identityService.checkPassword(client.admin(), ADMIN_PASSWORD)).isTrue();
        assertThat(identityService.createUserQuery().userId(client.admin()).singleResult()).isNotNull();
    }

    @Test
    void engineRestRefusesAnonymousAndAnswersStaffWithinTheirTenant() throws Exception {
        assertThat(anonymous("/engine-rest/engine").statusCode()).isEqualTo(401);
        TestClient guessed = newClient();
        assertThat(basic("/engine-rest/task/count", guessed.admin(), "wrong password").statusCode()).isEqualTo(401);
        assertThat(basic("/engine-rest/task/count", "nobody-" + unique(), "x").statusCode()).isEqualTo(401);

        TestClient clientB = newClient();
        HttpResponse<String> other = basic("/engine-rest/history/process-instance/count?processInstanceBusinessKey="
                + supplierRfc, clientB.admin(), ADMIN_PASSWORD);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).isEqualTo("{\"count\":0}");
        HttpResponse<String> ownHistory = basic("/engine-rest/history/process-instance/count?"
                + "processInstanceBusinessKey=" + supplierRfc, clientA.admin(), ADMIN_PASSWORD);
        assertThat(ownHistory.body()).isEqualTo("{\"count\":1}");
    }

    @Test
    void staffOfAnotherClientCannotSeeOrResendThisClientsSupplier() throws Exception {
        TestClient clientB = newClient();
        long registrationId = jdbc.queryForObject("select cs.id from client_supplier cs join supplier s on "
                + "s.id = cs.supplier_id where s.rfc = ?", Long.class, supplierRfc);

        mvc.perform(get("/admin/suppliers").with(authentication(signIn(clientB))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(supplierRfc))));
        mvc.perform(get("/admin/suppliers").with(authentication(signIn(clientA))))
                .andExpect(content().string(containsString(supplierRfc)));
        mvc.perform(post("/admin/suppliers/{id}/resend", registrationId).with(authentication(signIn(clientB)))
                .with(csrf())).andExpect(status().isNotFound());
        assertThat(TestMail.to(supplierEmail)).hasSize(2); // activation + welcome, nothing more
    }

    @Test
    void staffLoseAccessOnTheirOpenSessionAsSoonAsTheyAreRemoved() throws Exception {
        TestClient client = newClient();
        HttpClient admin = signedInBrowser(client.admin(), ADMIN_PASSWORD);
        assertThat(admin.send(request("/admin/suppliers"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        String tasks = "/camunda/api/engine/engine/default/task/count";
        assertThat(admin.send(request(tasks), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        // No longer an admin (still a reviewer): the admin pages close on the next request
        identityService.deleteMembership(client.admin(), client.code() + "-admin");
        assertThat(admin.send(request("/admin/suppliers"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(403);
        assertThat(admin.send(request("/"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        // Out of the client altogether: the session ends, in the portal and in Tasklist alike
        identityService.deleteTenantUserMembership(client.code(), client.admin());
        identityService.deleteMembership(client.admin(), client.code() + "-reviewer");
        HttpResponse<String> home = admin.send(request("/"), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(admin.send(request(tasks), HttpResponse.BodyHandlers.ofString()).statusCode()).isNotEqualTo(200);

        // A deleted user: likewise
        TestClient other = newClient();
        HttpClient deleted = signedInBrowser(other.admin(), ADMIN_PASSWORD);
        assertThat(deleted.send(request(tasks), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        identityService.deleteUser(other.admin());
        assertThat(deleted.send(request(tasks), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isNotEqualTo(200);
        assertThat(deleted.send(request("/"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
    }

    @Test
    void aPasswordResetEndsTheSuppliersOtherSessions() throws Exception {
        HttpClient elsewhere = signedInBrowser(supplierEmail, SUPPLIER_PASSWORD);
        assertThat(elsewhere.send(request("/"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        mvc.perform(post("/password/forgot").with(csrf()).with(captcha()).param("email", supplierEmail));
        runJobs();
        String link = TestMail.link(TestMail.to(supplierEmail).get(TestMail.to(supplierEmail).size() - 1),
                "/password/reset");
        String newPassword = "otra frase larga y segura";
        mvc.perform(post("/password/reset").with(csrf()).param("token", tokenOf(link)).param("password", newPassword)
                .param("confirmation", newPassword));
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?",
                Integer.class, supplierEmail)).isZero();
        HttpResponse<String> after = elsewhere.send(request("/"), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        signedInBrowser(supplierEmail, newPassword); // the new password works
    }

    /** The API Tasklist calls (session + Camunda's CSRF token) is guarded like /engine-rest. */
    @Test
    void tasklistCannotSetVariablesItsFormDoesNotHave() throws Exception {
        registerSupplier(clientA, "Proveedor Pendiente", newRfc(), "pend-" + unique() + "@proveedor.test", "es");
        String task = taskService.createTaskQuery().tenantIdIn(clientA.code()).taskDefinitionKey("Task_ActivateAccount")
                .list().get(0).getId();
        CookieManager cookies = new CookieManager();
        HttpClient tasklist = HttpClient.newBuilder().cookieHandler(cookies).build();
        String page = tasklist.send(request("/login"), HttpResponse.BodyHandlers.ofString()).body();
        postLogin(tasklist, page, clientA.admin(), ADMIN_PASSWORD);
        tasklist.send(request("/camunda/app/tasklist/default/"), HttpResponse.BodyHandlers.ofString());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        HttpResponse<String> refused = tasklist.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/camunda/api/engine/engine/default/task/" + task + "/submit-form"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\": {\"clientSupplierId\": {\"value\": 1, "
                        + "\"type\": \"Long\"}}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Esta tarea no acepta estos datos: clientSupplierId");
        assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
    }

    @Test
    void staffSignInOpensTasklistThroughTheSameSession() throws Exception {
        HttpClient browser = signedInBrowser(clientA.admin(), ADMIN_PASSWORD);
        HttpResponse<String> tasklist = browser.send(request("/camunda/app/tasklist/default/"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tasklist.statusCode()).as(tasklist.headers().toString()).isEqualTo(200);
        assertThat(tasklist.body()).contains("Tasklist");
        HttpResponse<String> user = browser.send(request("/camunda/api/admin/auth/user/default"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"" + clientA.admin() + "\"").contains("tasklist");
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        HttpResponse<String> tasklist = anonymous("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        mvc.perform(get("/")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/suppliers")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theDemoMailboxDoesNotExistOutsideTheDemoProfile() throws Exception {
        mvc.perform(get("/dev/mailbox")).andExpect(status().isNotFound());
    }

    @Test
    void formsWithoutCsrfTokenAreRefusedAndChangeNothing() throws Exception {
        String rfc = newRfc();
        mvc.perform(post("/admin/suppliers").with(authentication(signIn(clientA)))
                .param("businessName", "Sin Token SA").param("rfc", rfc).param("contactName", "X")
                .param("email", "csrf-" + unique() + "@x.test")).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from supplier where rfc = ?", Integer.class, rfc)).isZero();
        mvc.perform(post("/activate").param("token", "x").param("password", "y").param("confirmation", "y"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/password/forgot").param("email", supplierEmail)).andExpect(status().isForbidden());
    }

    @Test
    void sessionIdChangesAtSignInAndPagesCarrySecurityHeaders() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        HttpResponse<String> loginPage = http.send(request("/login"), HttpResponse.BodyHandlers.ofString());
        String before = sessionId(cookies);
        assertThat(before).isNotNull();
        assertThat(loginPage.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(loginPage.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(loginPage.headers().firstValue("X-Frame-Options")).contains("DENY");

        Integer sessionsBefore = jdbc.queryForObject("select count(*) from spring_session where principal_name = ?",
                Integer.class, supplierEmail); // e.g. the one the activation page signed in
        HttpResponse<String> signedIn = postLogin(http, loginPage.body(), supplierEmail, SUPPLIER_PASSWORD);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(sessionId(cookies)).isNotNull().isNotEqualTo(before);
        // Sessions live in the database, so any application node can serve the next request
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?",
                Integer.class, supplierEmail)).isEqualTo(sessionsBefore + 1);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhile() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        for (int attempt = 0; attempt < 5; attempt++) {
            String page = http.send(request("/login"), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(postLogin(http, page, supplierEmail, "not the password").headers().firstValue("Location")
                    .orElseThrow()).endsWith("/login?error");
        }
        String page = http.send(request("/login"), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(postLogin(http, page, supplierEmail, SUPPLIER_PASSWORD).headers().firstValue("Location")
                .orElseThrow()).endsWith("/login?tooMany");
        mvc.perform(get("/login").param("tooMany", ""))
                .andExpect(content().string(containsString("Demasiados intentos")));
    }

    // --- real HTTP helpers -------------------------------------------------------------------------------------

    private HttpClient signedInBrowser(String username, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = http.send(request("/login"), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> response = postLogin(http, page, username, password);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return http;
    }

    @Test
    void afterSignInTheAddressIsThePageThatAskedForItWithoutContinue() throws Exception {
        TestClient client = newClient();
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertThat(http.send(request("/admin/suppliers"), HttpResponse.BodyHandlers.ofString()).headers()
                .firstValue("Location").orElseThrow()).endsWith("/login");
        String page = http.send(request("/login"), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(postLogin(http, page, client.admin(), ADMIN_PASSWORD).headers().firstValue("Location")
                .orElseThrow()).endsWith("/admin/suppliers").doesNotContain("continue");
    }

    private HttpResponse<String> postLogin(HttpClient http, String loginPage, String username, String password)
            throws Exception {
        Matcher csrfField = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrfField.find()).as("the sign-in form carries a CSRF token").isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrfField.group(1));
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build();
    }

    private HttpResponse<String> anonymous(String path) throws Exception {
        return HttpClient.newHttpClient().send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> basic(String path, String user, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Basic " + credentials).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String withoutTimestamp(String body) {
        return body.replaceAll("\"timestamp\":\"[^\"]*\"", "");
    }

    private static String sessionId(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
