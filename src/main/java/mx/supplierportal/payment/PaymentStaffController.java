package mx.supplierportal.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mx.supplierportal.security.StaffPrincipal;
import mx.supplierportal.web.NotFound;
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
 * Treasury's pages: the client's payments, register a payment covering one or more invoices of one supplier (a
 * portal page, since one payment spans several invoices and their processes), see a payment, and change an
 * invoice's payment date.
 */
@Controller
class PaymentStaffController {

    private static final String AMOUNT_PREFIX = "amount_";

    private final Payments payments;
    private final PaymentArchive archive;
    private final MessageSource messages;
    private final java.time.Clock clock;

    PaymentStaffController(Payments payments, PaymentArchive archive, MessageSource messages, java.time.Clock clock) {
        this.payments = payments;
        this.archive = archive;
        this.messages = messages;
        this.clock = clock;
    }

    /** Treasury's payments, newest first; {@code complement} keeps only one complement status (say, OVERDUE). */
    @GetMapping("/staff/payments")
    String list(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam(required = false) String complement,
            @RequestParam(required = false) String after, Model model) {
        Payment.ComplementStatus only = java.util.Arrays.stream(Payment.ComplementStatus.values())
                .filter(s -> s.name().equals(complement)).findFirst().orElse(null);
        model.addAttribute("page", archive.forTreasury(staff, only, after));
        model.addAttribute("complement", only == null ? "" : only.name());
        model.addAttribute("statuses", Payment.ComplementStatus.values());
        return "payment/staff-list";
    }

    @GetMapping("/staff/payments/new")
    String form(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam(required = false) Long registrationId,
            Model model) {
        if (registrationId == null) {
            model.addAttribute("suppliers", payments.suppliersFor(staff));
            return "payment/register";
        }
        prepare(staff, registrationId, model);
        model.addAttribute("form", Map.of());
        return "payment/register";
    }

    private void prepare(StaffPrincipal staff, long registrationId, Model model) {
        model.addAttribute("registration", payments.registrationFor(staff, registrationId));
        model.addAttribute("invoices", payments.payable(staff, registrationId));
        model.addAttribute("methods", Payments.METHODS);
        model.addAttribute("currencies", List.of("MXN", "USD", "EUR"));
        model.addAttribute("today", LocalDate.now(clock));
    }

    @PostMapping("/staff/payments")
    String register(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect, Locale locale) {
        long registrationId;
        try {
            registrationId = Long.parseLong(form.getOrDefault("registrationId", ""));
        } catch (NumberFormatException e) {
            throw new NotFound();
        }
        Map<Long, BigDecimal> amounts = new LinkedHashMap<>();
        List<String> problems = new java.util.ArrayList<>();
        for (var field : form.entrySet()) {
            if (field.getKey().startsWith(AMOUNT_PREFIX) && !field.getValue().isBlank()) {
                try {
                    amounts.put(Long.parseLong(field.getKey().substring(AMOUNT_PREFIX.length())),
                            amount(field.getValue().strip().replace(",", "")));
                } catch (NumberFormatException e) {
                    problems.add(messages.getMessage("payment.amount.notNumber", new Object[] {shown(field.getValue())},
                            locale));
                }
            }
        }
        BigDecimal amount = null;
        String amountText = form.getOrDefault("amount", "").strip().replace(",", "");
        if (!amountText.isEmpty()) {
            try {
                amount = amount(amountText);
            } catch (NumberFormatException e) {
                problems.add(messages.getMessage("payment.amount.notNumber", new Object[] {shown(amountText)}, locale));
            }
        }
        LocalDate paidOn = null;
        try {
            paidOn = form.getOrDefault("paidOn", "").isBlank() ? null : LocalDate.parse(form.get("paidOn"));
        } catch (DateTimeParseException e) {
            problems.add(messages.getMessage("payment.date.required", null, locale));
        }
        if (problems.isEmpty()) {
            try {
                Payment payment = payments.register(staff, new Payments.Request(registrationId, form.get("number"),
                        paidOn, form.get("method"), form.get("currency"), amount, form.get("bankReference"), amounts));
                redirect.addFlashAttribute("registered", true);
                return "redirect:/staff/payments/" + payment.getId();
            } catch (PaymentProblem e) {
                problems.addAll(PaymentController.describe(messages, e, locale));
            }
        }
        prepare(staff, registrationId, model);
        model.addAttribute("form", form); // what treasury typed stays in the fields
        model.addAttribute("problems", problems);
        return "payment/register";
    }

    @GetMapping("/staff/payments/{paymentId}")
    String show(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long paymentId, Model model) {
        model.addAttribute("d", archive.forStaff(staff, paymentId));
        model.addAttribute("staffView", true);
        return "payment/detail";
    }

    @PostMapping("/staff/payments/invoices/{invoiceId}/reschedule")
    String reschedule(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long invoiceId,
            @RequestParam(required = false) String paymentDate, RedirectAttributes redirect, Locale locale) {
        try {
            LocalDate date = paymentDate == null || paymentDate.isBlank() ? null : LocalDate.parse(paymentDate);
            payments.reschedule(staff, invoiceId, date);
            redirect.addFlashAttribute("rescheduled", true);
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("problems", List.of(messages.getMessage("payment.date.required", null, locale)));
        } catch (PaymentProblem e) {
            redirect.addFlashAttribute("problems", PaymentController.describe(messages, e, locale));
        }
        return "redirect:/staff/invoices/" + invoiceId;
    }

    /** What was typed, as the message repeats it: at most 30 characters. */
    private static String shown(String typed) {
        return typed.length() > 30 ? typed.substring(0, 30) + "…" : typed;
    }

    /**
     * An amount as treasury types it: digits with up to six decimals (commas already removed), optionally negative
     * (refused later with its own message). Anything else — exponents such as {@code 1e1000000}, which would cost
     * seconds of arithmetic — is not a number.
     */
    static BigDecimal amount(String text) {
        boolean negative = text.startsWith("-");
        BigDecimal value = mx.supplierportal.cfdi.Amounts.parse(negative ? text.substring(1) : text);
        if (value == null) {
            throw new NumberFormatException(text);
        }
        return negative ? value.negate() : value;
    }
}
