package mx.supplierportal.signup;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page whether "Crear cuenta" exists, so the sign-in page links to it only when it does. */
@ControllerAdvice
class SignupLink {

    private final SignupProperties properties;

    SignupLink(SignupProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("selfRegistration")
    boolean selfRegistration() {
        return properties.enabled();
    }
}
