package mx.supplierportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.supplierportal.client.StaffRole;
import mx.supplierportal.support.ApprovedInvoices;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.MciFixture;
import mx.supplierportal.support.Pdf;
import mx.supplierportal.support.TestMail;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and action of the portal whose path carries an id, tried with ids that belong to another client's
 * supplier: by a supplier of another client (supplier paths) and by a member of every staff group of another client
 * (staff and admin paths). Every read must answer 403 or 404, and after every write has been tried nothing of the
 * owners' data has changed. A new mapping with an id this sweep does not know fails it, so it must be added here.
 */
class OtherTenantIdSweepTest extends IntegrationTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    TaskService taskService;

    @Test
    void noPathWithAnIdReachesAnotherClientsData() throws Exception {
        Map<String, Long> recordIds = recordOwnedByClientA();
        Map<String, Long> invoiceIds = invoiceAndPaymentOfMci();

        TestClient b = newClient();
        String staffOfB = b.code() + "all";
        clients.addStaff(b.code(), staffOfB, "Todo", "Roles", staffOfB + "@b.test", ADMIN_PASSWORD, StaffRole.values());
        Authentication staff = signIn(staffOfB, ADMIN_PASSWORD);
        Authentication supplier = activeSupplierOf(b);

        String before = ownersData();
        List<String> tried = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.contains("{") || pattern.startsWith("/dev/") || pattern.startsWith("/camunda/app/")) {
                    // no id; the demo mailbox does not exist outside the demo profile; the Camunda apps' config.js
                    // takes an app name, not an id
                    continue;
                }
                Map<String, Long> ids = pattern.startsWith("/invoice") || pattern.startsWith("/staff/invoices")
                        || pattern.startsWith("/payments") || pattern.startsWith("/staff/payments")
                        ? invoiceIds : recordIds;
                String path = fill(pattern, ids);
                Authentication who = pattern.startsWith("/staff") || pattern.startsWith("/admin") ? staff : supplier;
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    int status = request(method, path, who);
                    tried.add(method + " " + path + " → " + status);
                    boolean refused = status == 403 || status == 404;
                    boolean harmlessWrite = method == RequestMethod.POST && (status == 302 || status == 400);
                    if (!refused && !harmlessWrite) {
                        leaks.add(method + " " + pattern + " → " + status);
                    }
                }
            }
        }
        assertThat(tried).as("the sweep found the portal's paths with ids").hasSizeGreaterThan(25);
        assertThat(leaks).as(String.join("\n", tried)).isEmpty();
        assertThat(ownersData()).as("nothing of the owners' data changed").isEqualTo(before);
    }

    /** Every path variable replaced by the owners' id of that name; an unknown name fails the sweep. */
    private static String fill(String pattern, Map<String, Long> ids) {
        Matcher variable = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            if (variable.group(1).equals("tabKey")) { // not an id: a tab every record has (the id is the record's)
                variable.appendReplacement(path, "legal");
                continue;
            }
            if (variable.group(1).equals("challenge")) { // a CAPTCHA: public while open by design; an unknown one
                variable.appendReplacement(path, "x".repeat(43));
                continue;
            }
            if (variable.group(1).equals("shelf")) { // not an id: one of the supplier's invoice lists
                variable.appendReplacement(path, "in-process");
                continue;
            }
            Long id = ids.get(variable.group(1));
            assertThat(id).as("the sweep has no id for {" + variable.group(1) + "} in " + pattern).isNotNull();
            variable.appendReplacement(path, id.toString());
        }
        variable.appendTail(path);
        return path.toString();
    }

    private int request(RequestMethod method, String path, Authentication who) throws Exception {
        MvcResult result;
        if (method == RequestMethod.GET) {
            result = mvc.perform(get(path).with(authentication(who))).andReturn();
        } else {
            // Every parameter any of these forms takes, filled in, so that a request is refused for whose id it
            // carries and not for a missing field
            result = mvc.perform(multipart(path)
                    .file(new MockMultipartFile("file", "x.pdf", "application/pdf", Pdf.withText("intruso")))
                    .file(new MockMultipartFile("xml", "x.xml", "text/xml", "<x/>".getBytes(StandardCharsets.UTF_8)))
                    .file(new MockMultipartFile("pdf", "x.pdf", "application/pdf", Pdf.withText("intruso")))
                    .param("tab", "bank").param("kind", "MX").param("holder", "Intruso").param("currency", "MXN")
                    .param("clabe", "012180001234567899").param("value", "Intruso").param("decision", "approve")
                    .param("reason", "x").param("validUntil", "2030-01-01").param("comment", "x")
                    .param("paymentDate", "2030-01-02").param("labelEs", "Intruso").param("labelEn", "Intruder")
                    .param("type", "TEXT").param("required", "true")
                    .param("nextFolio", "9").param("cfdiType", "I").param("active", "false")
                    .with(authentication(who)).with(csrf())).andReturn();
        }
        return result.getResponse().getStatus();
    }

    /** A fingerprint of what the owners' rows hold, to compare before and after every write was tried. */
    private String ownersData() {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("client_supplier", "supplier_record", "record_entry", "record_entry_document",
                "bank_account", "template_tab", "template_field", "invoice_requirement", "invoice", "invoice_document",
                "invoice_stage_event",
                "payment", "payment_invoice", "stored_document", "signup_account", "signup_series", "stamp_order")) {
            all.append(table).append('=').append(jdbc.queryForObject("select count(*) || ':' || coalesce(md5("
                    + "string_agg(t::text, ',' order by t::text)), '') from " + table + " t", String.class)).append('\n');
        }
        return all.toString();
    }

    /** A fresh client A whose supplier has a record with a file, a date, a text and a bank account. */
    private Map<String, Long> recordOwnedByClientA() throws Exception {
        TestClient a = newClient();
        String email = "barrido-" + unique() + "@proveedor.test";
        registerSupplier(a, "Proveedor Barrido", newRfc(), email, "es");
        Authentication owner = activate(email, "barrido de ids 2026");
        long registration = jdbc.queryForObject("select cs.id from client_supplier cs join client c on c.id = "
                + "cs.client_id where c.code = ?", Long.class, a.code());
        long fileField = field(a, "csf");
        mvc.perform(multipart("/record/{r}/fields/{f}", registration, fileField)
                .file(new MockMultipartFile("file", "csf.pdf", "application/pdf", Pdf.withText("csf")))
                .param("tab", "x").with(authentication(owner)).with(csrf()));
        mvc.perform(multipart("/record/{r}/bank-accounts", registration).param("tab", "bank").param("kind", "MX")
                .param("holder", "Dueño").param("currency", "MXN").param("clabe", "012180001234567899")
                .with(authentication(owner)).with(csrf()));
        long record = jdbc.queryForObject("select id from supplier_record where client_supplier_id = ?", Long.class,
                registration);
        Map<String, Long> ids = new TreeMap<>();
        ids.put("registrationId", registration);
        ids.put("id", registration);
        ids.put("recordId", record);
        ids.put("entryId", jdbc.queryForObject("select id from record_entry where record_id = ? and field_id = ?",
                Long.class, record, fileField));
        ids.put("documentId", jdbc.queryForObject("select document_id from record_entry where record_id = ? and "
                + "field_id = ?", Long.class, record, fileField));
        ids.put("accountId", jdbc.queryForObject("select id from bank_account where record_id = ?", Long.class,
                record));
        ids.put("fieldId", fileField);
        // a self-registered business's series (the sweeping supplier has no such account: "not found")
        Authentication business = mx.supplierportal.support.SignupFixture.confirmedAccount(this, newRfc(),
                "barrido-timbra-" + unique() + "@empresa.test");
        mx.supplierportal.support.SignupFixture.addSeries(this, business, "B");
        ids.put("seriesId", jdbc.queryForObject("select max(id) from signup_series", Long.class));
        // ... and its bank deposit order, waiting for the proof
        mvc.perform(post("/signup/company").with(authentication(business)).with(csrf())
                .param("businessName", "Barrido SA").param("taxRegime", "601").param("postalCode", "06600"));
        mvc.perform(post("/signup/company/finish").with(authentication(business)).with(csrf()));
        mvc.perform(post("/signup/payment/deposit").with(authentication(business)).with(csrf()).param("stamps", "50"));
        ids.put("orderId", jdbc.queryForObject("select max(id) from stamp_order", Long.class));
        ids.put("tabId", jdbc.queryForObject("select tab_id from template_field where id = ?", Long.class, fileField));
        ids.put("requirementId", jdbc.queryForObject("select r.id from invoice_requirement r join client c on c.id = "
                + "r.client_id where c.code = ? and r.req_key = 'purchaseOrder'", Long.class, a.code()));
        return ids;
    }

    /** An approved, scheduled and paid invoice of the MCI fixture, with its files and its payment. */
    private Map<String, Long> invoiceAndPaymentOfMci() throws Exception {
        MciFixture.ensure(this);
        Authentication eku = signIn(MciFixture.SUPPLIER_EMAIL, MciFixture.SUPPLIER_PASSWORD);
        String uuid = UUID.randomUUID().toString();
        long invoice = ApprovedInvoices.approve(this, taskService, eku, MciFixture.registrationId(this),
                MciFixture.freshInvoice(uuid), uuid);
        taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(uuid.toUpperCase())
                .taskDefinitionKey("Task_SchedulePayment").singleResult().getId());
        String number = "SW-" + uuid.substring(0, 8);
        mvc.perform(multipart("/staff/payments").with(authentication(signIn("mcitreasury", ADMIN_PASSWORD)))
                .with(csrf()).param("registrationId", String.valueOf(MciFixture.registrationId(this)))
                .param("number", number).param("paidOn", LocalDate.now(ZoneId.of("America/Mexico_City")).toString())
                .param("method", "03").param("currency", "MXN").param("amount", "3327.01")
                .param("amount_" + invoice, "3327.01"));
        runJobs();
        Map<String, Long> ids = new TreeMap<>();
        ids.put("registrationId", MciFixture.registrationId(this));
        ids.put("invoiceId", invoice);
        ids.put("documentId", jdbc.queryForObject("select xml_document_id from invoice where id = ?", Long.class,
                invoice));
        ids.put("requirementId", jdbc.queryForObject("select r.id from invoice_requirement r join client c on "
                + "c.id = r.client_id where c.code = ? and r.req_key = 'purchaseOrder'", Long.class, MciFixture.CODE));
        ids.put("paymentId", jdbc.queryForObject("select id from payment where payment_number = ?", Long.class,
                number));
        return ids;
    }

    private Authentication activeSupplierOf(TestClient client) throws Exception {
        String email = "extrano-" + unique() + "@proveedor.test";
        registerSupplier(client, "Proveedor Extraño", newRfc(), email, "es");
        return activate(email, "soy de otro cliente 2026");
    }

    /** The invited supplier opens its activation email and chooses a password; signed in. */
    private Authentication activate(String email, String password) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/activate").with(csrf())
                .param("token", tokenOf(TestMail.link(onlyMailTo(email), "/activate"))).param("password", password)
                .param("confirmation", password));
        runJobs();
        return signIn(email, password);
    }

    private long field(TestClient client, String key) {
        return jdbc.queryForObject("select f.id from template_field f join template_tab t on t.id = f.tab_id "
                + "join record_template r on r.id = t.template_id join client c on c.id = r.client_id "
                + "where c.code = ? and f.field_key = ?", Long.class, client.code(), key);
    }
}
