package mx.supplierportal.record;

import java.util.Locale;
import mx.supplierportal.document.DocumentResponses;
import mx.supplierportal.security.StaffPrincipal;
import mx.supplierportal.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The reviewers' page of a record: documents, a decision per field and per account, and the overall decision. */
@Controller
class RecordReviewController {

    private final RecordReviews reviews;
    private final MessageSource messages;

    RecordReviewController(RecordReviews reviews, MessageSource messages) {
        this.reviews = reviews;
        this.messages = messages;
    }

    @GetMapping("/staff/records/{recordId}")
    String show(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long recordId, Model model) {
        model.addAttribute("view", reviews.view(staff, recordId)
                .orElseThrow(NotFound::new));
        return "record/review";
    }

    @PostMapping("/staff/records/{recordId}/entries/{entryId}")
    String decideEntry(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long recordId,
            @PathVariable long entryId, @RequestParam String decision, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String validUntil, RedirectAttributes redirect, Locale locale) {
        return act(recordId, redirect, locale, () -> reviews.decideEntry(staff, recordId, entryId,
                "accept".equals(decision), reason, validUntil));
    }

    @PostMapping("/staff/records/{recordId}/accounts/{accountId}")
    String decideAccount(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long recordId,
            @PathVariable long accountId, @RequestParam String decision,
            @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        return act(recordId, redirect, locale, () -> reviews.decideAccount(staff, recordId, accountId,
                "accept".equals(decision), reason));
    }

    @PostMapping("/staff/records/{recordId}/tabs/{tabKey}/accept-pending")
    String acceptPending(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long recordId,
            @PathVariable String tabKey, RedirectAttributes redirect, Locale locale) {
        return act(recordId, redirect, locale, () -> {
            RecordReviews.AcceptedAll done = reviews.acceptPendingInTab(staff, recordId, tabKey, locale);
            String message = messages.getMessage("review.acceptedAll", new Object[] {done.accepted()}, locale);
            if (!done.needValidityDate().isEmpty()) {
                message += " " + messages.getMessage("review.acceptedAll.needDate",
                        new Object[] {String.join(", ", done.needValidityDate())}, locale);
            }
            redirect.addFlashAttribute("acceptedAll", message);
        });
    }

    @PostMapping("/staff/records/{recordId}/finish")
    String finish(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long recordId,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String comment,
            RedirectAttributes redirect, Locale locale) {
        String back = act(recordId, redirect, locale, () -> reviews.finish(staff, recordId, decision, comment,
                locale));
        if (!redirect.getFlashAttributes().containsKey("problem")) {
            redirect.addFlashAttribute("finished", true);
        }
        return back;
    }

    @GetMapping("/staff/records/{recordId}/documents/{documentId}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long recordId,
            @PathVariable long documentId) {
        return reviews.download(staff, recordId, documentId).map(DocumentResponses::of)
                .orElseThrow(NotFound::new);
    }

    private String act(long recordId, RedirectAttributes redirect, Locale locale, Runnable action) {
        try {
            action.run();
        } catch (RecordProblem e) {
            if ("record.notFound".equals(e.messageKey())) {
                throw new NotFound();
            }
            redirect.addFlashAttribute("problem", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return "redirect:/staff/records/" + recordId;
    }
}
