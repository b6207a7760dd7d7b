package mx.supplierportal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import mx.supplierportal.support.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;

/** Operators create clients (row, tenant, role groups); nobody else can. */
class ClientOpsIntegrationTest extends IntegrationTest {

    @Autowired
    IdentityService identityService;

    private Authentication operator() {
        return signIn("ops", "ops-test-password-only"); // camunda.bpm.admin-user of the test profile
    }

    @Test
    void operatorCreatesAClientWithItsTenantAndGroups() throws Exception {
        String code = "n" + unique();
        mvc.perform(post("/ops/clients").with(authentication(operator())).with(csrf())
                        .param("code", code).param("name", "Nuevo Cliente SA").param("rfc", "sat970701nn3")
                        .param("postalCode", "06300").param("taxRegime", "601"))
                .andExpect(redirectedUrl("/ops/clients"))
                .andExpect(flash().attribute("created", code));
        assertThat(jdbc.queryForObject("select name from client where code = ?", String.class, code))
                .isEqualTo("Nuevo Cliente SA");
        assertThat(identityService.createTenantQuery().tenantId(code).count()).isEqualTo(1);
        assertThat(identityService.createGroupQuery().groupIdIn(code + "-admin", code + "-reviewer",
                code + "-payables", code + "-treasury").count()).isEqualTo(4);
        mvc.perform(get("/ops/clients").with(authentication(operator()))
                        .requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, leftByRedirect("created", code)))
                .andExpect(content().string(containsString("Se creó el cliente " + code)));
    }

    @Test
    void badInputIsExplainedAndNothingIsCreated() throws Exception {
        String code = "Bad Code";
        mvc.perform(post("/ops/clients").with(authentication(operator())).with(csrf())
                        .param("code", code).param("name", "").param("rfc", "XYZ")
                        .param("postalCode", "123").param("taxRegime", "6011"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Use minúsculas, números y guiones")))
                .andExpect(content().string(containsString("Este dato es obligatorio")))
                .andExpect(content().string(containsString("El RFC no tiene un formato válido")))
                .andExpect(content().string(containsString("El código postal tiene 5 dígitos")))
                .andExpect(content().string(containsString("La clave del régimen fiscal tiene 3 dígitos")));
        TestClient existing = newClient();
        mvc.perform(post("/ops/clients").with(authentication(operator())).with(csrf())
                        .param("code", existing.code()).param("name", "Otro").param("rfc", newRfc())
                        .param("postalCode", "06300").param("taxRegime", "601"))
                .andExpect(content().string(containsString("Ya existe un cliente con esta clave")));
    }

    @Test
    void clientAdminsAreNotOperators() throws Exception {
        TestClient client = newClient();
        mvc.perform(get("/ops/clients").with(authentication(signIn(client)))).andExpect(status().isForbidden());
        mvc.perform(post("/ops/clients").with(authentication(signIn(client))).with(csrf())
                        .param("code", "x" + unique()).param("name", "X").param("rfc", newRfc())
                        .param("postalCode", "06300").param("taxRegime", "601"))
                .andExpect(status().isForbidden());
    }

    /** What the previous redirect left for the next page (MockMvc cannot carry it through the database session). */
    private static FlashMap leftByRedirect(String name, Object value) {
        FlashMap flash = new FlashMap();
        flash.put(name, value);
        return flash;
    }
}
