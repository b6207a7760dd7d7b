package mx.supplierportal.api;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import mx.supplierportal.security.SupplierPrincipal;
import mx.supplierportal.web.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * <em>Mi perfil › Acceso para tu ERP</em>: a supplier user's personal access tokens. A new token's secret is shown in
 * the answer to the form itself (not through a redirect's flash attributes, which would keep it in the session store)
 * and never again. Staff have no such page: {@code /profile/**} is for supplier users only.
 */
@Controller
class TokenController {

    static final List<Integer> DAY_CHOICES = List.of(30, 90, 180, 365);

    private final ApiTokens tokens;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;

    TokenController(ApiTokens tokens, MessageSource messages, Clock clock, @Value("${portal.base-url}") String baseUrl) {
        this.tokens = tokens;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @GetMapping("/profile/tokens")
    String page(@AuthenticationPrincipal SupplierPrincipal supplier, Model model) {
        return show(supplier, model, "", EnumSet.allOf(ApiScope.class), ApiTokens.DEFAULT_DAYS);
    }

    @PostMapping("/profile/tokens")
    String create(@AuthenticationPrincipal SupplierPrincipal supplier, @RequestParam(required = false) String name,
            @RequestParam(name = "scope", required = false) List<String> scopes,
            @RequestParam(required = false) Integer days, Model model, Locale locale, HttpServletResponse response) {
        Set<ApiScope> chosen = EnumSet.noneOf(ApiScope.class);
        if (scopes != null) {
            scopes.forEach(s -> ApiScope.parse(s).ifPresent(chosen::add));
        }
        try {
            ApiTokens.Created created = tokens.create(supplier.userId(), name, chosen, days);
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("created", created.token());
            model.addAttribute("secret", created.secret());
            return show(supplier, model, "", EnumSet.allOf(ApiScope.class), ApiTokens.DEFAULT_DAYS);
        } catch (ApiTokens.Refused e) {
            model.addAttribute("problem", messages.getMessage(e.messageKey(), e.arguments(), locale));
            return show(supplier, model, name == null ? "" : name, chosen,
                    days == null ? ApiTokens.DEFAULT_DAYS : days);
        }
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long id,
            RedirectAttributes redirect) {
        if (!tokens.revoke(supplier.userId(), id)) {
            throw new NotFound();
        }
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/profile/tokens";
    }

    private String show(SupplierPrincipal supplier, Model model, String name, Set<ApiScope> scopes, int days) {
        model.addAttribute("tokens", tokens.of(supplier.userId()));
        model.addAttribute("now", OffsetDateTime.now(clock));
        model.addAttribute("allScopes", ApiScope.values());
        model.addAttribute("name", name);
        model.addAttribute("scopes", scopes);
        model.addAttribute("days", days);
        model.addAttribute("dayChoices", DAY_CHOICES);
        model.addAttribute("apiUrl", baseUrl + "/api/v1");
        model.addAttribute("docsUrl", baseUrl + "/api/docs");
        return "api/tokens";
    }
}
