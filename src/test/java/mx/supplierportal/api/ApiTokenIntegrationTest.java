package mx.supplierportal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.supplierportal.support.ApiClient;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.MciFixture;
import mx.supplierportal.support.TestClock;
import mx.supplierportal.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;

/** Personal access tokens and the stateless bearer chain of /api/**. */
class ApiTokenIntegrationTest extends IntegrationTest {

    @Autowired
    ApiTokens tokens;
    @Autowired
    TestClock clock;

    private ApiClient api;
    private long userId;
    private Authentication supplier;

    @BeforeEach
    void supplier() throws Exception {
        MciFixture.ensure(this);
        MciFixture.revokeApiTokens(this);
        api = new ApiClient(port);
        userId = jdbc.queryForObject("select id from supplier_user where email = ?", Long.class,
                MciFixture.SUPPLIER_EMAIL);
        supplier = signIn(MciFixture.SUPPLIER_EMAIL, MciFixture.SUPPLIER_PASSWORD);
    }

    @AfterEach
    void time() {
        clock.reset();
    }

    @Test
    void aTokenIsShownOnceKeptHashedListedWithItsLastUseAndEmailed() throws Exception {
        String name = "ERP " + unique();
        String page = mvc.perform(post("/profile/tokens").with(authentication(supplier)).with(csrf())
                        .param("name", name).param("scope", "invoices:read").param("scope", "payments:read")
                        .param("days", "30"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher shown = Pattern.compile("value=\"(spt_[A-Za-z0-9_-]{43})\"").matcher(page);
        assertThat(shown.find()).as("the new token is on the page").isTrue();
        String secret = shown.group(1);
        assertThat(page).contains("no volverás a verlo");

        // kept only as its hash, with the chosen scopes and expiry
        String stored = jdbc.queryForObject("select token_hash || ' ' || scopes from api_token where name = ?",
                String.class, name);
        assertThat(stored).doesNotContain(secret).isEqualTo(ApiTokens.hash(secret) + " invoices:read payments:read");
        // never shown again
        String later = mvc.perform(get("/profile/tokens").with(authentication(supplier)))
                .andReturn().getResponse().getContentAsString();
        assertThat(later).doesNotContain(secret);
        assertThat(rowOf(later, name)).contains("Nunca").contains("Activo");

        // the user is told by email
        runJobs();
        assertThat(TestMail.to(MciFixture.SUPPLIER_EMAIL).stream().map(TestMail::text)
                .filter(text -> text.contains(name)).findFirst()).hasValueSatisfying(text -> assertThat(text)
                .contains("invoices:read, payments:read").contains("/profile/tokens"));

        // it opens the API, and its last use is listed
        assertThat(api.get("/api/v1/payments", secret).status()).isEqualTo(200);
        assertThat(rowOf(mvc.perform(get("/profile/tokens").with(authentication(supplier))).andReturn().getResponse()
                .getContentAsString(), name)).doesNotContain("Nunca");
    }

    /** The table row of the token with this name. */
    private static String rowOf(String page, String name) {
        Matcher row = Pattern.compile("<tr>((?:(?!</tr>).)*" + Pattern.quote(name) + "(?:(?!</tr>).)*)</tr>",
                Pattern.DOTALL).matcher(page);
        assertThat(row.find()).as("a row for " + name).isTrue();
        return row.group(1);
    }

    @Test
    void badTokenFormsChangeNothingAndSayWhy() throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from api_token", Integer.class);
        String noScope = mvc.perform(post("/profile/tokens").with(authentication(supplier)).with(csrf())
                .param("name", "Sin permisos")).andReturn().getResponse().getContentAsString();
        assertThat(noScope).contains("Elige al menos un permiso.");
        String tooLong = mvc.perform(post("/profile/tokens").with(authentication(supplier)).with(csrf())
                .param("name", "x").param("scope", "invoices:read").param("days", "400"))
                .andReturn().getResponse().getContentAsString();
        assertThat(tooLong).contains("La vigencia va de 1 a 365 días.");
        String noName = mvc.perform(post("/profile/tokens").with(authentication(supplier)).with(csrf())
                .param("name", "  ").param("scope", "invoices:read")).andReturn().getResponse().getContentAsString();
        assertThat(noName).contains("Escribe un nombre para el token");
        assertThat(jdbc.queryForObject("select count(*) from api_token", Integer.class)).isEqualTo(before);
    }

    @Test
    void staffCannotCreateSupplierTokens() throws Exception {
        TestClient client = newClient();
        mvc.perform(post("/profile/tokens").with(authentication(signIn(client))).with(csrf())
                .param("name", "staff").param("scope", "invoices:read")).andExpect(status().isForbidden());
        mvc.perform(get("/profile/tokens").with(authentication(signIn(client)))).andExpect(status().isForbidden());
    }

    @Test
    void withoutAValidTokenTheAnswerIsA401ProblemInTheRequestsLanguage() {
        ApiClient.Response none = api.get("/api/v1/invoices", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        JsonNode problem = none.json();
        assertThat(problem.get("type").asText()).isEqualTo("/api/problems/unauthorized");
        assertThat(problem.get("title").asText()).isEqualTo("Falta un token válido");
        assertThat(problem.get("status").asInt()).isEqualTo(401);

        ApiClient.Response wrong = api.get("/api/v1/invoices", "spt_not-a-token", "Accept-Language", "en-US,en;q=0.8");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("title").asText()).isEqualTo("A valid token is missing");
        // a supplier's password is not a way in either
        ApiClient.Response basic = api.get("/api/v1/invoices", null, "Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString((MciFixture.SUPPLIER_EMAIL + ":"
                + MciFixture.SUPPLIER_PASSWORD).getBytes()));
        assertThat(basic.status()).isEqualTo(401);
    }

    @Test
    void revokedAndExpiredTokensNoLongerOpenTheApi() throws Exception {
        ApiTokens.Created created = tokens.create(userId, "Caduca " + unique(), Set.of(ApiScope.INVOICES_READ), 1);
        assertThat(api.get("/api/v1/invoices", created.secret()).status()).isEqualTo(200);
        clock.at(Instant.now().plus(Duration.ofDays(1)).plusSeconds(60));
        assertThat(api.get("/api/v1/invoices", created.secret()).status()).isEqualTo(401);
        clock.reset();

        ApiTokens.Created revoked = tokens.create(userId, "Revocado " + unique(), Set.of(ApiScope.INVOICES_READ), 90);
        assertThat(api.get("/api/v1/invoices", revoked.secret()).status()).isEqualTo(200);
        mvc.perform(post("/profile/tokens/{id}/revoke", revoked.token().getId()).with(authentication(supplier))
                .with(csrf())).andExpect(status().is3xxRedirection());
        ApiClient.Response after = api.get("/api/v1/invoices", revoked.secret());
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("detail").asText()).contains("revocado");
    }

    @Test
    void anotherUsersTokenCannotBeRevoked() throws Exception {
        TestClient client = newClient();
        String email = "otro-" + unique() + "@proveedor.test";
        registerSupplier(client, "Otro Proveedor", newRfc(), email, "es");
        mvc.perform(post("/activate").with(csrf()).param("token", tokenOf(TestMail.link(onlyMailTo(email),
                "/activate"))).param("password", "otra clave segura 2026").param("confirmation",
                "otra clave segura 2026"));
        Authentication other = signIn(email, "otra clave segura 2026");
        ApiTokens.Created mine = tokens.create(userId, "Mío " + unique(), Set.of(ApiScope.INVOICES_READ), 90);
        mvc.perform(post("/profile/tokens/{id}/revoke", mine.token().getId()).with(authentication(other))
                .with(csrf())).andExpect(status().isNotFound());
        assertThat(api.get("/api/v1/invoices", mine.secret()).status()).isEqualTo(200);
    }

    @Test
    void aScopeTheTokenLacksIsA403Problem() {
        ApiTokens.Created readOnly = tokens.create(userId, "Solo lectura " + unique(), Set.of(ApiScope.PAYMENTS_READ),
                90);
        ApiClient.Response refused = api.get("/api/v1/invoices", readOnly.secret(), "Accept-Language", "es-MX");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asText()).isEqualTo("/api/problems/insufficient-scope");
        assertThat(refused.json().get("title").asText()).isEqualTo("El token no tiene ese permiso");
        assertThat(api.multipart("/api/v1/invoices", readOnly.secret(), ApiClient.parts("client", "MCI7306249Y1"))
                .status()).isEqualTo(403);
    }

    @Test
    void theApiWritesNoSessionAndSetsNoCookie() {
        ApiTokens.Created token = tokens.create(userId, "Sin sesión " + unique(), EnumSet.allOf(ApiScope.class), 90);
        Integer before = jdbc.queryForObject("select count(*) from spring_session", Integer.class);
        for (String path : new String[] {"/api/v1/invoices", "/api/v1/payments", "/api/v1/record",
                "/api/v1/invoices/999999999"}) {
            ApiClient.Response response = api.get(path, token.secret());
            assertThat(response.status()).as(path).isIn(200, 404);
            assertThat(response.header("Set-Cookie")).as(path).isNull();
        }
        assertThat(api.get("/api/v1/invoices", null).header("Set-Cookie")).isNull();
        assertThat(jdbc.queryForObject("select count(*) from spring_session", Integer.class)).isEqualTo(before);
    }

    @Test
    void aTokenDoesNotOpenPagesCamundaOrTheEngineRestApi() {
        ApiTokens.Created token = tokens.create(userId, "Solo API " + unique(), EnumSet.allOf(ApiScope.class), 90);
        assertThat(api.get("/invoices", token.secret()).status()).isEqualTo(302); // to the sign-in page
        assertThat(api.get("/profile/tokens", token.secret()).status()).isEqualTo(302);
        assertThat(api.get("/engine-rest/task", token.secret()).status()).isEqualTo(401);
        assertThat(api.get("/camunda/api/engine/engine/default/task", token.secret()).status()).isIn(302, 401);
    }

    @Test
    void overTheTokensRequestsAMinuteTheAnswerIs429WithRetryAfter() {
        ApiTokens.Created token = tokens.create(userId, "Prisa " + unique(), Set.of(ApiScope.PAYMENTS_READ), 90);
        ApiTokens.Created other = tokens.create(userId, "Otro " + unique(), Set.of(ApiScope.PAYMENTS_READ), 90);
        ApiClient.Response last = null;
        for (int i = 0; i < 41; i++) {
            last = api.get("/api/v1/payments", token.secret());
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.json().get("type").asText()).isEqualTo("/api/problems/rate-limited");
        assertThat(Integer.parseInt(last.header("Retry-After"))).isPositive();
        // per token: another one is not slowed down
        assertThat(api.get("/api/v1/payments", other.secret()).status()).isEqualTo(200);
    }
}
