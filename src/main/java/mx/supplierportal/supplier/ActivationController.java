package mx.supplierportal.supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page the activation email links to. */
@Controller
class ActivationController {

    private final Activation activation;

    ActivationController(Activation activation) {
        this.activation = activation;
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
            @RequestParam(name = "confirmation", required = false) String confirmation, Model model) {
        Activation.Outcome outcome = activation.activate(token, password, confirmation);
        if (outcome.activated()) {
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
}
