package mx.supplierportal.signup;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import mx.supplierportal.cfdi.RegimenFiscal;
import mx.supplierportal.security.CurrentUser;
import mx.supplierportal.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The four steps of "Crear cuenta". Steps 1 and 2 are for anyone (the browser remembers, in its session, which email
 * it created an account for); steps 3 and 4 are for the signed-in account. Everything answers "not found" while
 * {@code portal.self-registration.enabled} is off.
 */
@Controller
class SignupController {

    static final String COMPANY = "/signup/company";
    static final String PAYMENT = "/signup/payment";
    static final String ACCOUNT = "/account";
    /** The email this browser created an account for in step 1 (or asked a new code for). */
    private static final String SESSION_EMAIL = SignupController.class.getName() + ".email";

    private final SignupProperties properties;
    private final AccountCreation creation;
    private final AccountConfirmation confirmation;
    private final CompanyData companyData;
    private final mx.supplierportal.security.Captchas captchas;
    private final Csds csds;

    SignupController(SignupProperties properties, AccountCreation creation, AccountConfirmation confirmation,
            CompanyData companyData, mx.supplierportal.security.Captchas captchas, Csds csds) {
        this.csds = csds;
        this.captchas = captchas;
        this.properties = properties;
        this.creation = creation;
        this.confirmation = confirmation;
        this.companyData = companyData;
    }

    @ModelAttribute
    void enabled() {
        if (!properties.enabled()) {
            throw new NotFound();
        }
    }

    @GetMapping("/signup")
    String form(Model model, Locale locale, HttpServletRequest request) {
        model.addAttribute("step", 1);
        if (creation.captchaNeededFrom(request.getRemoteAddr())) {
            model.addAttribute("captchaShown", true);
            model.addAttribute("captchaId", captchas.create(locale, request.getRemoteAddr()));
        }
        return "signup/create";
    }

    @PostMapping("/signup")
    String create(@RequestParam(name = "rfc", required = false) String rfc,
            @RequestParam(name = "email", required = false) String email,
            @RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "passwordAgain", required = false) String passwordAgain,
            @RequestParam(name = "captchaId", required = false) String captchaId,
            @RequestParam(name = "captchaAnswer", required = false) String captchaAnswer,
            @RequestParam(name = "refreshCaptcha", defaultValue = "false") boolean refreshCaptcha, Locale locale,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        AccountCreation.Outcome outcome = refreshCaptcha
                ? new AccountCreation.Outcome(List.of(), List.of(), false, null)
                : creation.create(rfc, email, password, passwordAgain, locale, request.getRemoteAddr(), captchaId,
                        captchaAnswer);
        if (refreshCaptcha || !outcome.accepted()) {
            captchas.discard(captchaId);
            model.addAttribute("step", 1);
            model.addAttribute("rfc", rfc);
            model.addAttribute("email", email);
            model.addAttribute("tooMany", outcome.tooMany());
            model.addAttribute("problems", FieldProblem.byField(outcome.problems()));
            model.addAttribute("captchaProblem", "captcha.required".equals(outcome.captcha()) ? null
                    : outcome.captcha());
            model.addAttribute("captchaRequired", "captcha.required".equals(outcome.captcha()));
            if (outcome.captcha() != null || creation.captchaNeededFrom(request.getRemoteAddr())) {
                model.addAttribute("captchaShown", true);
                model.addAttribute("captchaId", captchas.create(locale, request.getRemoteAddr()));
            }
            return "signup/create";
        }
        request.getSession().setAttribute(SESSION_EMAIL, email.strip());
        redirect.addFlashAttribute("created", true);
        redirect.addFlashAttribute("warnings", outcome.warnings());
        return "redirect:/signup/confirm";
    }

    @GetMapping("/signup/confirm")
    String confirmForm(@RequestParam(name = "code", required = false) String code, HttpSession session,
            Model model) {
        return confirmPage(model, code, session);
    }

    @PostMapping("/signup/confirm")
    String confirm(@RequestParam(name = "code", required = false) String code, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        HttpSession session = request.getSession();
        String email = (String) session.getAttribute(SESSION_EMAIL);
        AccountConfirmation.Outcome outcome = confirmation.confirm(code, email, request.getRemoteAddr());
        if (outcome == AccountConfirmation.Outcome.CONFIRMED) {
            session.removeAttribute(SESSION_EMAIL);
            if (email != null) {
                redirect.addFlashAttribute("email", email);
            }
            return "redirect:/login?confirmed";
        }
        model.addAttribute("outcome", outcome.name());
        return confirmPage(model, code, session);
    }

    @PostMapping("/signup/resend")
    String resend(@RequestParam(name = "email", required = false) String email, HttpServletRequest request,
            RedirectAttributes redirect) {
        boolean accepted = confirmation.resend(email, request.getRemoteAddr());
        if (accepted && email != null && !email.isBlank() && email.length() <= 254) {
            request.getSession().setAttribute(SESSION_EMAIL, email.strip());
        }
        redirect.addFlashAttribute(accepted ? "resent" : "resendTooMany", true);
        return "redirect:/signup/confirm";
    }

    private String confirmPage(Model model, String code, HttpSession session) {
        model.addAttribute("step", 2);
        model.addAttribute("code", code);
        model.addAttribute("email", session.getAttribute(SESSION_EMAIL));
        model.addAttribute("codeValidHours", Math.max(1, properties.confirmationTtl().toHours()));
        return "signup/confirm";
    }

    @GetMapping(COMPANY)
    String company(Model model) {
        return companyPage(model, companyData.view(userId()), null, null);
    }

    @PostMapping(COMPANY)
    String saveCompany(@RequestParam(name = "businessName", required = false) String businessName,
            @RequestParam(name = "taxRegime", required = false) String taxRegime,
            @RequestParam(name = "postalCode", required = false) String postalCode, Model model,
            RedirectAttributes redirect) {
        List<FieldProblem> problems = companyData.save(userId(), businessName, taxRegime, postalCode);
        if (!problems.isEmpty()) {
            model.addAttribute("businessName", businessName);
            model.addAttribute("taxRegime", taxRegime);
            model.addAttribute("postalCode", postalCode);
            return companyPage(model, companyData.view(userId()), problems, null);
        }
        redirect.addFlashAttribute("saved", "company");
        return "redirect:" + COMPANY;
    }

    @PostMapping("/signup/series")
    String addSeries(@RequestParam(name = "serie", required = false) String serie,
            @RequestParam(name = "nextFolio", required = false) String nextFolio,
            @RequestParam(name = "cfdiType", required = false) String cfdiType, Model model,
            RedirectAttributes redirect) {
        List<FieldProblem> problems = companyData.addSeries(userId(), serie, nextFolio, cfdiType);
        if (!problems.isEmpty()) {
            model.addAttribute("newSerie", serie);
            model.addAttribute("newNextFolio", nextFolio);
            model.addAttribute("newCfdiType", cfdiType);
            return companyPage(model, companyData.view(userId()), null, problems);
        }
        redirect.addFlashAttribute("seriesAdded", serie);
        return "redirect:" + COMPANY + "#series";
    }

    @PostMapping("/signup/series/{seriesId}")
    String changeSeries(@PathVariable("seriesId") long seriesId,
            @RequestParam(name = "nextFolio", required = false) String nextFolio,
            @RequestParam(name = "cfdiType", required = false) String cfdiType, Model model,
            RedirectAttributes redirect) {
        List<FieldProblem> problems = companyData.changeSeries(userId(), seriesId, nextFolio, cfdiType);
        if (!problems.isEmpty()) {
            model.addAttribute("changedSeriesId", seriesId);
            return companyPage(model, companyData.view(userId()), null, problems);
        }
        redirect.addFlashAttribute("seriesChanged", companyData.serieOf(userId(), seriesId));
        return "redirect:" + COMPANY + "#series";
    }

    @PostMapping("/signup/series/{seriesId}/active")
    String activeSeries(@PathVariable("seriesId") long seriesId,
            @RequestParam(name = "active", defaultValue = "false") boolean active, RedirectAttributes redirect) {
        redirect.addFlashAttribute("seriesChanged", companyData.setActive(userId(), seriesId, active));
        return "redirect:" + COMPANY + "#series";
    }

    /** The optional CSD: checked, its key kept encrypted; a bad one is explained and nothing changes. */
    @PostMapping("/signup/csd")
    String saveCsd(@RequestParam(name = "cer", required = false) org.springframework.web.multipart.MultipartFile cer,
            @RequestParam(name = "key", required = false) org.springframework.web.multipart.MultipartFile key,
            @RequestParam(name = "password", required = false) String password, RedirectAttributes redirect)
            throws java.io.IOException {
        if (cer == null || cer.isEmpty() || key == null || key.isEmpty()) {
            redirect.addFlashAttribute("csdProblem", "signup.csd.missing");
            return "redirect:" + COMPANY + "#csd";
        }
        Csds.Outcome outcome = csds.save(userId(), cer.getBytes(), key.getBytes(), password);
        if (!outcome.problems().isEmpty()) {
            redirect.addFlashAttribute("csdProblem", outcome.problems().get(0));
            redirect.addFlashAttribute("csdProblemArguments", outcome.arguments());
        } else {
            redirect.addFlashAttribute("csdSaved", true);
        }
        return "redirect:" + COMPANY + "#csd";
    }

    @PostMapping(COMPANY + "/finish")
    String finish(RedirectAttributes redirect) {
        if (!companyData.finish(userId())) {
            redirect.addFlashAttribute("incomplete", true);
            return "redirect:" + COMPANY;
        }
        return "redirect:" + PAYMENT;
    }

    private String companyPage(Model model, CompanyData.View view, List<FieldProblem> companyProblems,
            List<FieldProblem> seriesProblems) {
        SignupAccount account = view.account();
        model.addAttribute("step", 3);
        model.addAttribute("account", account);
        model.addAttribute("series", view.series());
        model.addAttribute("complete", view.complete());
        model.addAttribute("regimes", RegimenFiscal.forRfc(account.getRfc()));
        model.addAttribute("cfdiTypes", List.of("I", "E", "P", "T", "N"));
        model.addAttribute("rfcLength", account.getRfc().length());
        model.addAttribute("csd", csds.of(account.getId()).orElse(null));
        model.addAttribute("csdOffered", csds.offered());
        if (!model.containsAttribute("businessName")) {
            model.addAttribute("businessName", account.getBusinessName());
            model.addAttribute("taxRegime", account.getTaxRegime());
            model.addAttribute("postalCode", account.getPostalCode());
        }
        if (companyProblems != null) {
            model.addAttribute("problems", FieldProblem.byField(companyProblems));
        }
        if (seriesProblems != null) {
            model.addAttribute("seriesProblems", FieldProblem.byField(seriesProblems));
        }
        return "signup/company";
    }

    private static long userId() {
        return CurrentUser.supplier().orElseThrow(NotFound::new).userId();
    }
}
