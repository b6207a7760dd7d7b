package mx.supplierportal.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import mx.supplierportal.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;

/** Bad input on the register-supplier form gets a clear message in the admin's language and stores nothing. */
class RegistrationBadInputTest extends IntegrationTest {

    private TestClient client;

    @BeforeEach
    void client() {
        client = newClient();
    }

    @Test
    void malformedRfcIsRefused() throws Exception {
        submit("Comercial Uno", "ABC12", "uno-" + unique() + "@x.test", "es")
                .andExpect(content().string(containsString("El RFC no tiene un formato válido")));
        submit("Comercial Uno", "ABC991399AB1", "uno-" + unique() + "@x.test", "es") // month 13
                .andExpect(content().string(containsString("El RFC no tiene un formato válido")));
        assertNothingStored();
    }

    @Test
    void malformedEmailIsRefused() throws Exception {
        submit("Comercial Dos", newRfc(), "not-an-email", "es")
                .andExpect(content().string(containsString("Escriba un correo electrónico válido")));
        submit("Comercial Dos", newRfc(), "a@b", "es")
                .andExpect(content().string(containsString("Escriba un correo electrónico válido")));
        assertNothingStored();
    }

    @Test
    void overLongFieldsAreRefused() throws Exception {
        submit("x".repeat(255), newRfc(), "largo-" + unique() + "@x.test", "es")
                .andExpect(content().string(containsString("Es demasiado largo: máximo 254 caracteres")));
        submit("Comercial Tres", newRfc() + "XXXX", "largo-" + unique() + "@x.test", "es")
                .andExpect(content().string(containsString("El RFC no tiene un formato válido")));
        assertNothingStored();
    }

    @Test
    void missingFieldsAreNamed() throws Exception {
        submit("", "", "", "es").andExpect(content().string(containsString("Este dato es obligatorio")));
        assertNothingStored();
    }

    @Test
    void messagesFollowTheAdminsLanguage() throws Exception {
        mvc.perform(post("/admin/suppliers").with(authentication(signIn(client))).with(csrf())
                        .cookie(new Cookie("portal-lang", "en"))
                        .param("businessName", "Comercial Cuatro").param("rfc", "BAD").param("contactName", "X")
                        .param("email", "nope").param("language", "es"))
                .andExpect(content().string(containsString("The RFC is not in a valid format")))
                .andExpect(content().string(containsString("Type a valid email address")));
        assertNothingStored();
    }

    @Test
    void duplicateRfcForTheSameClientIsRefused() throws Exception {
        String rfc = newRfc();
        registerSupplier(client, "Original SA", rfc, "orig-" + unique() + "@x.test", "es");
        submit("Copia SA", rfc, "copia-" + unique() + "@x.test", "es")
                .andExpect(content().string(containsString("Ya registró un proveedor con este RFC")));
        assertThat(count("select count(*) from client_supplier cs join client c on c.id = cs.client_id where c.code = ?"))
                .isEqualTo(1);
    }

    @Test
    void checkDigitMismatchIsOnlyAWarning() throws Exception {
        String valid = newRfc();
        char last = valid.charAt(12 - 1);
        String wrongDigit = valid.substring(0, 11) + (last == '1' ? '2' : '1');
        mvc.perform(post("/admin/suppliers").with(authentication(signIn(client))).with(csrf())
                        .param("businessName", "Dígito SA").param("rfc", wrongDigit.toLowerCase())
                        .param("contactName", "X").param("email", "dig-" + unique() + "@x.test").param("language", "es"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("warnings", java.util.List.of("supplier.rfc.checkDigit")));
        assertThat(jdbc.queryForObject("select count(*) from supplier where rfc = ?", Integer.class, wrongDigit))
                .isEqualTo(1);
    }

    @Test
    void supplierListIsPaged() throws Exception {
        for (int i = 0; i < 21; i++) {
            registerSupplier(client, "Proveedor " + i, newRfc(), "p" + i + "-" + unique() + "@x.test", "es");
        }
        mvc.perform(get("/admin/suppliers").with(authentication(signIn(client))))
                .andExpect(content().string(containsString("Página 1 de 2")));
        mvc.perform(get("/admin/suppliers").param("page", "1").with(authentication(signIn(client))))
                .andExpect(content().string(containsString("Página 2 de 2")))
                .andExpect(content().string(containsString("Proveedor 0")));
    }

    private ResultActions submit(String businessName, String rfc, String email, String language) throws Exception {
        return mvc.perform(post("/admin/suppliers").with(authentication(signIn(client))).with(csrf())
                        .param("businessName", businessName).param("rfc", rfc).param("contactName", "Contacto")
                        .param("email", email).param("language", language))
                .andExpect(status().isOk());
    }

    private void assertNothingStored() {
        assertThat(count("select count(*) from client_supplier cs join client c on c.id = cs.client_id where c.code = ?"))
                .isZero();
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class, client.code());
    }
}
