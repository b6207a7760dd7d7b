package mx.supplierportal.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void aLongPassphraseIsAccepted() {
        assertThat(policy.problems("caballo batería grapa correcta", "caballo batería grapa correcta",
                "ana@empresa.mx")).isEmpty();
    }

    @Test
    void tooShort() {
        assertThat(policy.problems("Corta#2026", "Corta#2026", null)).containsExactly("password.tooShort");
    }

    @Test
    void tooLong() {
        String longOne = "a1b2c3d4".repeat(17);
        assertThat(policy.problems(longOne, longOne, null)).containsExactly("password.tooLong");
    }

    @Test
    void mustBeTypedTheSameTwice() {
        assertThat(policy.problems("caballo batería grapa", "caballo bateria grapa", null))
                .containsExactly("password.mismatch");
    }

    @Test
    void empty() {
        assertThat(policy.problems("", "", null)).containsExactly("password.required");
        assertThat(policy.problems(null, null, null)).containsExactly("password.required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012", "qwertyuiopasdf", "Password1234", "CONTRASEÑA1234", "Contraseña2024!!",
            "!!Proveedor12345", "administrador", "1q2w3e4r5t6y"})
    void commonPasswordsAreRefused(String password) {
        assertThat(policy.problems(password, password, null)).containsExactly("password.common");
    }

    @Test
    void aCommonWordInsideAPhraseIsFine() {
        assertThat(policy.problems("mi proveedor favorito", "mi proveedor favorito", null)).isEmpty();
    }

    @Test
    void mustNotContainTheEmail() {
        assertThat(policy.problems("soyventas.norte2026", "soyventas.norte2026", "ventas.norte@empresa.mx"))
                .containsExactly("password.containsEmail");
    }

    @Test
    void oneRepeatedCharacterIsTooSimple() {
        assertThat(policy.problems("abababababab", "abababababab", null)).containsExactly("password.tooSimple");
    }
}
