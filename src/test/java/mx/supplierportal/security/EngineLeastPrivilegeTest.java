package mx.supplierportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.http.HttpResponse;
import mx.supplierportal.client.StaffRole;
import mx.supplierportal.support.EngineRest;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.TestMail;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What one client's staff can read in the engine about anybody else — through {@code /engine-rest}, the same API
 * Tasklist and Cockpit use: not the other client's staff directory, not a supplier's password recovery, and
 * another tenant's ids are answered as if they did not exist.
 */
class EngineLeastPrivilegeTest extends IntegrationTest {

    private static final String PASSWORD = "recupero mi acceso 2026";

    @Autowired
    HistoryService historyService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    private TestClient clientA;
    private TestClient clientB;
    private EngineRest staffOfB;
    private String supplierEmail;

    @BeforeEach
    void twoClients() throws Exception {
        clientA = newClient();
        clients.addStaff(clientA.code(), clientA.code() + "rev", "Rosa", "Revisora", "rosa@" + clientA.code()
                + ".test", ADMIN_PASSWORD, StaffRole.REVIEWER);
        clientB = newClient();
        staffOfB = new EngineRest(baseUrl(), clientB.admin(), ADMIN_PASSWORD);
        supplierEmail = "recupera-" + unique() + "@proveedor.test";
        registerSupplier(clientA, "Proveedor Recupera", newRfc(), supplierEmail, "es");
        mvc.perform(post("/activate").with(csrf()).param("token", tokenOf(TestMail.link(onlyMailTo(supplierEmail),
                "/activate"))).param("password", PASSWORD).param("confirmation", PASSWORD));
        runJobs();
    }

    @Test
    void staffReadOnlyTheirOwnClientsDirectory() throws Exception {
        HttpResponse<String> others = staffOfB.get("/engine-rest/user?memberOfTenant=" + clientA.code());
        assertThat(others.statusCode()).isEqualTo(200);
        assertThat(others.body()).isEqualTo("[]");
        assertThat(staffOfB.get("/engine-rest/user").body()).doesNotContain(clientA.code())
                .doesNotContain("rosa@").contains(clientB.admin());
        assertThat(staffOfB.get("/engine-rest/group?member=" + clientA.admin()).body()).isEqualTo("[]");
        assertThat(staffOfB.get("/engine-rest/group").body()).doesNotContain(clientA.code() + "-")
                .contains(clientB.code() + "-reviewer");
        // Their own colleagues are still named (Tasklist shows assignees by name)
        EngineRest staffOfA = new EngineRest(baseUrl(), clientA.admin(), ADMIN_PASSWORD);
        assertThat(staffOfA.get("/engine-rest/user?memberOfTenant=" + clientA.code()).body())
                .contains(clientA.code() + "rev", "rosa@");
    }

    /** An operator adds someone to client A's groups in Camunda Admin: client B's staff do not read that in the log. */
    @Test
    void theOperationLogDoesNotTellOtherClientsWhoJoinedWhichGroup() throws Exception {
        clients.ensureCamundaAdminGroup();
        String operator = "operator" + unique();
        identityService.saveUser(identityService.newUser(operator));
        clients.makeCamundaAdmin(operator);
        identityService.setAuthentication(operator, java.util.List.of("camunda-admin"));
        try {
            identityService.createMembership(clientA.code() + "rev", clientA.code() + "-payables");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(historyService.createUserOperationLogQuery().entityType("Group membership").list())
                .as("the operator's change is logged").isNotEmpty();
        HttpResponse<String> log = staffOfB.get("/engine-rest/history/user-operation?entityType=Group%20membership");
        assertThat(log.statusCode()).isEqualTo(403);
        assertThat(log.body()).doesNotContain(clientA.code());
        assertThat(staffOfB.get("/engine-rest/history/user-operation/count").statusCode()).isEqualTo(403);
    }

    @Test
    void aSuppliersPasswordRecoveryIsReadableByNoClientsStaff() throws Exception {
        mvc.perform(post("/password/forgot").with(csrf()).with(captcha()).param("email", supplierEmail));
        runJobs();
        HistoricProcessInstance recovery = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey("password-recovery").variableValueEquals("supplierUserId",
                        jdbc.queryForObject("select id from supplier_user where email = ?", Long.class, supplierEmail))
                .singleResult();
        assertThat(recovery.getTenantId()).isEqualTo("portal");
        for (EngineRest staff : new EngineRest[] {staffOfB, new EngineRest(baseUrl(), clientA.admin(),
                ADMIN_PASSWORD)}) {
            assertThat(staff.get("/engine-rest/history/variable-instance?processInstanceId=" + recovery.getId())
                    .body()).isEqualTo("[]");
            assertThat(staff.get("/engine-rest/history/process-instance?processDefinitionKey=password-recovery")
                    .body()).doesNotContain(recovery.getId());
            assertThat(staff.get("/engine-rest/task?processDefinitionKey=password-recovery").body()).isEqualTo("[]");
        }
    }

    /** An SMTP outage became an incident: the client's admin retries it (Cockpit's button); no other client can. */
    @Test
    void clientAdminsRetryTheirOwnIncidentsOnly() throws Exception {
        TestMail.stop();
        try {
            registerSupplier(clientA, "Proveedor Sin Correo", newRfc(), "sin-correo-" + unique() + "@proveedor.test",
                    "es");
        } finally {
            TestMail.start();
        }
        org.camunda.bpm.engine.runtime.Job failed = managementService.createJobQuery().tenantIdIn(clientA.code())
                .withException().list().get(0);
        managementService.setJobRetries(failed.getId(), 0); // retries used up: an incident in Cockpit
        String retry = "{\"retries\": 1}";
        assertThat(staffOfB.put("/engine-rest/job/" + failed.getId() + "/retries", retry).statusCode())
                .isEqualTo(404);
        assertThat(managementService.createJobQuery().jobId(failed.getId()).singleResult().getRetries()).isZero();
        EngineRest adminOfA = new EngineRest(baseUrl(), clientA.admin(), ADMIN_PASSWORD);
        assertThat(adminOfA.put("/engine-rest/job/" + failed.getId() + "/retries", retry).statusCode())
                .isEqualTo(204);
        assertThat(managementService.createJobQuery().jobId(failed.getId()).singleResult().getRetries()).isEqualTo(1);
        managementService.executeJob(failed.getId()); // as the job executor does with a retried job
        assertThat(managementService.createJobQuery().jobId(failed.getId()).count()).isZero(); // the email went out
    }

    @Test
    void anotherTenantsIdIsAnsweredLikeAnUnknownOne() throws Exception {
        registerSupplier(clientA, "Proveedor en espera", newRfc(), "espera-" + unique() + "@proveedor.test", "es");
        String instanceOfA = runtimeService.createProcessInstanceQuery().tenantIdIn(clientA.code()).list().get(0)
                .getId(); // its onboarding, waiting for the activation
        for (String path : new String[] {"/engine-rest/process-instance/%s", "/engine-rest/process-instance/%s/variables",
                "/engine-rest/history/process-instance/%s"}) {
            HttpResponse<String> other = staffOfB.get(path.formatted(instanceOfA));
            HttpResponse<String> unknown = staffOfB.get(path.formatted("00000000-0000-0000-0000-000000000000"));
            assertThat(other.statusCode()).as(path).isEqualTo(404);
            assertThat(unknown.statusCode()).as(path).isEqualTo(404);
            assertThat(other.body().replace(instanceOfA, "ID")).as(path)
                    .isEqualTo(unknown.body().replace("00000000-0000-0000-0000-000000000000", "ID"));
        }
    }
}
