package mx.supplierportal.supplier;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import mx.supplierportal.security.Captchas;
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
    private final Captchas captchas;

    PasswordRecoveryController(PasswordRecovery recovery, Captchas captchas) {
        this.recovery = recovery;
        this.captchas = captchas;
    }

    @GetMapping("/password/forgot")
    String form(Model model, Locale locale, HttpServletRequest request) {
        model.addAttribute("captchaId", captchas.create(locale, request.getRemoteAddr()));
        return "password-forgot";
    }

    /**
     * The CAPTCHA is checked first: a wrong or expired answer sends nothing and shows a new challenge, the email kept.
     * Then the neutral answer, as before ("Password recovery answers before it looks" in docs/decisions.md).
     */
    @PostMapping("/password/forgot")
    String request(@RequestParam(name = "email", required = false) String email,
            @RequestParam(name = "captchaId", required = false) String captchaId,
            @RequestParam(name = "captchaAnswer", required = false) String captchaAnswer,
            @RequestParam(name = "refreshCaptcha", defaultValue = "false") boolean refreshCaptcha,
            HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        if (refreshCaptcha) {
            captchas.discard(captchaId);
            return again(model, locale, email, null, request);
        }
        if (email == null || email.isBlank() || email.length() > 254) {
            captchas.discard(captchaId);
            model.addAttribute("emailMissing", true);
            return again(model, locale, email, null, request);
        }
        Captchas.Verdict verdict = captchas.check(captchaId, captchaAnswer);
        if (verdict != Captchas.Verdict.RIGHT) {
            return again(model, locale, email,
                    verdict == Captchas.Verdict.EXPIRED ? "captcha.expired" : "captcha.wrong", request);
        }
        PasswordRecovery.RequestOutcome outcome = recovery.requestFrom(request.getRemoteAddr());
        if (outcome == PasswordRecovery.RequestOutcome.TOO_MANY) {
            model.addAttribute("tooMany", true);
            return again(model, locale, email, null, request);
        }
        RecoveryAfterResponse.lookUpLater(request, email);
        redirect.addFlashAttribute("requested", true);
        return "redirect:/password/forgot";
    }

    private String again(Model model, Locale locale, String email, String captchaProblem,
            HttpServletRequest request) {
        model.addAttribute("email", email);
        model.addAttribute("captchaProblem", captchaProblem);
        model.addAttribute("captchaId", captchas.create(locale, request.getRemoteAddr()));
        return "password-forgot";
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
