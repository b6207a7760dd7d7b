package mx.supplierportal.signup;

import java.io.IOException;
import java.net.URI;
import mx.supplierportal.security.CurrentUser;
import mx.supplierportal.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Step 4, "Selecciona tu forma de pago", PayPal's way back, the deposit's proof, and the account page (balance and
 * purchases). For the signed-in self-registered account only.
 */
@Controller
class PurchaseController {

    private final SignupProperties properties;
    private final Purchases purchases;
    private final PayPal payPal;
    private final SalesProperties sales;

    PurchaseController(SignupProperties properties, Purchases purchases, PayPal payPal, SalesProperties sales) {
        this.properties = properties;
        this.purchases = purchases;
        this.payPal = payPal;
        this.sales = sales;
    }

    @ModelAttribute
    void enabled() {
        if (!properties.enabled()) {
            throw new NotFound();
        }
    }

    @GetMapping(SignupController.PAYMENT)
    String payment(Model model) {
        Purchases.View view = purchases.view(userId());
        if (view.account().getStatus() == SignupAccount.Status.ACTIVE) {
            return "redirect:" + SignupController.ACCOUNT;
        }
        model.addAttribute("step", 4);
        model.addAttribute("view", view);
        model.addAttribute("account", view.account());
        model.addAttribute("inReview", view.inReview());
        model.addAttribute("deposit", view.openDeposit());
        model.addAttribute("lastRefused", view.orders().stream().findFirst()
                .filter(o -> o.getStatus() == StampOrder.Status.REFUSED).orElse(null));
        model.addAttribute("payPalOffered", payPal.offered());
        model.addAttribute("payPalSandbox", payPal.sandbox());
        model.addAttribute("bank", sales.deposit());
        return "signup/payment";
    }

    @PostMapping(SignupController.PAYMENT + "/paypal")
    String payWithPayPal(@RequestParam(name = "stamps", defaultValue = "0") int stamps, RedirectAttributes redirect) {
        URI approve = purchases.payWithPayPal(userId(), stamps,
                org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        // The page links to PayPal (the portal's CSP lets forms post only to the portal itself)
        redirect.addFlashAttribute("approveUrl", approve.toString());
        return "redirect:" + SignupController.PAYMENT;
    }

    @GetMapping(SignupController.PAYMENT + "/paypal/return")
    String backFromPayPal(@RequestParam(name = "token", required = false) String token, RedirectAttributes redirect) {
        purchases.approvedOnPayPal(userId(), token);
        return "redirect:" + SignupController.PAYMENT;
    }

    @GetMapping(SignupController.PAYMENT + "/paypal/cancel")
    String cancelledOnPayPal(RedirectAttributes redirect) {
        redirect.addFlashAttribute("payPalCancelled", true);
        return "redirect:" + SignupController.PAYMENT;
    }

    @PostMapping(SignupController.PAYMENT + "/deposit")
    String payByDeposit(@RequestParam(name = "stamps", defaultValue = "0") int stamps) {
        purchases.payByDeposit(userId(), stamps);
        return "redirect:" + SignupController.PAYMENT + "#deposit";
    }

    @PostMapping(SignupController.PAYMENT + "/deposit/{orderId}/proof")
    String proof(@PathVariable("orderId") long orderId, @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "signup.payment.deposit.proofMissing");
            return "redirect:" + SignupController.PAYMENT + "#deposit";
        }
        purchases.uploadProof(userId(), orderId, file.getOriginalFilename(), file.getBytes());
        redirect.addFlashAttribute("proofReceived", true);
        return "redirect:" + SignupController.PAYMENT;
    }

    @GetMapping(SignupController.ACCOUNT)
    String account(Model model) {
        Purchases.View view = purchases.view(userId());
        if (view.account().getStatus() != SignupAccount.Status.ACTIVE) {
            return "redirect:" + SignupController.PAYMENT;
        }
        model.addAttribute("account", view.account());
        model.addAttribute("orders", view.orders().stream()
                .filter(o -> o.getStatus() != StampOrder.Status.REPLACED).toList());
        model.addAttribute("payPalSandbox", payPal.sandbox());
        return "signup/account";
    }

    /** A purchase that cannot start (unknown package, PayPal down, …): the page says why, nothing was kept. */
    @ExceptionHandler({Purchases.Refused.class, mx.supplierportal.document.DocumentRejectedException.class})
    String refused(mx.supplierportal.web.ExplainedProblem problem, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", problem.messageKey());
        redirect.addFlashAttribute("problemArguments", problem.arguments());
        return "redirect:" + SignupController.PAYMENT;
    }

    private static long userId() {
        return CurrentUser.supplier().orElseThrow(NotFound::new).userId();
    }
}
