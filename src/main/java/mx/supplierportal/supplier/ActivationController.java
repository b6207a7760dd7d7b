package mx.supplierportal.supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import mx.supplierportal.security.SupplierPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page the activation email links to. A supplier who has just chosen the account's first password is inside the
 * portal at once (it has proved the mailbox with the link and knows the password it typed); a person whose account
 * already existed (admitted to one more client's registration) confirms with the link and signs in with its
 * password, the email already filled in.
 */
@Controller
class ActivationController {

    private final Activation activation;
    private final SupplierAccounts accounts;
    private final LocaleResolver localeResolver;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ActivationController(Activation activation, SupplierAccounts accounts, LocaleResolver localeResolver) {
        this.activation = activation;
        this.accounts = accounts;
        this.localeResolver = localeResolver;
    }

    @GetMapping("/activate")
    String show(@RequestParam(name = "token", required = false) String token, Model model) {
        Activation.LinkInfo info = activation.inspect(token);
        model.addAttribute("token", token);
        model.addAttribute("state", info.state().name());
        model.addAttribute("email", info.email());
        model.addAttribute("businessName", info.businessName());
        return "activate";
    }

    @PostMapping("/activate")
    String activate(@RequestParam(name = "token", required = false) String token,
            @RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "confirmation", required = false) String confirmation, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Activation.Outcome outcome = activation.activate(token, password, confirmation);
        if (outcome.choseFirstPassword()) {
            signIn(outcome.email(), request, response);
            redirect.addFlashAttribute("welcome", true);
            return "redirect:/";
        }
        if (outcome.activated()) {
            redirect.addFlashAttribute("email", outcome.email());
            return "redirect:/login?activated";
        }
        Activation.LinkInfo info = outcome.problems().isEmpty()
                ? new Activation.LinkInfo(outcome.state(), null, null)
                : activation.inspect(token);
        model.addAttribute("token", token);
        model.addAttribute("state", info.state().name());
        model.addAttribute("email", info.email());
        model.addAttribute("businessName", info.businessName());
        model.addAttribute("problems", outcome.problems());
        return "activate";
    }

    private void signIn(String email, HttpServletRequest request, HttpServletResponse response) {
        SupplierPrincipal principal = (SupplierPrincipal) accounts.loadUserByUsername(email);
        request.getSession(true);
        request.changeSessionId(); // a new session id for the signed-in person, as the sign-in form does
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        localeResolver.setLocale(request, response, Locale.forLanguageTag(principal.language()));
    }
}
