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
}
