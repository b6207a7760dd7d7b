package mx.supplierportal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.Pdf;
import mx.supplierportal.support.TestMail;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.ResultActions;

/** The digital record end to end: fill, send, review, changes, approval, expiry — on PostgreSQL with GreenMail. */
class DigitalRecordIntegrationTest extends IntegrationTest {

    @Autowired
    mx.supplierportal.support.TestClock clock;

    static final String PASSWORD = "expediente completo 2026";
    static final List<String> FILES = List.of("csf", "opinion32d", "incorporation", "powerOfAttorney",
            "representativeId", "proofOfAddress", "bankStatement");

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    record ActiveSupplier(TestClient client, String email, long registrationId, Authentication auth) {
    }

    ActiveSupplier activeSupplier(TestClient client) throws Exception {
        String email = "rec-" + unique() + "@proveedor.test";
        String rfc = registerSupplier(client, "Proveedora " + unique(), newRfc(), email, "es");
        String token = tokenOf(TestMail.link(onlyMailTo(email), "/activate"));
        mvc.perform(post("/activate").with(csrf()).param("token", token).param("password", PASSWORD)
                .param("confirmation", PASSWORD));
        runJobs();
        long registrationId = jdbc.queryForObject("select cs.id from client_supplier cs join supplier s on "
                + "s.id = cs.supplier_id where s.rfc = ?", Long.class, rfc);
        return new ActiveSupplier(client, email, registrationId, signIn(email, PASSWORD));
    }

    long field(TestClient client, String key) {
        return jdbc.queryForObject("select f.id from template_field f join template_tab t on t.id = f.tab_id "
                + "join record_template r on r.id = t.template_id join client c on c.id = r.client_id "
                + "where c.code = ? and f.field_key = ?", Long.class, client.code(), key);
    }

    ResultActions upload(ActiveSupplier s, String key, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/record/{r}/fields/{f}", s.registrationId(), field(s.client(), key))
                .file(new MockMultipartFile("file", name, "application/pdf", bytes)).param("tab", "x")
                .with(authentication(s.auth())).with(csrf()));
    }

    void fillEverything(ActiveSupplier s) throws Exception {
        for (String key : FILES) {
            upload(s, key, key + ".pdf", Pdf.withText(key)).andExpect(flash().attribute("saved", true));
        }
        mvc.perform(post("/record/{r}/fields/{f}", s.registrationId(), field(s.client(), "representative"))
                .param("tab", "legal").param("value", "Lucía Valle Ruiz").with(authentication(s.auth())).with(csrf()))
                .andExpect(flash().attribute("saved", true));
        mvc.perform(post("/record/{r}/bank-accounts", s.registrationId()).param("tab", "bank").param("kind", "MX")
                .param("holder", "Proveedora SA de CV").param("currency", "MXN").param("clabe", "012180001234567899")
                .with(authentication(s.auth())).with(csrf())).andExpect(flash().attribute("saved", true));
    }

    long recordId(ActiveSupplier s) {
        return jdbc.queryForObject("select id from supplier_record where client_supplier_id = ?", Long.class,
                s.registrationId());
    }

    String recordStatus(ActiveSupplier s) {
        return jdbc.queryForObject("select status from supplier_record where client_supplier_id = ?", String.class,
                s.registrationId());
    }

    /** The reviewer accepts every item still undecided on the review page (the 32-D valid for 30 days). */
    void acceptEverythingUndecided(Authentication reviewer, ActiveSupplier s) throws Exception {
        long record = recordId(s);
        for (Long entry : jdbc.queryForList("select id from record_entry where record_id = ? and status = 'PENDING'",
                Long.class, record)) {
            mvc.perform(post("/staff/records/{r}/entries/{e}", record, entry).param("decision", "accept")
                    .param("validUntil", LocalDate.now().plusDays(30).toString())
                    .with(authentication(reviewer)).with(csrf()));
        }
        for (Long account : jdbc.queryForList("select id from bank_account where record_id = ? and status = 'PENDING' "
                + "and removed_at is null", Long.class, record)) {
            mvc.perform(post("/staff/records/{r}/accounts/{a}", record, account).param("decision", "accept")
                    .with(authentication(reviewer)).with(csrf()));
        }
    }

    long entry(ActiveSupplier s, String key) {
        return jdbc.queryForObject("select e.id from record_entry e where e.record_id = ? and e.field_id = ?",
                Long.class, recordId(s), field(s.client(), key));
    }

    @Test
    void supplierFillsSendsReviewerRequestsChangesSupplierFixesReviewerApproves() throws Exception {
        ActiveSupplier s = activeSupplier(newClient());
        mvc.perform(get("/").with(authentication(s.auth())))
                .andExpect(content().string(containsString("Faltan 9 datos obligatorios")));
        mvc.perform(post("/record/{r}/send", s.registrationId()).with(authentication(s.auth())).with(csrf()))
                .andExpect(flash().attribute("problem", "Aún faltan datos obligatorios; complételos para enviar."));

        fillEverything(s);
        mvc.perform(get("/record/{r}", s.registrationId()).with(authentication(s.auth())))
                .andExpect(content().string(not(containsString("class=\"missing-dot\""))));
        mvc.perform(get("/record/{r}", s.registrationId()).param("tab", "bank").with(authentication(s.auth())))
                .andExpect(content().string(containsString("BBVA MEXICO"))); // the bank, from the CLABE's first digits
        mvc.perform(post("/record/{r}/send", s.registrationId()).with(authentication(s.auth())).with(csrf()))
                .andExpect(flash().attribute("sent", true));
        assertThat(recordStatus(s)).isEqualTo("UNDER_REVIEW");

        Task review = taskService.createTaskQuery().taskDefinitionKey("Task_ReviewRecord")
                .taskCandidateGroup(s.client().code() + "-reviewer").singleResult();
        assertThat(review).isNotNull();
        assertThat(review.getTenantId()).isEqualTo(s.client().code());

        // The reviewer rejects the proof of address, records the 32-D's validity, and asks for changes
        Authentication reviewer = signIn(s.client());
        long record = recordId(s);
        mvc.perform(post("/staff/records/{r}/entries/{e}", record, entry(s, "proofOfAddress"))
                .param("decision", "reject").param("reason", "Tiene más de tres meses")
                .with(authentication(reviewer)).with(csrf()));
        mvc.perform(post("/staff/records/{r}/entries/{e}", record, entry(s, "opinion32d"))
                .param("decision", "accept").param("validUntil", LocalDate.now().plusDays(30).toString())
                .with(authentication(reviewer)).with(csrf()));
        mvc.perform(post("/staff/records/{r}/finish", record).param("decision", "changes").param("comment", "Gracias")
                .with(authentication(reviewer)).with(csrf())).andExpect(flash().attribute("finished", true));
        runJobs();
        assertThat(recordStatus(s)).isEqualTo("CHANGES_REQUESTED");
        MimeMessage changes = lastMailTo(s.email());
        assertThat(TestMail.subject(changes)).isEqualTo(s.client().name() + " pide cambios en su expediente digital");
        assertThat(TestMail.text(changes)).contains("• Comprobante de domicilio: Tiene más de tres meses", "Gracias");

        // The supplier sees why (the reviewers' comment too, on the record and the dashboard), fixes it, sends again
        String today = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                .format(LocalDate.now(mx.supplierportal.web.MexicoTime.ZONE));
        mvc.perform(get("/record/{r}", s.registrationId()).param("tab", "address").with(authentication(s.auth())))
                .andExpect(content().string(containsString("Tiene más de tres meses")))
                .andExpect(content().string(containsString("class=\"missing-dot\"")))
                .andExpect(content().string(containsString("Comentario de los revisores (" + today + "):")))
                .andExpect(content().string(containsString("Gracias")))
                // the rejected file is there: its badge says rejected, not missing
                .andExpect(content().string(containsString(">Rechazado</span>")))
                .andExpect(content().string(not(containsString(">Falta</span>"))));
        mvc.perform(get("/").with(authentication(s.auth())))
                .andExpect(content().string(containsString("Comentario de los revisores (" + today + "): Gracias")));
        upload(s, "proofOfAddress", "recibo-nuevo.pdf", Pdf.withText("nuevo recibo"));
        mvc.perform(get("/record/{r}", s.registrationId()).param("tab", "address").with(authentication(s.auth())))
                .andExpect(content().string(containsString("Versiones anteriores:")))
                .andExpect(content().string(containsString("proofOfAddress.pdf (")));
        mvc.perform(post("/record/{r}/send", s.registrationId()).with(authentication(s.auth())).with(csrf()))
                .andExpect(flash().attribute("sent", true));

        // Only what changed is marked for the reviewer; approval
        mvc.perform(get("/staff/records/{r}", record).with(authentication(reviewer)))
                .andExpect(content().string(containsString("recibo-nuevo.pdf")));
        // Approving before deciding on the new file (and what the first round left undecided) is refused, naming it
        mvc.perform(post("/staff/records/{r}/finish", record).param("decision", "approve")
                .with(authentication(reviewer)).with(csrf())).andExpect(flash().attribute("problem", containsString(
                        "Para aprobar, decida primero cada dato que aún está sin revisar: ")))
                .andExpect(flash().attribute("problem", containsString("Comprobante de domicilio")))
                .andExpect(flash().attribute("problem", not(containsString("Opinión de cumplimiento"))));
        assertThat(recordStatus(s)).isEqualTo("UNDER_REVIEW");
        acceptEverythingUndecided(reviewer, s);
        mvc.perform(post("/staff/records/{r}/finish", record).param("decision", "approve")
                .with(authentication(reviewer)).with(csrf()));
        runJobs();
        assertThat(recordStatus(s)).isEqualTo("APPROVED");
        assertThat(TestMail.subject(lastMailTo(s.email()))).isEqualTo(s.client().name()
                + " aprobó su expediente digital");
        mvc.perform(get("/").with(authentication(s.auth())))
                .andExpect(content().string(containsString("Su expediente está aprobado.")));

        // Expiring documents each got their expiry process
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("document-expiry")
                .processInstanceBusinessKeyLike("record-entry-%").list())
                .extracting(p -> p.getBusinessKey()).contains("record-entry-" + entry(s, "proofOfAddress"),
                        "record-entry-" + entry(s, "opinion32d"));
    }

    @Test
    void anExpiringDocumentRemindsThenExpiresAndTheRecordNeedsAnUpdate() throws Exception {
        ActiveSupplier s = activeSupplier(newClient());
        fillEverything(s);
        mvc.perform(post("/record/{r}/send", s.registrationId()).with(authentication(s.auth())).with(csrf()));
        long record = recordId(s);
        Authentication reviewer = signIn(s.client());
        acceptEverythingUndecided(reviewer, s);
        mvc.perform(post("/staff/records/{r}/finish", record).param("decision", "approve")
                .with(authentication(reviewer)).with(csrf()));
        runJobs();
        assertThat(recordStatus(s)).isEqualTo("APPROVED");

        String expiry = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey("record-entry-" + entry(s, "opinion32d")).singleResult().getId();
        Job reminder = managementService.createJobQuery().processInstanceId(expiry).timers().singleResult();
        assertThat(reminder.getDuedate()).isNotNull();
        managementService.executeJob(reminder.getId()); // 7 days before
        runJobs();
        MimeMessage remind = lastMailTo(s.email());
        assertThat(TestMail.subject(remind)).isEqualTo("Un documento de su expediente con " + s.client().name()
                + " está por vencer");
        assertThat(TestMail.text(remind)).contains("Opinión de cumplimiento (32-D)", "vence el " + java.time.format
                .DateTimeFormatter.ofPattern("dd/MM/yyyy").format(LocalDate.now().plusDays(30)) + ".");

        Job expiryDay = managementService.createJobQuery().processInstanceId(expiry).timers().singleResult();
        managementService.executeJob(expiryDay.getId());
        runJobs();
        assertThat(recordStatus(s)).isEqualTo("UPDATE_REQUIRED");
        assertThat(TestMail.subject(lastMailTo(s.email()))).isEqualTo("Un documento de su expediente con "
                + s.client().name() + " venció");

        // Only the expired document goes back to review
        upload(s, "opinion32d", "opinion-nueva.pdf", Pdf.withText("opinion nueva"));
        mvc.perform(post("/record/{r}/send", s.registrationId()).with(authentication(s.auth())).with(csrf()))
                .andExpect(flash().attribute("sent", true));
        assertThat(jdbc.queryForObject("select count(*) from record_entry where record_id = ? and changed = true",
                Integer.class, record)).isEqualTo(1);
    }

    /**
     * The review page: one click accepts what is left in a tab, except what needs a validity date (named); the first
     * round marks nothing "Cambió" (everything is new), REPSE reads Sí/No.
     */
    @Test
    void aReviewerAcceptsATabAtOnceAndTheFirstRoundMarksNothingAsChanged() throws Exception {
        ActiveSupplier s = activeSupplier(newClient());
        fillEverything(s);
        mvc.perform(post("/record/{r}/fields/{f}", s.registrationId(), field(s.client(), "repse"))
                .param("tab", "fiscal").param("value", "no").with(authentication(s.auth())).with(csrf()));
        mvc.perform(post("/record/{r}/send", s.registrationId()).with(authentication(s.auth())).with(csrf()));
        Authentication reviewer = signIn(s.client());
        long record = recordId(s);
        mvc.perform(get("/staff/records/{r}", record).with(authentication(reviewer)))
                .andExpect(content().string(not(containsString(">Cambió</span>"))))
                .andExpect(content().string(not(containsString("review-entry py-2 border-bottom changed"))))
                .andExpect(content().string(containsString("<span>No</span>")))
                .andExpect(content().string(containsString(">Vigente hasta</label>")));

        mvc.perform(post("/staff/records/{r}/tabs/{t}/accept-pending", record, "fiscal")
                .with(authentication(reviewer)).with(csrf()))
                .andExpect(flash().attribute("acceptedAll", "Se aceptaron 2 datos. Falta la vigencia de: "
                        + "Opinión de cumplimiento (32-D); acéptelo con su fecha."));
        assertThat(jdbc.queryForObject("select status from record_entry where id = ?", String.class,
                entry(s, "csf"))).isEqualTo("ACCEPTED");
        assertThat(jdbc.queryForObject("select status from record_entry where id = ?", String.class,
                entry(s, "opinion32d"))).isEqualTo("PENDING");
        mvc.perform(post("/staff/records/{r}/tabs/{t}/accept-pending", record, "bank")
                .with(authentication(reviewer)).with(csrf()))
                .andExpect(flash().attribute("acceptedAll", "Se aceptaron 2 datos.")); // the statement and the account
        // Another client's reviewer cannot do it to this record
        mvc.perform(post("/staff/records/{r}/tabs/{t}/accept-pending", record, "legal")
                .with(authentication(signIn(newClient()))).with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from record_entry e join template_field f on f.id = e.field_id "
                + "join template_tab t on t.id = f.tab_id where e.record_id = ? and t.tab_key = 'legal' "
                + "and e.status = 'ACCEPTED'", Integer.class, record)).isZero();
    }

    /**
     * One business clock: in the evening in Mexico City (18:30 and 23:30 on 1 December are already 2 December in
     * UTC, the Docker image's zone) "today" is still 1 December: a 32-D valid until 2 December can be accepted, and the
     * proof of address is valid 90 days from 1 December.
     */
    @ParameterizedTest
    @ValueSource(strings = {"18:30", "23:30"})
    void validityDatesFollowMexicoCityDaysInTheEvening(String time) throws Exception {
        ActiveSupplier s = activeSupplier(newClient());
        fillEverything(s);
        mvc.perform(post("/record/{r}/send", s.registrationId()).with(authentication(s.auth())).with(csrf()));
        Authentication reviewer = signIn(s.client());
        long record = recordId(s);
        LocalDate today = LocalDate.of(2026, 12, 1);
        clock.at(today.atTime(java.time.LocalTime.parse(time)).atZone(mx.supplierportal.web.MexicoTime.ZONE)
                .toInstant());
        try {
            mvc.perform(post("/staff/records/{r}/entries/{e}", record, entry(s, "opinion32d"))
                    .param("decision", "accept").param("validUntil", "2026-12-01")
                    .with(authentication(reviewer)).with(csrf()))
                    .andExpect(flash().attribute("problem", "La vigencia debe ser una fecha futura."));
            mvc.perform(post("/staff/records/{r}/entries/{e}", record, entry(s, "opinion32d"))
                    .param("decision", "accept").param("validUntil", "2026-12-02")
                    .with(authentication(reviewer)).with(csrf()))
                    .andExpect(flash().attribute("problem", org.hamcrest.Matchers.nullValue()));
            mvc.perform(post("/staff/records/{r}/entries/{e}", record, entry(s, "proofOfAddress"))
                    .param("decision", "accept").with(authentication(reviewer)).with(csrf()));
            assertThat(jdbc.queryForObject("select valid_until from record_entry where id = ?", LocalDate.class,
                    entry(s, "proofOfAddress"))).isEqualTo(today.plusDays(90));
        } finally {
            clock.reset();
        }
    }

    /**
     * The walk-through: after approval the supplier replaced the 32-D. The record said "Aprobado" while the new file
     * was "Por revisar" and showed the old file's validity date. Now the page says what is true.
     */
    @Test
    void anApprovedRecordWithAReplacedDocumentSaysItHasChangesToSend() throws Exception {
        ActiveSupplier s = activeSupplier(newClient());
        fillEverything(s);
        mvc.perform(post("/record/{r}/send", s.registrationId()).with(authentication(s.auth())).with(csrf()));
        Authentication reviewer = signIn(s.client());
        acceptEverythingUndecided(reviewer, s);
        mvc.perform(post("/staff/records/{r}/finish", recordId(s)).param("decision", "approve")
                .with(authentication(reviewer)).with(csrf()));
        runJobs();
        String validUntil = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                .format(LocalDate.now().plusDays(30));
        mvc.perform(get("/record/{r}", s.registrationId()).param("tab", "fiscal").with(authentication(s.auth())))
                .andExpect(content().string(containsString(">Aprobado</span>")))
                .andExpect(content().string(containsString("Vigente hasta el " + validUntil)))
                .andExpect(content().string(not(containsString("id=\"send\""))));

        upload(s, "opinion32d", "opinion-nueva.pdf", Pdf.withText("opinion nueva"))
                .andExpect(flash().attribute("saved", true));
        mvc.perform(get("/record/{r}", s.registrationId()).param("tab", "fiscal").with(authentication(s.auth())))
                .andExpect(content().string(containsString(">Aprobado, con cambios por enviar</span>")))
                .andExpect(content().string(containsString("Su cliente sigue trabajando con su expediente aprobado.")))
                .andExpect(content().string(containsString("opinion-nueva.pdf")))
                .andExpect(content().string(not(containsString("Vigente hasta el " + validUntil))))
                .andExpect(content().string(containsString("id=\"send\"")));
        mvc.perform(get("/").with(authentication(s.auth())))
                .andExpect(content().string(containsString("Aprobado, con cambios por enviar")))
                .andExpect(content().string(containsString("tiene cambios sin enviar")));
        // For the client the record stays approved (invoices go on) until the change is reviewed
        assertThat(recordStatus(s)).isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("select valid_until from record_entry where id = ?", LocalDate.class,
                entry(s, "opinion32d"))).isNull();
    }

    /**
     * The attack run's tampering: client B's reviewer completes B's own review task through the engine REST API with
     * recordId = client A's approved record. Refused, and nothing of A's record changes; a legitimate completion
     * through the same door still works, and even a tampered id that reaches the engine (Java API) is ignored.
     */
    @Test
    void aReviewTaskCannotBePointedAtAnotherClientsRecord() throws Exception {
        ActiveSupplier a = activeSupplier(newClient());
        fillEverything(a);
        mvc.perform(post("/record/{r}/send", a.registrationId()).with(authentication(a.auth())).with(csrf()));
        acceptEverythingUndecided(signIn(a.client()), a);
        taskService.complete(reviewTask(a).getId(), java.util.Map.of("decision", "approve"));
        runJobs();
        assertThat(recordStatus(a)).isEqualTo("APPROVED");

        ActiveSupplier b = activeSupplier(newClient());
        fillEverything(b);
        mvc.perform(post("/record/{r}/send", b.registrationId()).with(authentication(b.auth())).with(csrf()));
        Task reviewB = reviewTask(b);
        var reviewerB = new mx.supplierportal.support.EngineRest(baseUrl(), b.client().admin(), ADMIN_PASSWORD);

        var tampered = reviewerB.post("/engine-rest/task/" + reviewB.getId() + "/complete", "{\"variables\": {"
                + "\"decision\": {\"value\": \"changes\"}, \"recordId\": {\"value\": " + recordId(a)
                + ", \"type\": \"Long\"}}}");
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.body()).contains("recordId").contains("no se cambió nada");
        var viaTasklist = reviewerB.post("/engine-rest/task/" + reviewB.getId() + "/submit-form", "{\"variables\": {"
                + "\"decision\": {\"value\": \"approve\"}, \"businessName\": {\"value\": \"Otra\"}}}");
        assertThat(viaTasklist.statusCode()).as("a read-only field sent changed").isEqualTo(400);
        assertThat(reviewerB.put("/engine-rest/task/" + reviewB.getId() + "/variables/recordId",
                "{\"value\": " + recordId(a) + ", \"type\": \"Long\"}").statusCode()).isEqualTo(403);
        assertThat(reviewerB.post("/engine-rest/process-instance/" + reviewB.getProcessInstanceId() + "/variables",
                "{\"modifications\": {\"recordId\": {\"value\": " + recordId(a) + ", \"type\": \"Long\"}}}")
                .statusCode()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(reviewB.getId()).count()).isEqualTo(1);
        assertThat(runtimeService.getVariable(reviewB.getProcessInstanceId(), "recordId")).isEqualTo(recordId(b));

        // The form's own fields, read-only ones sent back unchanged as Tasklist does, go through
        var legitimate = reviewerB.post("/engine-rest/task/" + reviewB.getId() + "/submit-form", "{\"variables\": {"
                + "\"decision\": {\"value\": \"changes\"}, \"reviewComment\": {\"value\": \"Revise\"},"
                + "\"businessName\": {\"value\": \"" + runtimeService.getVariable(reviewB.getProcessInstanceId(),
                        "businessName") + "\"}}}");
        assertThat(legitimate.statusCode()).as(legitimate.body()).isEqualTo(204);
        runJobs();
        assertThat(recordStatus(b)).isEqualTo("CHANGES_REQUESTED");
        assertThat(recordStatus(a)).isEqualTo("APPROVED");

        // A tampered id that reaches the engine anyway (Java API, no guard) changes nothing: the delegate takes the
        // record its instance was started for
        mvc.perform(post("/record/{r}/send", b.registrationId()).with(authentication(b.auth())).with(csrf()));
        taskService.complete(reviewTask(b).getId(), java.util.Map.of("decision", "changes", "recordId", recordId(a)));
        runJobs();
        assertThat(recordStatus(a)).isEqualTo("APPROVED");
        assertThat(recordStatus(b)).isEqualTo("CHANGES_REQUESTED");
    }

    /** "Claim → Aprobar → Complete" in Tasklist without opening the review page: refused through every door. */
    @Test
    void aRecordCannotBeApprovedWithoutADecisionOnEveryItem() throws Exception {
        ActiveSupplier s = activeSupplier(newClient());
        fillEverything(s);
        mvc.perform(post("/record/{r}/send", s.registrationId()).with(authentication(s.auth())).with(csrf()));
        Task review = reviewTask(s);
        int mails = TestMail.to(s.email()).size();

        var tasklist = new mx.supplierportal.support.EngineRest(baseUrl(), s.client().admin(), ADMIN_PASSWORD)
                .post("/engine-rest/task/" + review.getId() + "/submit-form",
                        "{\"variables\": {\"decision\": {\"value\": \"approve\"}}}");
        assertThat(tasklist.statusCode()).isEqualTo(500); // the engine wraps what a task listener refuses
        // in the person's portal language: Spanish by default, English for whoever chose it
        assertThat(tasklist.body()).contains("decida primero en la página de revisión del portal",
                "Opinión de cumplimiento (32-D)", "Cuenta ").doesNotContain("first decide");
        var english = new mx.supplierportal.support.EngineRest(baseUrl(), s.client().admin(), ADMIN_PASSWORD, "en")
                .post("/engine-rest/task/" + review.getId() + "/submit-form",
                        "{\"variables\": {\"decision\": {\"value\": \"approve\"}}}");
        assertThat(english.body()).contains("first decide on the portal's review page", "Compliance opinion (32-D)",
                "Account ").doesNotContain("decida primero");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(review.getId(),
                java.util.Map.of("decision", "approve"))).hasMessageContaining("decida primero");
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);

        // Part of the review done: what is left is named, nothing is approved, no email goes out
        Authentication reviewer = signIn(s.client());
        mvc.perform(post("/staff/records/{r}/entries/{e}", recordId(s), entry(s, "csf")).param("decision", "accept")
                .with(authentication(reviewer)).with(csrf()));
        mvc.perform(post("/staff/records/{r}/finish", recordId(s)).param("decision", "approve")
                .with(authentication(reviewer)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("Opinión de cumplimiento (32-D)")))
                .andExpect(flash().attribute("problem", not(containsString("Constancia de situación fiscal"))));
        runJobs();
        assertThat(recordStatus(s)).isEqualTo("UNDER_REVIEW");
        assertThat(TestMail.to(s.email())).hasSize(mails);
        assertThat(jdbc.queryForObject("select count(*) from record_entry where record_id = ? and status = 'ACCEPTED'",
                Integer.class, recordId(s))).isEqualTo(1);

        // Asking for changes needs no decision on each item; approving after deciding everything works
        acceptEverythingUndecided(reviewer, s);
        mvc.perform(post("/staff/records/{r}/finish", recordId(s)).param("decision", "approve")
                .with(authentication(reviewer)).with(csrf())).andExpect(flash().attribute("finished", true));
        runJobs();
        assertThat(recordStatus(s)).isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("select valid_until from record_entry where id = ?", LocalDate.class,
                entry(s, "opinion32d"))).isEqualTo(LocalDate.now().plusDays(30));
    }

    private Task reviewTask(ActiveSupplier s) {
        return taskService.createTaskQuery().taskDefinitionKey("Task_ReviewRecord")
                .taskCandidateGroup(s.client().code() + "-reviewer").singleResult();
    }

    @Test
    void badFilesAndAccountsAreExplainedAndNothingIsStored() throws Exception {
        ActiveSupplier s = activeSupplier(newClient());
        int before = jdbc.queryForObject("select count(*) from stored_document", Integer.class);
        upload(s, "csf", "factura.pdf", Pdf.executable()).andExpect(flash().attribute("problem",
                containsString("Solo se aceptan PDF, JPG o PNG")));
        upload(s, "csf", "vacio.pdf", new byte[0]).andExpect(flash().attribute("problem", "El archivo está vacío."));
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(Pdf.withText("x"), 0, big, 0, 20);
        upload(s, "csf", "grande.pdf", big).andExpect(flash().attribute("problem", "El archivo pesa más de 10 MB."));
        assertThat(jdbc.queryForObject("select count(*) from stored_document", Integer.class)).isEqualTo(before);

        mvc.perform(post("/record/{r}/bank-accounts", s.registrationId()).param("tab", "bank").param("kind", "MX")
                .param("holder", "X").param("currency", "MXN").param("clabe", "032180000118359718")
                .with(authentication(s.auth())).with(csrf()))
                .andExpect(flash().attribute("accountProblems", List.of(
                        "CLABE: El último dígito de la CLABE no corresponde: revise que la copió completa y sin errores.")));
        // The old guide's workaround for foreign suppliers, and a well-formed CLABE of no Banxico participant.
        for (String fake : List.of("000000000000000000", "999180001234567899")) {
            assertThat(BankAccountNumbers.clabeProblem(fake)).as(fake + " has a right check digit").isNull();
            mvc.perform(post("/record/{r}/bank-accounts", s.registrationId()).param("tab", "bank").param("kind", "MX")
                    .param("holder", "X").param("currency", "MXN").param("clabe", fake)
                    .with(authentication(s.auth())).with(csrf()))
                    .andExpect(flash().attribute("accountProblems", List.of("CLABE: Los tres primeros dígitos de esta "
                            + "CLABE no son de ningún banco participante del SPEI de Banxico: revise que la copió bien. "
                            + "Si su cuenta está fuera de México, agréguela en «Cuenta en el extranjero», sin CLABE.")));
        }
        mvc.perform(post("/record/{r}/bank-accounts", s.registrationId()).param("tab", "bank").param("kind", "FOREIGN")
                .param("holder", "X").param("currency", "EUR").param("country", "DE").param("bankName", "Deutsche Bank")
                .param("swift", "DEUTDEFF").param("iban", "DE89 3704 0044 0532 0130 01")
                .with(authentication(s.auth())).with(csrf()))
                .andExpect(flash().attribute("accountProblems", List.of(
                        "IBAN: El IBAN no es válido (sus dígitos de control no corresponden): revíselo.")));
        assertThat(jdbc.queryForObject("select count(*) from bank_account a join supplier_record r on r.id = a.record_id "
                + "where r.client_supplier_id = ?", Integer.class, s.registrationId())).isZero();

        TestClient other = newClient();
        mvc.perform(post("/record/{r}/fields/{f}", s.registrationId(), field(other, "representative"))
                .param("tab", "legal").param("value", "X").with(authentication(s.auth())).with(csrf()))
                .andExpect(flash().attribute("problem", "Ese dato no pertenece al expediente de este cliente."));
    }

    @Test
    void aClabeAtAnyBanxicoParticipantIsNamedByItsBank() throws Exception {
        ActiveSupplier s = activeSupplier(newClient());
        mvc.perform(post("/record/{r}/bank-accounts", s.registrationId()).param("tab", "bank").param("kind", "MX")
                .param("holder", "Proveedora SA de CV").param("currency", "MXN").param("clabe", "638180001234567891")
                .with(authentication(s.auth())).with(csrf()))
                .andExpect(flash().attribute("saved", true));
        assertThat(jdbc.queryForObject("select bank_name from bank_account where clabe = '638180001234567891'",
                String.class)).isEqualTo("NU MEXICO");
        assertThat(jdbc.queryForObject("select count(*) from bank", Integer.class)).isGreaterThan(90);
    }

    @Test
    void foreignAccountsNeedNoClabe() throws Exception {
        ActiveSupplier s = activeSupplier(newClient());
        mvc.perform(post("/record/{r}/bank-accounts", s.registrationId()).param("tab", "bank").param("kind", "FOREIGN")
                .param("holder", "Acme Inc").param("currency", "USD").param("country", "US")
                .param("bankName", "Bank of America").param("swift", "BOFAUS3N").param("accountNumber", "1234567890")
                .param("aba", "026009593").with(authentication(s.auth())).with(csrf()))
                .andExpect(flash().attribute("saved", true));
        assertThat(jdbc.queryForObject("select count(*) from bank_account where aba = '026009593' and clabe is null",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void suppliersAndStaffOnlyReachTheirOwnRecords() throws Exception {
        TestClient client = newClient();
        ActiveSupplier a = activeSupplier(client);
        ActiveSupplier b = activeSupplier(client);
        upload(a, "csf", "de-a.pdf", Pdf.withText("secreto de A"));
        long documentOfA = jdbc.queryForObject("select id from stored_document where declared_name = 'de-a.pdf'",
                Long.class);
        mvc.perform(get("/record/{r}/documents/{d}", a.registrationId(), documentOfA).with(authentication(a.auth())))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"));
        mvc.perform(get("/record/{r}/documents/{d}", a.registrationId(), documentOfA).with(authentication(b.auth())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/record/{r}/documents/{d}", b.registrationId(), documentOfA).with(authentication(b.auth())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/record/{r}", a.registrationId()).with(authentication(b.auth()))).andExpect(status().isNotFound());
        upload(b, "csf", "pisar.pdf", Pdf.withText("x")).andExpect(flash().attribute("saved", true));
        mvc.perform(multipart("/record/{r}/fields/{f}", a.registrationId(), field(client, "csf"))
                .file(new MockMultipartFile("file", "ajeno.pdf", "application/pdf", Pdf.withText("x")))
                .param("tab", "x").with(authentication(b.auth())).with(csrf()))
                .andExpect(flash().attribute("problem", "No encontramos ese expediente."));

        fillEverything(a);
        long accountOfA = jdbc.queryForObject("select a.id from bank_account a join supplier_record r on r.id = "
                + "a.record_id where r.client_supplier_id = ?", Long.class, a.registrationId());
        mvc.perform(post("/record/{r}/bank-accounts/{a}/remove", b.registrationId(), accountOfA).param("tab", "bank")
                .with(authentication(b.auth())).with(csrf()))
                .andExpect(flash().attribute("problem", "No encontramos ese expediente."));
        mvc.perform(post("/record/{r}/bank-accounts/{a}/remove", a.registrationId(), accountOfA).param("tab", "bank")
                .with(authentication(b.auth())).with(csrf()))
                .andExpect(flash().attribute("problem", "No encontramos ese expediente."));
        assertThat(jdbc.queryForObject("select count(*) from bank_account where id = ? and removed_at is null",
                Integer.class, accountOfA)).isEqualTo(1);
        mvc.perform(post("/record/{r}/send", a.registrationId()).with(authentication(a.auth())).with(csrf()));
        long record = recordId(a);
        TestClient otherClient = newClient();
        mvc.perform(get("/staff/records/{r}", record).with(authentication(signIn(otherClient))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/staff/records/{r}/documents/{d}", record, documentOfA)
                .with(authentication(signIn(otherClient)))).andExpect(status().isNotFound());
        mvc.perform(post("/staff/records/{r}/finish", record).param("decision", "approve")
                .with(authentication(signIn(otherClient))).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/staff/records/{r}", record).with(authentication(a.auth()))).andExpect(status().isForbidden());
        assertThat(recordStatus(a)).isEqualTo("UNDER_REVIEW");
    }
}
