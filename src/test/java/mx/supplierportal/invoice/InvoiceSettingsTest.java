package mx.supplierportal.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import mx.supplierportal.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Client admins set their invoice rules; bad input changes nothing; each client only its own. */
class InvoiceSettingsTest extends IntegrationTest {

    @Test
    void adminSetsRulesAndAddsADocument() throws Exception {
        TestClient client = newClient();
        mvc.perform(get("/admin/invoice-settings").with(authentication(signIn(client))))
                .andExpect(content().string(containsString("Orden de compra")));
        mvc.perform(post("/admin/invoice-settings").param("pdfRequired", "false").param("maxAgeDays", "60")
                .with(authentication(signIn(client))).with(csrf())).andExpect(flash().attribute("saved", true));
        mvc.perform(post("/admin/invoice-settings").param("maxAgeDays", "0")
                .with(authentication(signIn(client))).with(csrf()))
                .andExpect(flash().attribute("problem", "Escriba una antigüedad de 1 a 3650 días."));
        mvc.perform(post("/admin/invoice-settings/requirements").param("labelEs", "Remisión firmada")
                .param("labelEn", "Signed delivery note").param("mandatory", "true")
                .with(authentication(signIn(client))).with(csrf())).andExpect(flash().attribute("saved", true));
        assertThat(jdbc.queryForObject("select max_age_days from invoice_settings s join client c on c.id = "
                + "s.client_id where c.code = ? and s.pdf_required = false", Integer.class, client.code())).isEqualTo(60);
        assertThat(jdbc.queryForObject("select req_key from invoice_requirement r join client c on c.id = "
                + "r.client_id where c.code = ? and r.label_en = 'Signed delivery note' and r.mandatory = true",
                String.class, client.code())).isEqualTo("remision-firmada");
        TestClient other = newClient();
        assertThat(jdbc.queryForObject("select count(*) from invoice_requirement r join client c on c.id = "
                + "r.client_id where c.code = ?", Integer.class, other.code())).isEqualTo(2);
    }

    /** A required document is edited and removed; another client's admins can do neither. */
    @Test
    void adminEditsAndRemovesARequiredDocument() throws Exception {
        TestClient client = newClient();
        long purchaseOrder = jdbc.queryForObject("select r.id from invoice_requirement r join client c on c.id = "
                + "r.client_id where c.code = ? and r.req_key = 'purchaseOrder'", Long.class, client.code());
        TestClient other = newClient();
        mvc.perform(post("/admin/invoice-settings/requirements/{id}", purchaseOrder).param("labelEs", "Ajeno")
                .param("labelEn", "Foreign").with(authentication(signIn(other))).with(csrf()))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.notNullValue()));
        mvc.perform(post("/admin/invoice-settings/requirements/{id}/remove", purchaseOrder)
                .with(authentication(signIn(other))).with(csrf()))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.notNullValue()));

        mvc.perform(post("/admin/invoice-settings/requirements/{id}", purchaseOrder).param("labelEs", "")
                .param("labelEn", "PO").with(authentication(signIn(client))).with(csrf()))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.notNullValue()));
        mvc.perform(post("/admin/invoice-settings/requirements/{id}", purchaseOrder)
                .param("labelEs", "Orden de compra firmada").param("labelEn", "Signed purchase order")
                .param("helpEs", "Con sello del almacén").param("helpEn", "Stamped by the warehouse")
                .with(authentication(signIn(client))).with(csrf())).andExpect(flash().attribute("saved", true));
        assertThat(jdbc.queryForObject("select label_es || '|' || mandatory from invoice_requirement where id = ?",
                String.class, purchaseOrder)).isEqualTo("Orden de compra firmada|false");

        mvc.perform(post("/admin/invoice-settings/requirements/{id}/remove", purchaseOrder)
                .with(authentication(signIn(client))).with(csrf())).andExpect(flash().attribute("saved", true));
        mvc.perform(get("/admin/invoice-settings").with(authentication(signIn(client))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Orden de compra firmada"))));
        assertThat(jdbc.queryForObject("select count(*) from invoice_requirement where id = ? and removed_at is not null",
                Integer.class, purchaseOrder)).isEqualTo(1); // kept for the invoices that have it attached
        assertThat(jdbc.queryForObject("select label_es from invoice_requirement r join client c on c.id = "
                + "r.client_id where c.code = ? and r.req_key = 'purchaseOrder'", String.class, other.code()))
                .isEqualTo("Orden de compra");
    }

    @Test
    void adminSetsPaymentTermsWithoutLosingTheDocumentRules() throws Exception {
        TestClient client = newClient();
        mvc.perform(post("/admin/invoice-settings").param("pdfRequired", "false").param("maxAgeDays", "45")
                .with(authentication(signIn(client))).with(csrf())).andExpect(flash().attribute("saved", true));
        mvc.perform(post("/admin/invoice-settings/payment-terms").param("netDays", "15").param("weekday", "5")
                .param("repDueDay", "10").with(authentication(signIn(client))).with(csrf()))
                .andExpect(flash().attribute("saved", true));
        for (String[] bad : new String[][] {{"400", "5", "10", "Escriba de 0 a 365 días."},
                {"15", "9", "10", "Elija un día de la semana."}, {"15", "", "31", "Escriba un día del 1 al 28."}}) {
            mvc.perform(post("/admin/invoice-settings/payment-terms").param("netDays", bad[0]).param("weekday", bad[1])
                    .param("repDueDay", bad[2]).with(authentication(signIn(client))).with(csrf()))
                    .andExpect(flash().attribute("problem", bad[3]));
        }
        var row = jdbc.queryForMap("select s.* from invoice_settings s join client c on c.id = s.client_id "
                + "where c.code = ?", client.code());
        assertThat(row).containsEntry("payment_net_days", 15).containsEntry("payment_weekday", 5)
                .containsEntry("rep_due_day", 10).containsEntry("max_age_days", 45).containsEntry("pdf_required", false);
        mvc.perform(post("/admin/invoice-settings").param("pdfRequired", "true").param("maxAgeDays", "30")
                .with(authentication(signIn(client))).with(csrf()));
        assertThat(jdbc.queryForObject("select payment_net_days from invoice_settings s join client c on c.id = "
                + "s.client_id where c.code = ?", Integer.class, client.code())).isEqualTo(15);
    }

    @Test
    void termsProposeADateAndTheComplementDueDate() {
        InvoiceSettings terms = new InvoiceSettings(1L, true, 30);
        // 30 days after Friday 2026-11-20 is Sunday 2026-12-20: moved to Monday
        assertThat(terms.proposedPaymentDate(java.time.LocalDate.of(2026, 11, 20)))
                .isEqualTo(java.time.LocalDate.of(2026, 12, 21));
        terms.paymentTerms(15, 5, 5); // 15 days, then the next Friday payment run
        assertThat(terms.proposedPaymentDate(java.time.LocalDate.of(2026, 11, 20)))
                .isEqualTo(java.time.LocalDate.of(2026, 12, 11));
        assertThat(terms.repDueDate(java.time.LocalDate.of(2026, 12, 28))).isEqualTo(java.time.LocalDate.of(2027, 1, 5));
        terms.paymentTerms(15, null, 28);
        assertThat(terms.repDueDate(java.time.LocalDate.of(2027, 1, 31))).isEqualTo(java.time.LocalDate.of(2027, 2, 28));
    }
}
