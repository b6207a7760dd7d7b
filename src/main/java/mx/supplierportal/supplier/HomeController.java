package mx.supplierportal.supplier;

import mx.supplierportal.security.CurrentUser;
import mx.supplierportal.security.StaffPrincipal;
import mx.supplierportal.security.SupplierPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import mx.supplierportal.web.Languages;
import org.springframework.web.servlet.LocaleResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;

/** The first page after sign-in: the supplier's dashboard, or the staff's start page; and the supplier profile. */
@Controller
class HomeController {

    private final SupplierOverview overview;
    private final SupplierAccounts accounts;
    private final LocaleResolver localeResolver;
    private final List<DashboardItems> dashboardItems;
    private final SupplierDirectory directory;
    private final mx.supplierportal.client.Clients clients;
    private final List<StartPage> startPages;

    HomeController(SupplierOverview overview, SupplierAccounts accounts, LocaleResolver localeResolver,
            List<DashboardItems> dashboardItems, SupplierDirectory directory,
            mx.supplierportal.client.Clients clients, List<StartPage> startPages) {
        this.startPages = startPages;
        this.overview = overview;
        this.accounts = accounts;
        this.localeResolver = localeResolver;
        this.dashboardItems = dashboardItems;
        this.directory = directory;
        this.clients = clients;
    }

    @GetMapping("/")
    String home(Model model, Locale locale) {
        if (CurrentUser.supplier().isPresent()) {
            SupplierPrincipal supplier = CurrentUser.supplier().get();
            java.util.Optional<String> elsewhere = startPages.stream()
                    .flatMap(page -> page.startPageFor(supplier.userId()).stream()).findFirst();
            if (elsewhere.isPresent()) {
                return "redirect:" + elsewhere.get();
            }
            model.addAttribute("user", supplier);
            model.addAttribute("overview", overview.of(supplier.userId()));
            model.addAttribute("items", dashboardItems.stream()
                    .flatMap(items -> items.itemsFor(supplier.userId(), locale).stream()).toList());
            return "dashboard";
        }
        StaffPrincipal staff = CurrentUser.staff().orElseThrow();
        model.addAttribute("staff", staff);
        // A client's own RFC that fails SAT's check digit is told to its admins here, once, not on every invoice
        model.addAttribute("rfcNotices", staff.tenantIds().stream().filter(staff::isAdminOf)
                .flatMap(code -> clients.findByCode(code).stream())
                .filter(c -> mx.supplierportal.cfdi.Rfc.check(c.getRfc()) == mx.supplierportal.cfdi.Rfc.Verdict
                        .CHECK_DIGIT_MISMATCH).map(c -> new String[] {c.getName(), c.getRfc()}).toList());
        return "staff-home";
    }

    @GetMapping("/profile")
    String profile(Model model) {
        SupplierPrincipal supplier = CurrentUser.supplier().orElseThrow();
        model.addAttribute("user", supplier);
        model.addAttribute("language", directory.languageOf(supplier.userId()));
        return "profile";
    }

    @PostMapping("/profile")
    String saveProfile(@RequestParam("language") String language, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        SupplierPrincipal supplier = CurrentUser.supplier().orElseThrow();
        return Languages.parse(language).map(locale -> {
            accounts.changeLanguage(supplier.userId(), locale);
            localeResolver.setLocale(request, response, locale);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/profile";
        }).orElse("redirect:/profile");
    }
}
