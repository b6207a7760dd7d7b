package mx.supplierportal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import mx.supplierportal.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;

/** Client admins configure their template; another client's ids find nothing; bad input is explained. */
class RecordTemplateIntegrationTest extends IntegrationTest {

    long tab(TestClient client, String key) {
        return jdbc.queryForObject("select t.id from template_tab t join record_template r on r.id = t.template_id "
                + "join client c on c.id = r.client_id where c.code = ? and t.tab_key = ?", Long.class, client.code(), key);
    }

    @Test
    void adminAddsTabsAndFieldsInBothLanguages() throws Exception {
        TestClient client = newClient();
        Authentication admin = signIn(client);
        mvc.perform(get("/admin/record-template").with(authentication(admin)))
                .andExpect(content().string(containsString("Opinión de cumplimiento (32-D)")));
        mvc.perform(post("/admin/record-template/tabs").param("labelEs", "Seguridad social")
                .param("labelEn", "Social security").with(authentication(admin)).with(csrf()))
                .andExpect(flash().attribute("saved", true));
        mvc.perform(post("/admin/record-template/tabs/{t}/fields", tab(client, "seguridadSocial"))
                .param("type", "FILE").param("labelEs", "Opinión del IMSS").param("labelEn", "IMSS opinion")
                .param("required", "true").param("expiry", "DAYS_AFTER_APPROVAL").param("expiryDays", "30")
                .with(authentication(admin)).with(csrf())).andExpect(flash().attribute("saved", true));
        mvc.perform(post("/admin/record-template/tabs/{t}/fields", tab(client, "seguridadSocial"))
                .param("type", "CHOICE").param("labelEs", "Régimen").param("labelEn", "Regime")
                .param("choices", "Patrón=Employer\nSin trabajadores=No employees").param("expiry", "NONE")
                .with(authentication(admin)).with(csrf())).andExpect(flash().attribute("saved", true));
        assertThat(jdbc.queryForObject("select count(*) from template_field where tab_id = ? and required = true "
                + "and expiry_days = 30 and label_en = 'IMSS opinion'", Integer.class, tab(client, "seguridadSocial")))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select choices from template_field where field_key = 'regimen' and tab_id = ?",
                String.class, tab(client, "seguridadSocial")))
                .isEqualTo("patron=Patrón=Employer|sinTrabajadores=Sin trabajadores=No employees");
    }

    @Test
    void badInputIsExplainedAndNothingChanges() throws Exception {
        TestClient client = newClient();
        Authentication admin = signIn(client);
        int before = jdbc.queryForObject("select count(*) from template_field", Integer.class);
        mvc.perform(post("/admin/record-template/tabs/{t}/fields", tab(client, "fiscal")).param("type", "FILE")
                .param("labelEs", "").param("labelEn", "x").param("expiry", "NONE")
                .with(authentication(admin)).with(csrf()))
                .andExpect(flash().attribute("problem", "Este dato es obligatorio."));
        mvc.perform(post("/admin/record-template/tabs/{t}/fields", tab(client, "fiscal")).param("type", "FILE")
                .param("labelEs", "A").param("labelEn", "B").param("expiry", "DAYS_AFTER_APPROVAL")
                .with(authentication(admin)).with(csrf()))
                .andExpect(flash().attribute("problem", "Escriba los días de vigencia (de 1 a 3650)."));
        mvc.perform(post("/admin/record-template/tabs/{t}/fields", tab(client, "fiscal")).param("type", "SCRIPT")
                .param("labelEs", "A").param("labelEn", "B").param("expiry", "NONE")
                .with(authentication(admin)).with(csrf()))
                .andExpect(flash().attribute("problem", "Elija el tipo de campo."));
        assertThat(jdbc.queryForObject("select count(*) from template_field", Integer.class)).isEqualTo(before);
    }

    @Test
    void anotherClientsTemplateIsOutOfReach() throws Exception {
        TestClient mine = newClient();
        TestClient theirs = newClient();
        mvc.perform(post("/admin/record-template/tabs/{t}/fields", tab(theirs, "fiscal")).param("type", "TEXT")
                .param("labelEs", "Intruso").param("labelEn", "Intruder").param("expiry", "NONE")
                .with(authentication(signIn(mine))).with(csrf())).andExpect(status().isNotFound());
        long theirField = jdbc.queryForObject("select id from template_field where tab_id = ? and field_key = 'csf'",
                Long.class, tab(theirs, "fiscal"));
        mvc.perform(post("/admin/record-template/fields/{f}", theirField).param("labelEs", "X").param("labelEn", "X")
                .param("expiry", "NONE").with(authentication(signIn(mine))).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select label_es from template_field where id = ?", String.class, theirField))
                .isEqualTo("Constancia de situación fiscal");
    }
}
