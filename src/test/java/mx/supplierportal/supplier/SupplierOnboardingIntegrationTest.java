package mx.supplierportal.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import mx.supplierportal.security.SupplierPrincipal;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.TestMail;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** A client registers a supplier; the supplier activates from the email; on PostgreSQL with a real SMTP server. */
class SupplierOnboardingIntegrationTest extends IntegrationTest {

    private static final String GOOD_PASSWORD = "tres tigres tristes 2026";

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    @Test
    void registeredSupplierActivatesFromTheSpanishEmailAndSignsIn() throws Exception {
        TestClient client = newClient();
        String email = "ventas-" + unique() + "@proveedor.test";
        String rfc = registerSupplier(client, "Papelería La Esperanza", newRfc(), email, "es");

        assertThat(registrationStatus(client, rfc)).isEqualTo("INVITED");
        MimeMessage mail = onlyMailTo(email);
        assertThat(TestMail.subject(mail)).isEqualTo(client.name() + " lo registró en el portal de proveedores");
        assertThat(TestMail.text(mail)).contains("Hola, Carla Contacto:", "Papelería La Esperanza",
                "vence en 72 horas");
        String link = TestMail.link(mail, "/activate");
        assertThat(link).startsWith("http://portal.test/activate?token=");
        assertThat(tokenOf(link)).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
        // Only a hash is stored, never the secret itself
        assertThat(jdbc.queryForObject("select count(*) from account_token where token_hash = ?", Integer.class,
                tokenOf(link))).isZero();

        mvc.perform(get(pathOf(link)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Elija una contraseña para Papelería La Esperanza")));

        // A weak password is refused with the reason, and nothing changes
        mvc.perform(post("/activate").with(csrf()).param("token", tokenOf(link))
                        .param("password", "password1234").param("confirmation", "password1234"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Esa contraseña es muy común")));
        mvc.perform(post("/activate").with(csrf()).param("token", tokenOf(link))
                        .param("password", GOOD_PASSWORD).param("confirmation", GOOD_PASSWORD + "x"))
                .andExpect(content().string(containsString("Las dos contraseñas no coinciden")));
        assertThat(registrationStatus(client, rfc)).isEqualTo("INVITED");

        mvc.perform(post("/activate").with(csrf()).param("token", tokenOf(link))
                        .param("password", GOOD_PASSWORD).param("confirmation", GOOD_PASSWORD))
                .andExpect(redirectedUrl("/")).andExpect(flash().attribute("welcome", true));
        assertThat(registrationStatus(client, rfc)).isEqualTo("ACTIVE");

        // The link works once
        mvc.perform(post("/activate").with(csrf()).param("token", tokenOf(link))
                        .param("password", "otra frase diferente 99").param("confirmation", "otra frase diferente 99"))
                .andExpect(content().string(containsString("Este enlace ya se usó")));
        mvc.perform(get(pathOf(link)))
                .andExpect(content().string(containsString("Este enlace ya se usó")));

        // "You are now registered" email, sent by its own retried job
        runJobs();
        List<MimeMessage> mails = TestMail.to(email);
        assertThat(mails).hasSize(2);
        assertThat(TestMail.subject(mails.get(1)))
                .isEqualTo("Ya está registrado en el portal de proveedores de " + client.name());

        Authentication signedIn = signIn(email.toUpperCase(), GOOD_PASSWORD);
        assertThat(signedIn.getPrincipal()).isInstanceOf(SupplierPrincipal.class);
        mvc.perform(get("/").with(authentication(signedIn)))
                .andExpect(content().string(containsString("Cuenta activa")))
                .andExpect(content().string(containsString(client.name())));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(rfc).finished()
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_SupplierActive");
    }

    @Test
    void englishSpeakingSupplierGetsEnglishEmails() throws Exception {
        TestClient client = newClient();
        String email = "sales-" + unique() + "@supplier.test";
        registerSupplier(client, "Acme Imports", newRfc(), email, "en");

        MimeMessage mail = onlyMailTo(email);
        assertThat(TestMail.subject(mail)).isEqualTo(client.name() + " registered you on its supplier portal");
        assertThat(TestMail.text(mail)).contains("Hello Carla Contacto,", "Activate my account", "expires in 72 hours");
    }

    @Test
    void anUnknownLinkSaysWhatToDo() throws Exception {
        mvc.perform(get("/activate").param("token", "not-a-real-token"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("no es válido")))
                .andExpect(content().string(containsString("reenvíe el correo de activación")));
    }

    @Test
    void expiredLinkIsRefusedAndTheAdminCanResend() throws Exception {
        TestClient client = newClient();
        String email = "exp-" + unique() + "@proveedor.test";
        String rfc = registerSupplier(client, "Ferretería El Clavo", newRfc(), email, "es");
        String firstLink = TestMail.link(onlyMailTo(email), "/activate");
        ProcessInstance instance = instance(rfc);

        // The activation timer fires (72 h later)
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer).isNotNull();
        managementService.executeJob(timer.getId());

        assertThat(registrationStatus(client, rfc)).isEqualTo("ACTIVATION_EXPIRED");
        mvc.perform(get(pathOf(firstLink)))
                .andExpect(content().string(containsString("Este enlace de activación venció")))
                .andExpect(content().string(containsString("Pida a su cliente que le reenvíe")));
        mvc.perform(post("/activate").with(csrf()).param("token", tokenOf(firstLink))
                        .param("password", GOOD_PASSWORD).param("confirmation", GOOD_PASSWORD))
                .andExpect(content().string(containsString("venció")));
        assertThat(registrationStatus(client, rfc)).isEqualTo("ACTIVATION_EXPIRED");

        // Client admins get a Tasklist task to decide
        Task decide = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(decide.getTaskDefinitionKey()).isEqualTo("Task_DecideExpiredActivation");
        assertThat(decide.getTenantId()).isEqualTo(client.code());

        // ... or resend from the supplier list
        long registrationId = registrationId(client, rfc);
        mvc.perform(post("/admin/suppliers/{id}/resend", registrationId).with(authentication(signIn(client)))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/suppliers"));
        runJobs();
        assertThat(registrationStatus(client, rfc)).isEqualTo("INVITED");
        List<MimeMessage> mails = TestMail.to(email);
        assertThat(mails).hasSize(2);
        String secondLink = TestMail.link(mails.get(1), "/activate");
        assertThat(secondLink).isNotEqualTo(firstLink);

        mvc.perform(post("/activate").with(csrf()).param("token", tokenOf(secondLink))
                        .param("password", GOOD_PASSWORD).param("confirmation", GOOD_PASSWORD))
                .andExpect(redirectedUrl("/")).andExpect(flash().attribute("welcome", true));
        assertThat(registrationStatus(client, rfc)).isEqualTo("ACTIVE");
    }

    @Test
    void resendWhilePendingKillsTheOldLink() throws Exception {
        TestClient client = newClient();
        String email = "resend-" + unique() + "@proveedor.test";
        String rfc = registerSupplier(client, "Abarrotes Doña Mary", newRfc(), email, "es");
        String firstLink = TestMail.link(onlyMailTo(email), "/activate");

        mvc.perform(post("/admin/suppliers/{id}/resend", registrationId(client, rfc))
                .with(authentication(signIn(client))).with(csrf()));
        runJobs();
        String secondLink = TestMail.link(lastMailTo(email), "/activate");

        mvc.perform(get(pathOf(firstLink)))
                .andExpect(content().string(containsString("se envió uno más reciente")));
        mvc.perform(get(pathOf(secondLink)))
                .andExpect(content().string(containsString("Activar mi cuenta")));
    }

    @Test
    void adminCanWithdrawAnExpiredInvitationInTasklist() throws Exception {
        TestClient client = newClient();
        String email = "withdraw-" + unique() + "@proveedor.test";
        String rfc = registerSupplier(client, "Tlapalería San Juan", newRfc(), email, "es");
        ProcessInstance instance = instance(rfc);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult().getId());

        Task decide = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        taskService.complete(decide.getId(), java.util.Map.of("decision", "withdraw"));

        assertThat(registrationStatus(client, rfc)).isEqualTo("WITHDRAWN");
        mvc.perform(get(pathOf(TestMail.link(onlyMailTo(email), "/activate"))))
                .andExpect(content().string(not(containsString("Activar mi cuenta"))));
    }

    @Test
    void smtpOutageBecomesRetriesThenAnIncidentAndTheEmailIsNotLost() throws Exception {
        TestClient client = newClient();
        String email = "outage-" + unique() + "@proveedor.test";
        TestMail.stop();
        try {
            String rfc = registerSupplier(client, "Refaccionaria Norte", newRfc(), email, "es");
            ProcessInstance instance = instance(rfc);
            Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
            assertThat(job.getRetries()).isEqualTo(4); // the first attempt failed
            assertThat(job.getExceptionMessage()).isNotBlank();
            // No link exists while no email went out
            assertThat(jdbc.queryForObject("select count(*) from account_token t join supplier_user u on u.id = "
                    + "t.user_id where u.email = ?", Integer.class, email)).isZero();
            for (int attempt = 0; attempt < 4; attempt++) { // the job executor would retry every 5 minutes
                try {
                    managementService.executeJob(job.getId());
                } catch (RuntimeException expected) {
                    // SMTP still down
                }
            }
            Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId())
                    .singleResult();
            assertThat(incident).isNotNull();
            assertThat(incident.getActivityId()).isEqualTo("Task_IssueActivationLink");

            TestMail.start();
            managementService.setJobRetries(job.getId(), 1); // what an operator does in Cockpit
            managementService.executeJob(job.getId());
            assertThat(TestMail.link(onlyMailTo(email), "/activate")).contains("token=");
            assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        } finally {
            if (!TestMail.server().isRunning()) {
                TestMail.start();
            }
        }
    }

    @Test
    void pendingAccountCannotSignIn() throws Exception {
        TestClient client = newClient();
        String email = "pending-" + unique() + "@proveedor.test";
        registerSupplier(client, "Pendiente SA", newRfc(), email, "es");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> signIn(email, ""))
                .isInstanceOf(BadCredentialsException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> signIn(email, GOOD_PASSWORD))
                .isInstanceOf(BadCredentialsException.class);
    }

    private ProcessInstance instance(String rfc) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(rfc).singleResult();
    }

    private String registrationStatus(TestClient client, String rfc) {
        return jdbc.queryForObject("select cs.status from client_supplier cs join client c on c.id = cs.client_id "
                + "join supplier s on s.id = cs.supplier_id where c.code = ? and s.rfc = ?", String.class,
                client.code(), rfc);
    }

    private long registrationId(TestClient client, String rfc) {
        return jdbc.queryForObject("select cs.id from client_supplier cs join client c on c.id = cs.client_id "
                + "join supplier s on s.id = cs.supplier_id where c.code = ? and s.rfc = ?", Long.class,
                client.code(), rfc);
    }
}
