package mx.supplierportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import mx.supplierportal.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** Small things a person reads: sentences that end once, a welcome for everybody. */
class PortalTextsTest extends IntegrationTest {

    @Autowired
    MessageSource messages;

    @Test
    void aNameEndingWithAPeriodEndsTheSentenceOnce() {
        assertThat(messages.getMessage("suppliers.registered", new Object[] {"Tortillería La Esperanza S.A. de C.V."},
                Locale.forLanguageTag("es"))).isEqualTo("Se registró a Tortillería La Esperanza S.A. de C.V. "
                        + "El correo de activación va en camino.");
        assertThat(messages.getMessage("suppliers.registered", new Object[] {"Espera..."},
                Locale.forLanguageTag("es"))).startsWith("Se registró a Espera...."); // an ellipsis stays as typed
        assertThat(messages.getMessage("activate.intro", new Object[] {"Acme", "a@b.mx"}, Locale.forLanguageTag("es")))
                .startsWith("Le damos la bienvenida al portal"); // not only "Bienvenido"
    }
}
