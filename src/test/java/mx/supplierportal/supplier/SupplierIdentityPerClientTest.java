package mx.supplierportal.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import mx.supplierportal.support.ApprovedInvoices;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.MciFixture;
import mx.supplierportal.support.TestMail;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The takeover an attack run found: a second client registers a supplier RFC that another client already registered,
 * with an email of its own. That email's user must reach only the second client's registration — never the first
 * client's record, bank accounts, invoices, files or payments — and the form must tell the second client nothing
 * about the first (docs/decisions.md, "Supplier identity per client").
 */
class SupplierIdentityPerClientTest extends IntegrationTest {

    private static final String PASSWORD = "una frase larga de intruso";

    @Autowired
    TaskService taskService;

    private long registrationAtMci;
    private long invoiceId;
    private long invoiceXml;
    private long paymentId;
    private String paymentNumber;

    @BeforeEach
    void ekuHasAnInvoicePaidByMci() throws Exception {
        MciFixture.ensure(this);
        registrationAtMci = MciFixture.registrationId(this);
        Authentication eku = signIn(MciFixture.SUPPLIER_EMAIL, MciFixture.SUPPLIER_PASSWORD);
        String uuid = UUID.randomUUID().toString();
        invoiceId = ApprovedInvoices.approve(this, taskService, eku, registrationAtMci, MciFixture.freshInvoice(uuid),
                uuid);
        invoiceXml = jdbc.queryForObject("select xml_document_id from invoice where id = ?", Long.class, invoiceId);
        taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(uuid.toUpperCase())
                .taskDefinitionKey("Task_SchedulePayment").singleResult().getId());
        paymentNumber = "ID-" + uuid.substring(0, 8);
        mvc.perform(post("/staff/payments").with(authentication(signIn("mcitreasury", ADMIN_PASSWORD))).with(csrf())
                .param("registrationId", String.valueOf(registrationAtMci)).param("number", paymentNumber)
                .param("paidOn", LocalDate.now(ZoneId.of("America/Mexico_City")).toString()).param("method", "03")
                .param("currency", "MXN").param("amount", "3327.01").param("amount_" + invoiceId, "3327.01"))
                .andExpect(status().is3xxRedirection());
        paymentId = jdbc.queryForObject("select id from payment where payment_number = ?", Long.class, paymentNumber);
        runJobs(); // the "payment made" email
    }

    @Test
    void aSecondClientRegisteringTheSameRfcGivesItsUserNothingOfTheFirstClient() throws Exception {
        TestClient other = newClient();
        String intruderEmail = "intruso-" + unique() + "@otro.test";
        MvcResult registered = mvc.perform(post("/admin/suppliers").with(authentication(signIn(other))).with(csrf())
                        .param("businessName", "Kemper Apócrifa").param("rfc", "EKU9003173C9")
                        .param("contactName", "Iñigo Intruso").param("email", intruderEmail).param("language", "es"))
                .andExpect(status().is3xxRedirection()).andReturn();
        // The second client learns nothing of the first: its own name for the supplier, in the notice and the list
        assertThat(registered.getFlashMap().get("registered")).isEqualTo("Kemper Apócrifa");
        String list = page("/admin/suppliers", signIn(other));
        assertThat(list).contains("Kemper Apócrifa").doesNotContain("Escuela Kemper Urgate");
        assertThat(page("/admin/suppliers", signIn("mciadmin", ADMIN_PASSWORD))).contains("Escuela Kemper Urgate")
                .doesNotContain("Kemper Apócrifa");

        runJobs();
        String token = tokenOf(TestMail.link(onlyMailTo(intruderEmail), "/activate"));
        assertThat(page("/activate?token=" + token, null)).contains("Kemper Apócrifa")
                .doesNotContain("Escuela Kemper Urgate");
        mvc.perform(post("/activate").with(csrf()).param("token", token).param("password", PASSWORD)
                .param("confirmation", PASSWORD)).andExpect(status().is3xxRedirection());
        runJobs();
        Authentication intruder = signIn(intruderEmail, PASSWORD);

        // Its dashboard, record and invoice lists name only the client that admitted it
        assertThat(page("/", intruder)).contains(other.name()).doesNotContain("Municipio de Cuautitlán Izcalli")
                .doesNotContain("Escuela Kemper Urgate");
        assertThat(page("/record", intruder)).doesNotContain("Municipio de Cuautitlán Izcalli");
        assertThat(page("/invoices", intruder)).doesNotContain("Municipio de Cuautitlán Izcalli");
        assertThat(page("/payments", intruder)).doesNotContain(paymentNumber);

        // Nothing of MCI's registration can be read ...
        mvc.perform(get("/record/{r}", registrationAtMci).with(authentication(intruder)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/invoices/{r}/in-process", registrationAtMci).with(authentication(intruder)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/invoice/{i}", invoiceId).with(authentication(intruder))).andExpect(status().isNotFound());
        mvc.perform(get("/invoice/{i}/files/{d}", invoiceId, invoiceXml).with(authentication(intruder)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/payments/{p}", paymentId).with(authentication(intruder))).andExpect(status().isNotFound());

        // ... nor changed: no bank account, no file, no invoice, no complement
        int accounts = count("select count(*) from bank_account a join supplier_record r on r.id = a.record_id "
                + "where r.client_supplier_id = " + registrationAtMci);
        mvc.perform(post("/record/{r}/bank-accounts", registrationAtMci).param("tab", "bank").param("kind", "MX")
                .param("holder", "Cuenta del intruso").param("currency", "MXN").param("clabe", "012180001234567899")
                .with(authentication(intruder)).with(csrf()));
        assertThat(count("select count(*) from bank_account a join supplier_record r on r.id = a.record_id "
                + "where r.client_supplier_id = " + registrationAtMci)).isEqualTo(accounts);
        assertThat(count("select count(*) from bank_account where holder = 'Cuenta del intruso'")).isZero();
        String uuid = UUID.randomUUID().toString();
        mvc.perform(multipart("/invoices/{r}", registrationAtMci)
                .file(new MockMultipartFile("xml", "f.xml", "text/xml",
                        MciFixture.freshInvoice(uuid).getBytes(StandardCharsets.UTF_8)))
                .with(authentication(intruder)).with(csrf())).andExpect(status().isNotFound());
        assertThat(count("select count(*) from invoice where uuid = '" + uuid.toUpperCase() + "'")).isZero();
        mvc.perform(post("/invoice/{i}/send", invoiceId).with(authentication(intruder)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/payments/{p}/complement", paymentId)
                .file(new MockMultipartFile("xml", "rep.xml", "text/xml", new byte[] {1}))
                .with(authentication(intruder)).with(csrf())).andExpect(status().isNotFound());

        // The first client's own user keeps what it had, and is not handed the second client's registration
        Authentication eku = signIn(MciFixture.SUPPLIER_EMAIL, MciFixture.SUPPLIER_PASSWORD);
        assertThat(page("/payments", eku)).contains(paymentNumber);
        assertThat(page("/", eku)).contains("Municipio de Cuautitlán Izcalli").doesNotContain(other.name());
        long otherRegistration = jdbc.queryForObject("select cs.id from client_supplier cs join client c on "
                + "c.id = cs.client_id where c.code = ?", Long.class, other.code());
        mvc.perform(get("/record/{r}", otherRegistration).with(authentication(eku))).andExpect(status().isNotFound());
    }

    @Test
    void anEmailThatAlreadyWorksForAnotherSupplierIsInvitedLikeAnyOther() throws Exception {
        // An accountant who answers for two companies (its own fixture: the shared EKU user must keep one client)
        TestClient first = newClient();
        String email = "contador-" + unique() + "@despacho.test";
        String firstRfc = registerSupplier(first, "Primera Empresa", newRfc(), email, "es");
        mvc.perform(post("/activate").with(csrf()).param("token", tokenOf(TestMail.link(onlyMailTo(email),
                "/activate"))).param("password", PASSWORD).param("confirmation", PASSWORD));
        runJobs();
        int before = TestMail.to(email).size();

        // The second client's form says nothing about the first company
        TestClient other = newClient();
        String rfc = newRfc();
        MvcResult registered = mvc.perform(post("/admin/suppliers").with(authentication(signIn(other))).with(csrf())
                        .param("businessName", "Despacho Segundo").param("rfc", rfc).param("contactName", "Esther")
                        .param("email", email.toUpperCase()).param("language", "es"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(registered.getFlashMap().get("registered")).isEqualTo("Despacho Segundo");
        runJobs();
        assertThat(TestMail.to(email)).hasSize(before + 1);
        String token = tokenOf(TestMail.link(TestMail.to(email).get(before), "/activate"));

        // Until the person confirms, the new company's record and invoices are not theirs (the dashboard lists the
        // invitation as pending)
        Authentication person = signIn(email, PASSWORD);
        assertThat(page("/record", person)).contains(first.name()).doesNotContain(other.name());
        long secondRegistration = jdbc.queryForObject("select cs.id from client_supplier cs join client c on "
                + "c.id = cs.client_id where c.code = ?", Long.class, other.code());
        mvc.perform(get("/record/{r}", secondRegistration).with(authentication(person)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/activate").with(csrf()).param("token", token)).andExpect(status().is3xxRedirection());
        runJobs();

        // Now the same person sees both companies, each at its own client, and the password did not change
        person = signIn(email, PASSWORD);
        assertThat(page("/", person)).contains("Despacho Segundo", rfc, "Primera Empresa", firstRfc);
        assertThat(page("/record", person)).contains(other.name(), first.name());
    }

    private String page(String path, Authentication who) throws Exception {
        var request = get(path);
        if (who != null) {
            request = request.with(authentication(who));
        }
        MvcResult result = mvc.perform(request).andReturn();
        if (result.getResponse().getStatus() == 302) { // a list of one entry opens that entry
            return page(result.getResponse().getRedirectedUrl(), who);
        }
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
