package mx.supplierportal.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import mx.supplierportal.security.StaffPrincipal;
import mx.supplierportal.support.EngineRest;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.Pdf;
import mx.supplierportal.support.SignupFixture;
import mx.supplierportal.support.TestMail;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Step 4: a stamp package paid with PayPal (the portal's PayPal sandbox, over real HTTP on the test server) or by a
 * bank deposit confirmed by the portal's treasury in Tasklist, on PostgreSQL with a real SMTP server.
 */
class StampPurchaseIntegrationTest extends IntegrationTest {

    private static final String TREASURY_PASSWORD = "tesoreria-del-portal-1";

    @Autowired
    PayPalSandbox sandbox;
    @Autowired
    PayPal payPal;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    private String email;
    private String rfc;
    private Authentication business;

    @BeforeEach
    void businessReadyToPay() throws Exception {
        email = "compra-" + unique() + "@empresa.test";
        rfc = newRfc();
        business = SignupFixture.confirmedAccount(this, rfc, email);
        mvc.perform(post("/signup/company").with(authentication(business)).with(csrf())
                .param("businessName", "Timbres Rápidos").param("taxRegime", "601").param("postalCode", "06600"));
        SignupFixture.addSeries(this, business, "A");
        mvc.perform(post("/signup/company/finish").with(authentication(business)).with(csrf()))
                .andExpect(redirectedUrl("/signup/payment"));
    }

    @Test
    void payPalPaymentActivatesTheAccountWithItsStamps() throws Exception {
        mvc.perform(get("/signup/payment").with(authentication(business)))
                .andExpect(content().string(containsString("Paso 4 – Selecciona tu forma de pago")))
                .andExpect(content().string(containsString("250.00 MXN")))
                .andExpect(content().string(containsString("PayPal es un simulador (sandbox). No se cobra nada.")));
        String order = approveOnPayPal(200, "COMPLETED");
        mvc.perform(get("/signup/payment").with(authentication(business)))
                .andExpect(content().string(containsString("Estamos confirmando su pago con PayPal")));
        runJobs();

        assertThat(balance()).isEqualTo(200);
        MimeMessage receipt = lastMailTo(email);
        assertThat(TestMail.subject(receipt)).isEqualTo("Su cuenta de timbrado está activa");
        assertThat(TestMail.text(receipt)).contains("Timbres comprados: 200", "$800.00 MXN", "PayPal",
                "Timbres disponibles: 200");
        mvc.perform(get("/").with(authentication(business))).andExpect(redirectedUrl("/account"));
        mvc.perform(get("/account").with(authentication(business)))
                .andExpect(content().string(containsString("Mi cuenta de timbrado")))
                .andExpect(content().string(containsString("Pagado")));
        assertThat(jdbc.queryForObject("select paypal_capture_id from stamp_order where paypal_order_id = ?",
                String.class, order)).isNotBlank();
    }

    @Test
    void aCaptureRetriedAfterALostAnswerChargesOnce() throws Exception {
        String order = approveOnPayPal(50, "COMPLETED");
        long orderId = jdbc.queryForObject("select id from stamp_order where paypal_order_id = ?", Long.class, order);
        // the first capture reached PayPal but its answer was lost; the job's retry sends the same PayPal-Request-Id
        PayPalConnector.Capture first = payPal.connector().capture(order, "capture-stamp-order-" + orderId);
        runJobs();
        assertThat(jdbc.queryForObject("select paypal_capture_id from stamp_order where id = ?", String.class, orderId))
                .isEqualTo(first.captureId());
        assertThat(balance()).isEqualTo(50);
    }

    @Test
    void aDeclinedPaymentChangesNothingAndThePersonCanChooseAgain() throws Exception {
        approveOnPayPal(50, "DECLINED");
        runJobs();
        assertThat(balance()).isZero();
        assertThat(TestMail.subject(lastMailTo(email))).isEqualTo("PayPal rechazó su pago de timbres");
        mvc.perform(get("/signup/payment").with(authentication(business)))
                .andExpect(content().string(containsString("PayPal rechazó el último pago: no se cobró nada.")))
                .andExpect(content().string(containsString("Pagar con PayPal")));
        approveOnPayPal(50, "COMPLETED");
        runJobs();
        assertThat(balance()).isEqualTo(50);
    }

    @Test
    void aPendingCaptureWaitsForAGenuineWebhookAndAReplayChangesNothing() throws Exception {
        String order = approveOnPayPal(50, "PENDING");
        runJobs();
        assertThat(balance()).isZero();

        PayPalSandbox.Transmission genuine = sandbox.settle(order);
        // a forged notification: same body, a signature PayPal never made
        mvc.perform(post("/paypal/webhook").contentType("application/json").content(genuine.body())
                        .header("paypal-transmission-id", "forged-1").header("paypal-transmission-sig", "x")
                        .header("paypal-transmission-time", "2026-12-01T10:00:00Z")
                        .header("paypal-auth-algo", "SHA256withRSA").header("paypal-cert-url", "https://evil.test/c"))
                .andExpect(status().isBadRequest());
        runJobs();
        assertThat(balance()).isZero();

        webhook(genuine).andExpect(status().isOk());
        runJobs();
        assertThat(balance()).isEqualTo(50);
        webhook(genuine).andExpect(status().isOk()); // PayPal resends: nothing more is credited
        runJobs();
        assertThat(balance()).isEqualTo(50);
    }

    @Test
    void aBankDepositIsConfirmedByThePortalsTreasuryInTasklist() throws Exception {
        mvc.perform(post("/signup/payment/deposit").with(authentication(business)).with(csrf()).param("stamps", "50"))
                .andExpect(redirectedUrl("/signup/payment#deposit"));
        String reference = jdbc.queryForObject("select reference from stamp_order o join signup_account a on "
                + "a.id = o.account_id where a.rfc = ?", String.class, rfc);
        assertThat(PaymentReference.isValid(reference)).isTrue();
        mvc.perform(get("/signup/payment").with(authentication(business)))
                .andExpect(content().string(containsString(reference)))
                .andExpect(content().string(containsString("002180700000000008")))
                .andExpect(content().string(containsString("250.00 MXN")));
        long orderId = orderId();

        // A file that is not a proof is refused in the person's language; nothing changes
        mvc.perform(multipart("/signup/payment/deposit/" + orderId + "/proof")
                        .file(new MockMultipartFile("file", "comprobante.pdf", "application/pdf", "no soy un PDF".getBytes()))
                        .with(authentication(business)).with(csrf()))
                .andExpect(redirectedUrl("/signup/payment"));
        assertThat(taskService.createTaskQuery().taskCandidateGroup(StaffPrincipal.PORTAL_TREASURY_GROUP)
                .processInstanceBusinessKey(rfc).count()).isZero();

        mvc.perform(multipart("/signup/payment/deposit/" + orderId + "/proof")
                        .file(new MockMultipartFile("file", "comprobante.pdf", "application/pdf", Pdf.withText("SPEI")))
                        .with(authentication(business)).with(csrf()))
                .andExpect(redirectedUrl("/signup/payment"));
        mvc.perform(get("/signup/payment").with(authentication(business)))
                .andExpect(content().string(containsString("Tesorería revisa su depósito")));

        String treasurer = treasurer();
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(rfc).singleResult();
        assertThat(task.getName()).isEqualTo("Confirmar depósito de Timbres Rápidos (" + reference + ")");
        EngineRest rest = new EngineRest(baseUrl(), treasurer, TREASURY_PASSWORD);
        HttpResponse<String> visible = rest.get("/engine-rest/task?candidateGroup=portal-treasury");
        assertThat(visible.body()).contains(task.getId());
        mvc.perform(get("/treasury/stamp-orders/" + orderId + "/proof")
                        .with(authentication(signIn(treasurer, TREASURY_PASSWORD))))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType("application/pdf"));
        mvc.perform(get("/treasury/stamp-orders/" + orderId + "/proof").with(authentication(business)))
                .andExpect(status().isForbidden());

        HttpResponse<String> done = rest.post("/engine-rest/task/" + task.getId() + "/submit-form",
                "{\"variables\":{\"depositDecision\":{\"value\":\"confirmed\"}}}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        runJobs();
        assertThat(balance()).isEqualTo(50);
        assertThat(TestMail.text(lastMailTo(email))).contains("Depósito bancario", "Timbres disponibles: 50");
    }

    @Test
    void aRejectedDepositTellsWhy() throws Exception {
        mvc.perform(post("/signup/payment/deposit").with(authentication(business)).with(csrf()).param("stamps", "50"));
        long orderId = orderId();
        mvc.perform(multipart("/signup/payment/deposit/" + orderId + "/proof")
                .file(new MockMultipartFile("file", "ticket.pdf", "application/pdf", Pdf.withText("ticket")))
                .with(authentication(business)).with(csrf()));
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(rfc).singleResult();
        EngineRest rest = new EngineRest(baseUrl(), treasurer(), TREASURY_PASSWORD);
        // the form takes only its own fields: pointing the task at another order is refused
        assertThat(rest.post("/engine-rest/task/" + task.getId() + "/submit-form",
                "{\"variables\":{\"depositDecision\":{\"value\":\"confirmed\"},\"stampOrderId\":{\"value\":1}}}")
                .statusCode()).isEqualTo(400);
        assertThat(rest.post("/engine-rest/task/" + task.getId() + "/submit-form",
                "{\"variables\":{\"depositDecision\":{\"value\":\"rejected\"},"
                        + "\"rejectionReason\":{\"value\":\"El importe no llegó a la cuenta.\"}}}").statusCode())
                .isEqualTo(204);
        runJobs();
        assertThat(balance()).isZero();
        MimeMessage rejected = lastMailTo(email);
        assertThat(TestMail.subject(rejected)).isEqualTo("No pudimos confirmar su depósito");
        assertThat(TestMail.text(rejected)).contains("El importe no llegó a la cuenta.");
        mvc.perform(get("/signup/payment").with(authentication(business)))
                .andExpect(content().string(containsString("El importe no llegó a la cuenta.")));
    }

    @Test
    void anotherAccountsOrderIsNotFoundAndBadChoicesAreExplained() throws Exception {
        mvc.perform(post("/signup/payment/deposit").with(authentication(business)).with(csrf()).param("stamps", "50"));
        long orderId = orderId();
        Authentication other = SignupFixture.confirmedAccount(this, newRfc(), "otra-" + unique() + "@empresa.test");
        mvc.perform(multipart("/signup/payment/deposit/" + orderId + "/proof")
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", Pdf.withText("x")))
                        .with(authentication(other)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select proof_document_id from stamp_order where id = ?", Long.class, orderId))
                .isNull();

        MvcResult unknown = mvc.perform(post("/signup/payment/paypal").with(authentication(business)).with(csrf())
                .param("stamps", "7")).andExpect(redirectedUrl("/signup/payment")).andReturn();
        assertThat(unknown.getFlashMap().get("problem")).isEqualTo("signup.payment.package.unknown");
        // an account that has not finished step 3 has no step 4
        mvc.perform(get("/signup/payment").with(authentication(other))).andExpect(status().isNotFound());
    }

    /** Chooses a package with PayPal, approves it on the sandbox's page with the given answer and comes back. */
    private String approveOnPayPal(int stamps, String outcome) throws Exception {
        return SignupFixture.approveOnPayPal(this, business, stamps, outcome);
    }

    private org.springframework.test.web.servlet.ResultActions webhook(PayPalSandbox.Transmission transmission)
            throws Exception {
        org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request = post("/paypal/webhook")
                .contentType("application/json").content(transmission.body());
        transmission.headers().forEach(request::header);
        return mvc.perform(request);
    }

    private int balance() {
        return jdbc.queryForObject("select stamp_balance from signup_account where rfc = ?", Integer.class, rfc);
    }

    private long orderId() {
        List<Long> ids = jdbc.queryForList("select o.id from stamp_order o join signup_account a on a.id = "
                + "o.account_id where a.rfc = ? order by o.id desc", Long.class, rfc);
        return ids.get(0);
    }

    /** A member of the portal's treasury group only (no client). */
    private String treasurer() {
        String id = "tesoreria" + unique();
        User user = identityService.newUser(id);
        user.setFirstName("Tere");
        user.setLastName("Tesorería");
        user.setEmail(id + "@portal.test");
        user.setPassword(TREASURY_PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(id, StaffPrincipal.PORTAL_TREASURY_GROUP);
        return id;
    }
}
