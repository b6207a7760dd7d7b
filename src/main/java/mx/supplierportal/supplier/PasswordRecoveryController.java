package mx.supplierportal.supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Forgot your password?": request a link, then choose a new password. */
@Controller
class PasswordRecoveryController {

    private final PasswordRecovery recovery;

    PasswordRecoveryController(PasswordRecovery recovery) {
        this.recovery = recovery;
    }

    @GetMapping("/password/forgot")
    String form() {
        return "password-forgot";
    }

    @PostMapping("/password/forgot")
    String request(@RequestParam(name = "email", required = false) String email, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        if (email == null || email.isBlank() || email.length() > 254) {
            model.addAttribute("emailMissing", true);
            return "password-forgot";
        }
        PasswordRecovery.RequestOutcome outcome = recovery.requestFrom(request.getRemoteAddr());
        if (outcome == PasswordRecovery.RequestOutcome.TOO_MANY) {
            model.addAttribute("tooMany", true);
            return "password-forgot";
        }
        RecoveryAfterResponse.lookUpLater(request, email);
        redirect.addFlashAttribute("requested", true);
        return "redirect:/password/forgot";
    }

    @GetMapping("/password/reset")
    String show(@RequestParam(name = "token", required = false) String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("state", recovery.inspect(token).name());
        return "password-reset";
    }

    @PostMapping("/password/reset")
    String reset(@RequestParam(name = "token", required = false) String token,
            @RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "confirmation", required = false) String confirmation, Model model) {
        PasswordRecovery.Outcome outcome = recovery.reset(token, password, confirmation);
        if (outcome.changed()) {
            return "redirect:/login?passwordChanged";
        }
        model.addAttribute("token", token);
        model.addAttribute("state", outcome.state().name());
        model.addAttribute("problems", outcome.problems());
        return "password-reset";
    }
}
