package mx.supplierportal.efos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.supplierportal.cfdi.EfosCsv;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.MciFixture;
import mx.supplierportal.support.Pdf;
import mx.supplierportal.support.TestMail;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;

/**
 * SAT's 69-B list end to end: an operator uploads it, the client's supplier list flags the supplier, its admins are
 * emailed, a Presunto supplier's invoice is received with a warning, a Definitivo one's is refused citing art. 69-B
 * and the admins get a Tasklist task. The lists imported here are removed afterwards (the shared sample's issuer,
 * EKU9003173C9, is listed in them).
 */
class EfosIntegrationTest extends IntegrationTest {

    private static final String ADMIN_MAIL = "a@mci.test";

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    EfosWatch watch;

    private long registrationId;
    private Authentication supplier;

    @BeforeEach
    void parties() throws Exception {
        MciFixture.ensure(this);
        registrationId = MciFixture.registrationId(this);
        supplier = signIn(MciFixture.SUPPLIER_EMAIL, MciFixture.SUPPLIER_PASSWORD);
    }

    @AfterEach
    void forgetTheLists() {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(EfosWatch.PROCESS).list()
                .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test cleanup"));
        jdbc.update("delete from efos_notice");
        jdbc.update("delete from efos_version");
    }

    private Authentication operator() {
        return signIn("ops", "ops-test-password-only");
    }

    private ResultActions importList(byte[] csv, Authentication who) throws Exception {
        return mvc.perform(multipart("/ops/efos").file(new MockMultipartFile("file", "Listado_Completo_69-B.csv",
                "text/csv", csv)).with(authentication(who)).with(csrf()));
    }

    private ResultActions uploadInvoice(String uuid) throws Exception {
        return mvc.perform(multipart("/invoices/{r}", registrationId)
                .file(new MockMultipartFile("xml", "factura.xml", "text/xml",
                        MciFixture.freshInvoice(uuid).getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("pdf", "factura.pdf", "application/pdf", Pdf.withText("Folio " + uuid)))
                .with(authentication(supplier)).with(csrf()));
    }

    private String page(String path, Authentication who, FlashMap flash) throws Exception {
        var request = get(path).with(authentication(who));
        if (flash != null) {
            request.requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, flash);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static FlashMap flashOf(MvcResult result) {
        FlashMap flash = new FlashMap();
        flash.putAll(result.getFlashMap());
        return flash;
    }

    @Test
    void onlyOperatorsImportTheList() throws Exception {
        Authentication admin = signIn("mciadmin", ADMIN_PASSWORD);
        mvc.perform(get("/ops/efos").with(authentication(admin))).andExpect(status().isForbidden());
        importList(new EfosCsv("30 de septiembre de 2025").add("EKU9003173C9", "X", "Definitivo").bytes(), admin)
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from efos_version", Integer.class)).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPresuntoSupplierIsFlaggedAndWarnedAboutThenADefinitivoOneIsRefused() throws Exception {
        int mailsBefore = TestMail.to(ADMIN_MAIL).size();
        // not SAT's list: explained, nothing stored
        MvcResult wrong = importList("uuid,total\n1,2\n".getBytes(StandardCharsets.UTF_8), operator()).andReturn();
        assertThat(page("/ops/efos", operator(), flashOf(wrong))).contains("no es el «Listado completo 69-B» del SAT",
                "Todavía no se ha importado ninguna lista");

        // September: the supplier is Presunto
        MvcResult september = importList(new EfosCsv("30 de septiembre de 2025").filler(60)
                .add("EKU9003173C9", "ESCUELA KEMPER URGATE SA DE CV", "Presunto").bytes(), operator())
                .andReturn();
        // told: at least this client's registration (another test's client may have registered the same RFC)
        assertThat((List<Object>) september.getFlashMap().get("imported")).startsWith(61, "30/09/2025")
                .last().satisfies(told -> assertThat((Integer) told).isPositive());
        assertThat(page("/ops/efos", operator(), flashOf(september))).contains(
                "Lista importada: 61 contribuyentes, corte al 30/09/2025.",
                "Lista vigente: corte al 30/09/2025; 61 contribuyentes (definitivos: 0, presuntos: 1)");
        runJobs();
        List<MimeMessage> mails = TestMail.to(ADMIN_MAIL);
        assertThat(mails).hasSize(mailsBefore + 1);
        MimeMessage told = mails.get(mails.size() - 1);
        assertThat(TestMail.subject(told)).isEqualTo("Lista 69-B del SAT: cambió la situación de un proveedor de "
                + "Municipio de Cuautitlán Izcalli");
        assertThat(TestMail.text(told)).contains("Escuela Kemper Urgate (RFC EKU9003173C9) como Presunto",
                "art. 69-B del Código Fiscal de la Federación (lista al 30/09/2025)");
        assertThat(page("/admin/suppliers", signIn("mciadmin", ADMIN_PASSWORD), null))
                .contains("69-B: Presunto", "lista del SAT al 30/09/2025");
        assertThat(taskService.createTaskQuery().taskCandidateGroup("mci-admin")
                .processDefinitionKey(EfosWatch.PROCESS).count()).isZero(); // Presunto: an email, no task

        // a Presunto supplier's invoice is received, with a warning its reader sees
        String presuntoUuid = UUID.randomUUID().toString();
        uploadInvoice(presuntoUuid).andExpect(flash().attribute("uploaded", true));
        long invoiceId = jdbc.queryForObject("select id from invoice where uuid = ?", Long.class,
                presuntoUuid.toUpperCase());
        assertThat(page("/invoice/" + invoiceId, supplier, null)).contains("aparece como presunto en la lista del "
                + "SAT del art. 69-B del Código Fiscal de la Federación (lista al 30/09/2025)");

        // a list far smaller than the current one (a cut download) is refused and changes nothing
        MvcResult small = importList(new EfosCsv("31 de octubre de 2025").filler(10)
                .add("EKU9003173C9", "ESCUELA KEMPER URGATE SA DE CV", "Definitivo").bytes(), operator()).andReturn();
        assertThat(page("/ops/efos", operator(), flashOf(small))).contains(
                "El archivo trae 11 contribuyentes y la lista vigente 61: parece incompleto");
        assertThat(jdbc.queryForObject("select count(*) from efos_version", Integer.class)).isEqualTo(1);

        // October: Definitivo
        MvcResult october = importList(new EfosCsv("31 de octubre de 2025").filler(60)
                .add("EKU9003173C9", "ESCUELA KEMPER URGATE SA DE CV", "Definitivo").bytes(), operator()).andReturn();
        assertThat((List<Object>) october.getFlashMap().get("imported")).startsWith(61, "31/10/2025");
        runJobs();
        assertThat(TestMail.text(TestMail.to(ADMIN_MAIL).get(TestMail.to(ADMIN_MAIL).size() - 1)))
                .contains("como Definitivo", "(lista al 31/10/2025)", "en Tasklist tiene una tarea");
        List<Task> tasks = taskService.createTaskQuery().taskCandidateGroup("mci-admin")
                .processDefinitionKey(EfosWatch.PROCESS).list();
        assertThat(tasks).singleElement().satisfies(task -> {
            assertThat(task.getName()).isEqualTo("Lista 69-B definitiva — Escuela Kemper Urgate (EKU9003173C9)");
            assertThat(task.getTenantId()).isEqualTo(MciFixture.CODE);
        });
        assertThat(page("/admin/suppliers", signIn("mciadmin", ADMIN_PASSWORD), null))
                .contains("69-B: Definitivo", "lista del SAT al 31/10/2025");

        int stored = jdbc.queryForObject("select count(*) from stored_document", Integer.class);
        uploadInvoice(UUID.randomUUID().toString()).andExpect(flash().attribute("problems", hasItem(containsString(
                "está en la lista definitiva del SAT de contribuyentes con operaciones inexistentes (art. 69-B del "
                        + "Código Fiscal de la Federación; lista al 31/10/2025)"))));
        assertThat(jdbc.queryForObject("select count(*) from stored_document", Integer.class)).isEqualTo(stored);

        // the admin completes the review through /engine-rest (as Tasklist does): only the form's fields go through
        var tasklist = new mx.supplierportal.support.EngineRest(baseUrl(), "mciadmin", ADMIN_PASSWORD);
        String task = tasks.get(0).getId();
        var tampered = tasklist.post("/engine-rest/task/" + task + "/submit-form", "{\"variables\": {"
                + "\"efosReviewed\": {\"value\": true}, \"efosNote\": {\"value\": \"x\"},"
                + "\"situation\": {\"value\": \"DESVIRTUADO\"}}}");
        assertThat(tampered.statusCode()).isEqualTo(400);
        var reviewed = tasklist.post("/engine-rest/task/" + task + "/submit-form", "{\"variables\": {"
                + "\"efosReviewed\": {\"value\": true}, \"efosNote\": {\"value\": \"Se retienen los pagos "
                + "pendientes\"}}}");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();

        // told once: the nightly check finds nothing new
        assertThat(watch.check()).isZero();
        assertThat(page("/ops/efos", operator(), null)).contains("31/10/2025", "30/09/2025");
    }

    @Test
    void aClientRegisteringAListedSupplierIsWarnedAtOnce() throws Exception {
        importList(new EfosCsv("30 de septiembre de 2025").filler(5).add("XOJI740919U48", "INGRID XODAR JIMENEZ",
                "Presunto").bytes(), operator()).andExpect(flash().attribute("imported",
                        org.hamcrest.Matchers.notNullValue()));
        TestClient client = newClient();
        MvcResult registered = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/admin/suppliers").with(authentication(signIn(client))).with(csrf())
                        .param("businessName", "Ingrid Xodar").param("rfc", "XOJI740919U48")
                        .param("contactName", "Ingrid").param("email", "ingrid-" + unique() + "@proveedor.test")
                        .param("language", "es"))
                .andReturn();
        Map<String, Object> flash = registered.getFlashMap();
        assertThat(flash).containsKey("efosRegistered");
        assertThat(page("/admin/suppliers", signIn(client), flashOf(registered))).contains(
                "Atención: el SAT lista a este proveedor como Presunto en su lista del art. 69-B (lista al "
                        + "30/09/2025).");
    }
}
