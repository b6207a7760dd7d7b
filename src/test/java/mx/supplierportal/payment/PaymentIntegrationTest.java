package mx.supplierportal.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.supplierportal.cfdi.TestCfdis;
import mx.supplierportal.support.ApprovedInvoices;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.MciFixture;
import mx.supplierportal.support.Pdf;
import mx.supplierportal.support.TestMail;
import mx.supplierportal.support.TestSat;
import mx.supplierportal.cfdi.TestStamps;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Payment scheduling, payments covering several invoices, the archive and payment complements, on PostgreSQL with
 * GreenMail, through the pages and the processes. Invoices come from the shared stamped sample (PUE) with new stamp
 * UUIDs, and from a PPD invoice of 2,320.00 signed here with the SAT test CSD.
 */
class PaymentIntegrationTest extends IntegrationTest {

    static final String EKU_EMAIL = MciFixture.SUPPLIER_EMAIL;
    static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;

    Authentication supplier;
    Authentication treasury;
    long registrationId;

    @BeforeEach
    void mciAndEku() throws Exception {
        MciFixture.ensure(this);
        supplier = signIn(EKU_EMAIL, MciFixture.SUPPLIER_PASSWORD);
        treasury = signIn("mcitreasury", ADMIN_PASSWORD);
        registrationId = MciFixture.registrationId(this);
    }

    long approved(String xml, String uuid) throws Exception {
        return ApprovedInvoices.approve(this, taskService, supplier, registrationId, xml, uuid);
    }

    long invoiceId(String uuid) {
        return jdbc.queryForObject("select id from invoice where uuid = ?", Long.class, uuid.toUpperCase());
    }

    String invoiceStatus(String uuid) {
        return jdbc.queryForObject("select status from invoice where uuid = ?", String.class, uuid.toUpperCase());
    }

    Task scheduleTask(String uuid) {
        return taskService.createTaskQuery().processDefinitionKey("payment-scheduling")
                .processInstanceBusinessKey(uuid.toUpperCase()).taskDefinitionKey("Task_SchedulePayment").singleResult();
    }

    String page(String path, Authentication who) throws Exception {
        MvcResult result = mvc.perform(get(path).with(authentication(who))).andExpect(status().isOk()).andReturn();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Posts the payment form as treasury would; returns the problems listed, or the new payment's id. */
    MvcResult pay(Authentication who, long registration, String number, String amount, Map<Long, String> lines)
            throws Exception {
        MockHttpServletRequestBuilder request = post("/staff/payments").with(authentication(who)).with(csrf())
                .param("registrationId", String.valueOf(registration)).param("number", number)
                .param("paidOn", LocalDate.now(MEXICO).toString()).param("method", "03").param("currency", "MXN")
                .param("amount", amount).param("bankReference", "SPEI 1234");
        lines.forEach((id, value) -> request.param("amount_" + id, value));
        return mvc.perform(request).andReturn();
    }

    @Autowired
    mx.supplierportal.support.TestClock clock;

    /**
     * One business clock for payment dates: at 18:30 and 23:30 on 1 December in Mexico City (already 2 December in
     * UTC), treasury's "today" is 1 December — the form's latest date — and 2 December is still the future.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"18:30", "23:30"})
    void paymentDatesFollowMexicoCityDaysInTheEvening(String time) throws Exception {
        clock.at(LocalDate.of(2026, 12, 1).atTime(java.time.LocalTime.parse(time)).atZone(MEXICO).toInstant());
        try {
            assertThat(page("/staff/payments/new?registrationId=" + registrationId, treasury))
                    .contains("max=\"2026-12-01\"");
            MvcResult tomorrow = mvc.perform(post("/staff/payments").with(authentication(treasury)).with(csrf())
                    .param("registrationId", String.valueOf(registrationId)).param("number", "NOCHE-" + time)
                    .param("paidOn", "2026-12-02").param("method", "03").param("currency", "MXN")
                    .param("amount", "1.00")).andReturn();
            assertThat(problems(tomorrow)).contains("La fecha de pago no puede ser futura.");
        } finally {
            clock.reset();
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> problems(MvcResult result) {
        assertThat(result.getResponse().getStatus()).isEqualTo(200); // the form again, with what was typed
        return (List<String>) result.getModelAndView().getModel().get("problems");
    }

    @Test
    void treasurySchedulesThenOnePaymentSettlesTwoInvoices() throws Exception {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        long idA = approved(MciFixture.freshInvoice(a), a);
        long idB = approved(MciFixture.freshInvoice(b), b);

        // Treasury's task proposes the date from the client's terms (30 days, moved off weekends and bank holidays)
        Task taskA = scheduleTask(a);
        assertThat(taskService.getIdentityLinksForTask(taskA.getId())).extracting(l -> l.getGroupId())
                .contains("mci-treasury");
        LocalDate proposed = LocalDate.parse((String) taskService.getVariable(taskA.getId(), "proposedDate"));
        LocalDate today = LocalDate.now(MEXICO);
        assertThat(proposed).isBetween(today.plusDays(30), today.plusDays(30 + 6)); // Holy week: up to 4 days later
        assertThat(proposed.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        String inProcess = "/invoices/" + registrationId + "/in-process";
        assertThat(page(inProcess, supplier)).doesNotContain("28/12/2026");
        taskService.complete(taskA.getId(), Map.of("paymentDate", "2026-12-28"));
        taskService.complete(scheduleTask(b).getId());
        assertThat(page(inProcess, supplier)).contains("28/12/2026")
                .contains(proposed.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));

        // Rescheduling: the supplier sees the new date
        mvc.perform(post("/staff/payments/invoices/{i}/reschedule", idA).param("paymentDate", "2027-01-08")
                .with(authentication(treasury)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page(inProcess, supplier)).contains("08/01/2027").doesNotContain("28/12/2026");

        // Bad input: clear messages, nothing changes
        Map<Long, String> both = Map.of(idA, "3327.01", idB, "3327.01");
        assertThat(problems(pay(treasury, registrationId, "TR-1", "1000.00", both)))
                .contains("La suma de las facturas (6,654.02) no es igual al importe del pago (1,000.00).");
        assertThat(problems(pay(treasury, registrationId, "TR-1", "100", Map.of(idA, "100"))))
                .anyMatch(p -> p.contains("es PUE (pago en una sola exhibición): se paga completa, 3,327.01"));
        assertThat(problems(pay(treasury, registrationId, "TR-1", "5000", Map.of(idA, "5000"))))
                .anyMatch(p -> p.contains("solo tiene un saldo de 3,327.01"));
        assertThat(problems(pay(treasury, registrationId, "TR-1", "abc", both)))
                .contains("«abc» no es un importe (use números con punto decimal, por ejemplo 1234.50).");
        // Exponents are not amounts (1e1000000 used to cost seconds and a 1.3 MB page); a long entry is cut short
        assertThat(problems(pay(treasury, registrationId, "TR-1", "1e1000000", both)))
                .contains("«1e1000000» no es un importe (use números con punto decimal, por ejemplo 1234.50).");
        assertThat(problems(pay(treasury, registrationId, "TR-1", "9".repeat(5000), both)))
                .contains("«" + "9".repeat(30) + "…» no es un importe (use números con punto decimal, por ejemplo "
                        + "1234.50).");
        String draft = UUID.randomUUID().toString();
        mvc.perform(multipart("/invoices/{r}", registrationId)
                .file(new MockMultipartFile("xml", "f.xml", "text/xml",
                        MciFixture.freshInvoice(draft).getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("pdf", "f.pdf", "application/pdf", Pdf.withText("f")))
                .with(authentication(supplier)).with(csrf()));
        assertThat(problems(pay(treasury, registrationId, "TR-1", "3327.01", Map.of(invoiceId(draft), "3327.01"))))
                .anyMatch(p -> p.contains("no está aprobada"));
        assertThat(payments("TR-%")).isZero();
        assertThat(invoiceStatus(a)).isEqualTo("APPROVED");

        // One payment, both invoices
        MvcResult paid = pay(treasury, registrationId, "TR-1", "6,654.02", both);
        assertThat(paid.getResponse().getRedirectedUrl()).startsWith("/staff/payments/");
        long paymentId = jdbc.queryForObject("select id from payment where payment_number = 'TR-1'", Long.class);
        assertThat(invoiceStatus(a)).isEqualTo("PAID");
        assertThat(invoiceStatus(b)).isEqualTo("PAID");
        // The invoice's history reads in words (no raw keys) and in Mexico City time, in both languages
        String history = page("/invoice/" + idA, supplier);
        assertThat(history).doesNotContain("??").contains("Pago programado", "Fecha de pago cambiada");
        java.time.OffsetDateTime firstEvent = jdbc.queryForObject("select min(happened_at) from invoice_stage_event "
                + "where invoice_id = ?", java.time.OffsetDateTime.class, idA);
        assertThat(history).contains(firstEvent.atZoneSameInstant(MEXICO)
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")));
        String english = mvc.perform(get("/invoice/" + idA).with(authentication(supplier))
                .cookie(new jakarta.servlet.http.Cookie("portal-lang", "en"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).doesNotContain("??").contains("Payment scheduled", "Payment date changed");
        for (String process : List.of("invoice-reception", "payment-scheduling")) {
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(process)
                    .processInstanceBusinessKey(a.toUpperCase()).count()).isZero(); // both ended
        }
        runJobs();
        var mail = lastMailTo(EKU_EMAIL);
        assertThat(TestMail.subject(mail)).isEqualTo("Municipio de Cuautitlán Izcalli le hizo un pago");
        assertThat(TestMail.text(mail)).contains("TR-1", "6,654.02 MXN", a.toUpperCase(), b.toUpperCase());

        // The invoices leave "In process" for "Paid", and each links to the payment; the archive shows the payment
        assertThat(page(inProcess, supplier)).doesNotContain(a.toUpperCase()).doesNotContain(b.toUpperCase());
        assertThat(page(inProcess.replace("/in-process", "/paid"), supplier)).contains(a.toUpperCase(),
                b.toUpperCase());
        assertThat(page("/invoice/" + idA, supplier)).contains("href=\"/payments/" + paymentId + "\">TR-1</a>");
        String csv = new String(mvc.perform(get("/payments/export.csv").with(authentication(supplier))).andReturn()
                .getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFNúmero de pago,").contains("TR-1,Municipio de Cuautitlán Izcalli,",
                ",6654.02,MXN,2,");
        String archive = page("/payments", supplier);
        assertThat(archive).contains("TR-1", "6,654.02", "No se requiere");
        String details = page("/payments/" + paymentId, supplier);
        assertThat(details).contains(a.toUpperCase(), b.toUpperCase(), "SPEI 1234", "03 · Transferencia electrónica");
        // Treasury finds it again in its list of payments (newest first), and by complement status
        assertThat(page("/staff/payments", treasury)).contains("data-number=\"TR-1\"", "Escuela Kemper Urgate",
                "6,654.02", "href=\"/staff/payments/" + paymentId + "\"");
        assertThat(page("/staff/payments?complement=NOT_REQUIRED", treasury)).contains("data-number=\"TR-1\"");
        assertThat(page("/staff/payments?complement=PENDING", treasury)).doesNotContain("data-number=\"TR-1\"");

        // The same payment number twice is refused
        String c = UUID.randomUUID().toString();
        long idC = approved(MciFixture.freshInvoice(c), c);
        taskService.complete(scheduleTask(c).getId());
        assertThat(problems(pay(treasury, registrationId, "tr-1", "3327.01", Map.of(idC, "3327.01"))))
                .contains("Ya existe un pago con el número tr-1.");
        assertThat(payments("TR-%") + payments("tr-%")).isEqualTo(1);
    }

    @Test
    void aPpdInvoicePaidInPartAsksForItsComplementWhichIsCheckedAgainstThePayment() throws Exception {
        String uuid = UUID.randomUUID().toString().toUpperCase();
        long id = approved(TestStamps.standIn().stamp(TestCfdis.signed(PPD_INVOICE), uuid), uuid);
        taskService.complete(scheduleTask(uuid).getId());

        // 1,160.00 of 2,320.00 on 31/03/2025: the first installment
        MockHttpServletRequestBuilder request = post("/staff/payments").with(authentication(treasury)).with(csrf())
                .param("registrationId", String.valueOf(registrationId)).param("number", "PPD-" + uuid.substring(0, 8))
                .param("paidOn", "2025-03-31").param("method", "03").param("currency", "MXN").param("amount", "1160.00")
                .param("amount_" + id, "1160.00");
        assertThat(mvc.perform(request).andReturn().getResponse().getRedirectedUrl()).startsWith("/staff/payments/");
        long paymentId = jdbc.queryForObject("select id from payment where payment_number = ?", Long.class,
                "PPD-" + uuid.substring(0, 8));
        assertThat(invoiceStatus(uuid)).isEqualTo("APPROVED"); // 1,160.00 still to pay
        assertThat(page("/staff/payments?complement=PENDING", treasury))
                .contains("data-number=\"PPD-" + uuid.substring(0, 8) + "\"");
        runJobs();
        // dates and amounts as the pages write them (no "2025-04-05", no "2320.00")
        assertThat(TestMail.text(lastMailTo(EKU_EMAIL))).contains("cargue el complemento de pago en el portal antes "
                + "del 05/04/2025", "del 31/03/2025 por 1,160.00 MXN", "· 1,160.00 MXN");
        Task upload = taskService.createTaskQuery().processDefinitionKey("payment-received")
                .processInstanceBusinessKey("PPD-" + uuid.substring(0, 8)).taskDefinitionKey("Task_UploadRep")
                .singleResult();
        assertThat(taskService.getIdentityLinksForTask(upload.getId())).extracting(l -> l.getGroupId())
                .contains("supplier-" + jdbc.queryForObject("select supplier_id from invoice where id = ?", Long.class, id));
        assertThat(page("/payments/" + paymentId, supplier)).contains("Pendiente (vence el 05/04/2025)",
                "complement-upload");

        // A complement for another invoice, and one with other amounts: refused, each difference named
        String rep = TestCfdis.payment().replace("6128396f-c09b-4ec6-8699-43c5f7e3b230", uuid);
        String otherInvoice = TestStamps.standIn().stamp(TestCfdis.signed(TestCfdis.payment()), UUID.randomUUID().toString());
        List<String> refused = uploadComplement(paymentId, otherInvoice);
        assertThat(refused).contains("El complemento incluye la factura 6128396F-C09B-4EC6-8699-43C5F7E3B230, que este "
                + "pago no cubre.").anyMatch(p -> p.startsWith("Falta en el complemento la factura PPD-"));
        String otherAmounts = TestStamps.standIn().stamp(TestCfdis.signed(rep.replace("NumParcialidad=\"1\"", "NumParcialidad=\"2\"")
                .replace("ImpSaldoAnt=\"2320.00\"", "ImpSaldoAnt=\"2400.00\"")), UUID.randomUUID().toString());
        assertThat(uploadComplement(paymentId, otherAmounts))
                .anyMatch(p -> p.contains("el saldo anterior del complemento es 2400.00; debe ser 2,320.00"))
                .anyMatch(p -> p.contains("el complemento dice parcialidad 2; esta es la parcialidad 1"));
        // The right complement with a made-up stamp (SelloSAT nobody signed): refused too
        String madeUp = TestStamps.standIn().stamp(TestCfdis.signed(rep), UUID.randomUUID().toString())
                .replaceFirst("SelloSAT=\"[A-Za-z0-9+/]{8}", "SelloSAT=\"AAAAAAAA");
        assertThat(uploadComplement(paymentId, madeUp)).contains("El sello del SAT en el timbre no es válido: el "
                + "timbre se modificó o no lo emitió el SAT. Pida al emisor el XML tal como se lo entregó su PAC.");
        assertThat(jdbc.queryForObject("select rep_status from payment where id = ?", String.class, paymentId))
                .isEqualTo("PENDING");

        // The right one is accepted and the supplier's task completes
        String goodUuid = UUID.randomUUID().toString();
        TestSat.unavailableFor(goodUuid); // SAT down: accepted because it matches, and the supplier is told
        // ... stamped by a SAT certificate this portal does not know yet: accepted, and the supplier is told so
        TestStamps newSatCertificate = TestStamps.generate(java.nio.file.Files.createTempDirectory("sat"),
                "00001000000999999911", mx.supplierportal.cfdi.SatCertificates.SAT_RFC);
        // (certified by a real PAC's RFC: SAT's test PAC with an unknown certificate would be a test stamp, refused)
        String good = newSatCertificate.stamp(TestCfdis.signed(rep), goodUuid)
                .replace("RfcProvCertif=\"SPR190613I52\"", "RfcProvCertif=\"CVD110412TF6\"");
        MvcResult accepted = mvc.perform(multipart("/payments/{p}/complement", paymentId)
                .file(new MockMultipartFile("xml", "rep.xml", "text/xml", good.getBytes(StandardCharsets.UTF_8)))
                .with(authentication(supplier)).with(csrf())).andReturn();
        assertThat((Map<String, Object>) accepted.getFlashMap()).containsEntry("complementAccepted", true)
                .containsEntry("satUnconfirmed", true).doesNotContainKey("problems")
                .containsEntry("complementWarnings", List.of("No se pudo verificar el sello del SAT en el timbre: el "
                        + "certificado del SAT 00001000000999999911 no se conoce en este portal. Se recibe con esta "
                        + "advertencia; el portal consulta además su estado ante el SAT."));
        assertThat(jdbc.queryForObject("select rep_status from payment where id = ?", String.class, paymentId))
                .isEqualTo("ACCEPTED");
        assertThat(taskService.createTaskQuery().taskId(upload.getId()).count()).isZero();
        assertThat(page("/payments", supplier)).contains("Recibido");

        // SAT is asked again in the background; while it is down the job waits for its next retry
        runJobs();
        assertThat(page("/payments/" + paymentId, supplier))
                .contains("El SAT aún no confirma que este complemento esté vigente");
        String instance = jdbc.queryForObject("select process_instance_id from payment where id = ?", String.class,
                paymentId);
        var recheck = managementService.createJobQuery().processInstanceId(instance).activityId("Task_RecheckRepSat")
                .singleResult();
        assertThat(recheck.getExceptionMessage()).contains("SAT could not be asked");
        // ... and when SAT answers that it is cancelled, the complement is owed again and the supplier is told
        TestSat.answer(goodUuid, "Cancelado");
        managementService.executeJob(recheck.getId()); // as the next retry does
        runJobs();
        assertThat(jdbc.queryForObject("select rep_status from payment where id = ?", String.class, paymentId))
                .isEqualTo("PENDING");
        var cancelledMail = lastMailTo(EKU_EMAIL);
        assertThat(TestMail.subject(cancelledMail))
                .isEqualTo("El SAT informa cancelado su complemento de pago para Municipio de Cuautitlán Izcalli");
        assertThat(TestMail.text(cancelledMail)).contains("PPD-" + uuid.substring(0, 8), goodUuid.toUpperCase());
        assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_UploadRep")
                .count()).isEqualTo(1);
        assertThat(page("/payments/" + paymentId, supplier)).contains("Pendiente (vence el 05/04/2025)",
                "complement-upload");
        assertThat(uploadComplement(paymentId, good)).contains("El SAT informa que este complemento está cancelado.");

        // A new one that SAT confirms at once: accepted, confirmed, the process ends
        String renewed = TestStamps.standIn().stamp(TestCfdis.signed(rep), UUID.randomUUID().toString());
        assertThat(uploadComplement(paymentId, renewed)).isNull();
        assertThat(page("/payments/" + paymentId, supplier)).contains("Recibido", "Vigente en el SAT");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    @SuppressWarnings("unchecked")
    List<String> uploadComplement(long paymentId, String xml) throws Exception {
        MvcResult result = mvc.perform(multipart("/payments/{p}/complement", paymentId)
                .file(new MockMultipartFile("xml", "rep.xml", "text/xml", xml.getBytes(StandardCharsets.UTF_8)))
                .with(authentication(supplier)).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        return (List<String>) result.getFlashMap().get("problems");
    }

    /** The payment date is typed as AAAA-MM-DD; a day that does not exist is refused and nothing is scheduled. */
    @Test
    void aPaymentDateThatIsNotARealDayIsRefused() throws Exception {
        String uuid = UUID.randomUUID().toString();
        approved(MciFixture.freshInvoice(uuid), uuid);
        Task task = scheduleTask(uuid);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(task.getId(),
                Map.of("paymentDate", "2027-02-30"))).hasMessageContaining("no es una fecha real")
                .hasMessageContaining("is not a real date");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select scheduled_payment_date from invoice where uuid = ?", LocalDate.class,
                uuid.toUpperCase())).isNull();
        taskService.complete(task.getId(), Map.of("paymentDate", " 2027-03-01 "));
        assertThat(jdbc.queryForObject("select scheduled_payment_date from invoice where uuid = ?", LocalDate.class,
                uuid.toUpperCase())).isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void paymentsStayWithTheirSupplierAndClient() throws Exception {
        String uuid = UUID.randomUUID().toString();
        long id = approved(MciFixture.freshInvoice(uuid), uuid);
        taskService.complete(scheduleTask(uuid).getId());

        // A second supplier of the same client: a payment cannot mix its invoices with EKU's
        String email = "segundo-" + unique() + "@proveedor.test";
        TestClient mci = new TestClient(MciFixture.CODE, "Municipio de Cuautitlán Izcalli", "mciadmin");
        registerSupplier(mci, "Segundo Proveedor", newRfc(), email, "es");
        String token = tokenOf(TestMail.link(onlyMailTo(email), "/activate"));
        mvc.perform(post("/activate").with(csrf()).param("token", token).param("password", MciFixture.SUPPLIER_PASSWORD)
                .param("confirmation", MciFixture.SUPPLIER_PASSWORD));
        long second = jdbc.queryForObject("select cs.id from client_supplier cs join supplier_user u on "
                + "u.supplier_id = cs.supplier_id where u.email = ?", Long.class, email);
        assertThat(problems(pay(treasury, second, "MIX-1", "3327.01", Map.of(id, "3327.01"))))
                .contains("Una de las facturas no es de Segundo Proveedor: un pago cubre facturas de un solo proveedor.");
        assertThat(invoiceStatus(uuid)).isEqualTo("APPROVED");

        // Staff of another client: cannot register, see or reschedule
        TestClient other = newClient();
        Authentication otherStaff = signIn(other);
        assertThat(pay(otherStaff, registrationId, "X-1", "3327.01", Map.of(id, "3327.01")).getResponse().getStatus())
                .isEqualTo(404);
        mvc.perform(get("/staff/payments/new").param("registrationId", String.valueOf(registrationId))
                .with(authentication(otherStaff))).andExpect(status().isNotFound());
        mvc.perform(post("/staff/payments/invoices/{i}/reschedule", id).param("paymentDate", "2027-02-01")
                .with(authentication(otherStaff)).with(csrf())).andExpect(status().isNotFound());
        // ... nor can payables of this client, who do not pay
        assertThat(pay(signIn("mcipayables", ADMIN_PASSWORD), registrationId, "X-2", "3327.01",
                Map.of(id, "3327.01")).getResponse().getStatus()).isEqualTo(404);
        assertThat(payments("X-%")).isZero();

        pay(treasury, registrationId, "OWN-" + uuid.substring(0, 6), "3327.01", Map.of(id, "3327.01"));
        long paymentId = jdbc.queryForObject("select id from payment where payment_number = ?", Long.class,
                "OWN-" + uuid.substring(0, 6));
        mvc.perform(get("/staff/payments/{p}", paymentId).with(authentication(otherStaff)))
                .andExpect(status().isNotFound());
        // Another supplier sees neither the payment nor it in its archive
        Authentication stranger = signIn(email, MciFixture.SUPPLIER_PASSWORD);
        mvc.perform(get("/payments/{p}", paymentId).with(authentication(stranger))).andExpect(status().isNotFound());
        mvc.perform(multipart("/payments/{p}/complement", paymentId)
                .file(new MockMultipartFile("xml", "rep.xml", "text/xml", new byte[] {1}))
                .with(authentication(stranger)).with(csrf())).andExpect(status().isNotFound());
        assertThat(page("/payments", stranger)).doesNotContain("OWN-" + uuid.substring(0, 6));
        assertThat(page("/payments", supplier)).contains("OWN-" + uuid.substring(0, 6));
        // Treasury's list: only its own client's payments; payables of this client and suppliers cannot open it
        assertThat(page("/staff/payments", treasury)).contains("OWN-" + uuid.substring(0, 6));
        assertThat(page("/staff/payments", otherStaff)).doesNotContain("OWN-" + uuid.substring(0, 6))
                .contains("id=\"no-payments\"");
        mvc.perform(get("/staff/payments").with(authentication(signIn("mcipayables", ADMIN_PASSWORD))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/staff/payments").with(authentication(supplier))).andExpect(status().isForbidden());
        // so the start page and the menu offer payments to treasury only
        assertThat(page("/", treasury)).contains("id=\"payments-card\"", "href=\"/staff/payments\"");
        assertThat(page("/", signIn("mcipayables", ADMIN_PASSWORD))).doesNotContain("payments-card")
                .doesNotContain("href=\"/staff/payments\"");

        // The archive is paged (20 a page, newest first, keyset): 21 payments of the second supplier
        jdbc.update("insert into payment (client_id, client_supplier_id, supplier_id, payment_number, number_key, "
                + "paid_on, method, currency, amount, registered_by, registered_at, rep_status) select cs.client_id, "
                + "cs.id, cs.supplier_id, 'ARCH-' || g, 'ARCH-' || g, date '2026-01-01' + g, '03', 'MXN', 100 + g, "
                + "'mcitreasury', now(), "
                + "'NOT_REQUIRED' from client_supplier cs, generate_series(1, 21) g where cs.id = ?", second);
        String first = page("/payments", stranger);
        assertThat(first).contains("ARCH-21", "ARCH-2<").doesNotContain("ARCH-1<");
        var link = java.util.regex.Pattern.compile("href=\"(/payments\\?after=[^\"]+)\"").matcher(first);
        assertThat(link.find()).isTrue();
        String next = link.group(1);
        assertThat(page(next, stranger)).contains("ARCH-1<").doesNotContain("ARCH-2<");
        // Treasury's list is paged the same way: 20 rows, then the next ones, none twice
        var numbers = java.util.regex.Pattern.compile("data-number=\"([^\"]+)\"");
        String firstStaffPage = page("/staff/payments", treasury);
        List<String> firstRows = numbers.matcher(firstStaffPage).results().map(m -> m.group(1)).toList();
        assertThat(firstRows).hasSize(20);
        var staffLink = java.util.regex.Pattern.compile("href=\"(/staff/payments\\?after=[^\"]+)\"")
                .matcher(firstStaffPage);
        assertThat(staffLink.find()).isTrue();
        List<String> secondRows = numbers.matcher(page(staffLink.group(1), treasury)).results().map(m -> m.group(1))
                .toList();
        assertThat(secondRows).isNotEmpty().doesNotContainAnyElementsOf(firstRows);
    }

    int payments(String like) {
        return jdbc.queryForObject("select count(*) from payment where payment_number like ?", Integer.class, like);
    }

    /** A PPD invoice (to be paid in installments) of 2,000.00 + IVA = 2,320.00 from EKU to MCI. */
    static final String PPD_INVOICE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/4" Version="4.0" Serie="PPD" Folio="7" \
            Fecha="2025-03-10T10:00:00" FormaPago="99" NoCertificado="@NUMBER@" Certificado="@CERT@" \
            SubTotal="2000.00" Moneda="MXN" Total="2320.00" TipoDeComprobante="I" Exportacion="01" \
            MetodoPago="PPD" LugarExpedicion="86000" Sello="">
              <cfdi:Emisor Rfc="EKU9003173C9" Nombre="ESCUELA KEMPER URGATE" RegimenFiscal="601"/>
              <cfdi:Receptor Rfc="MCI7306249Y1" Nombre="MUNICIPIO DE CUAUTITLAN IZCALLI" \
            DomicilioFiscalReceptor="54700" RegimenFiscalReceptor="603" UsoCFDI="G03"/>
              <cfdi:Conceptos>
                <cfdi:Concepto ClaveProdServ="43211500" Cantidad="2" ClaveUnidad="H87" Descripcion="Laptop" \
            ValorUnitario="1000.00" Importe="2000.00" ObjetoImp="02">
                  <cfdi:Impuestos><cfdi:Traslados>
                    <cfdi:Traslado Base="2000.00" Impuesto="002" TipoFactor="Tasa" TasaOCuota="0.160000" Importe="320.00"/>
                  </cfdi:Traslados></cfdi:Impuestos>
                </cfdi:Concepto>
              </cfdi:Conceptos>
              <cfdi:Impuestos TotalImpuestosTrasladados="320.00">
                <cfdi:Traslados><cfdi:Traslado Base="2000.00" Impuesto="002" TipoFactor="Tasa" TasaOCuota="0.160000" Importe="320.00"/></cfdi:Traslados>
              </cfdi:Impuestos>
            </cfdi:Comprobante>
            """;
}
