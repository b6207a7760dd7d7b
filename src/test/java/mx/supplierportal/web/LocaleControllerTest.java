package mx.supplierportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocaleControllerTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "/profile, /profile",
            "/activate?token=abc, /activate?token=abc",
            "//evil.example/x, /",
            "https://evil.example/, /",
            "/\\evil.example, /",
            "NULL, /",
            "relative, /"})
    void followsOnlyLocalPaths(String back, String expected) {
        assertThat(LocaleController.safeLocalPath(back)).isEqualTo(expected);
    }
}
