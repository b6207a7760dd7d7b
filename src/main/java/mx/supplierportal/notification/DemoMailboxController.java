package mx.supplierportal.notification;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.supplierportal.web.NotFound;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /dev/mailbox}: the emails caught by the demo SMTP capture, newest first, with clickable links. */
@Controller
@ConditionalOnProperty(name = "portal.demo.enabled", havingValue = "true")
class DemoMailboxController {

    private static final Pattern URL = Pattern.compile("https?://\\S+");

    /** A line of text cut into plain pieces and links, so that the page can show links without raw HTML. */
    record Piece(String text, boolean link) {
    }

    record Summary(int index, String to, String subject, Date sent) {
    }

    private final GreenMail greenMail;

    DemoMailboxController(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    @GetMapping("/dev/mailbox")
    String list(Model model) throws MessagingException {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        List<Summary> summaries = new ArrayList<>();
        for (int i = messages.length - 1; i >= 0; i--) {
            summaries.add(new Summary(i, recipients(messages[i]), messages[i].getSubject(), messages[i].getSentDate()));
        }
        model.addAttribute("messages", summaries);
        return "dev/mailbox";
    }

    @GetMapping("/dev/mailbox/{index}")
    String show(@PathVariable int index, Model model) throws MessagingException, IOException {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        if (index < 0 || index >= messages.length) {
            throw new NotFound();
        }
        MimeMessage message = messages[index];
        List<List<Piece>> lines = new ArrayList<>();
        for (String line : MailText.plainText(message).split("\\R", -1)) {
            lines.add(pieces(line));
        }
        model.addAttribute("message", new Summary(index, recipients(message), message.getSubject(),
                message.getSentDate()));
        model.addAttribute("lines", lines);
        return "dev/mail";
    }

    /**
     * The HTML part as the mail client renders it, in a sandbox: no scripts, no requests beyond the email itself
     * (inline styles are what the portal's emails use), so a message cannot act on the portal.
     */
    @GetMapping(value = "/dev/mailbox/{index}/html", produces = "text/html;charset=UTF-8")
    org.springframework.http.ResponseEntity<String> html(@PathVariable int index)
            throws MessagingException, IOException {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        if (index < 0 || index >= messages.length) {
            throw new NotFound();
        }
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Security-Policy", "sandbox allow-popups allow-popups-to-escape-sandbox; "
                        + "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
                .body(MailText.html(messages[index]));
    }

    static List<Piece> pieces(String line) {
        List<Piece> pieces = new ArrayList<>();
        Matcher matcher = URL.matcher(line);
        int last = 0;
        while (matcher.find()) {
            if (matcher.start() > last) {
                pieces.add(new Piece(line.substring(last, matcher.start()), false));
            }
            pieces.add(new Piece(matcher.group(), true));
            last = matcher.end();
        }
        if (last < line.length()) {
            pieces.add(new Piece(line.substring(last), false));
        }
        return pieces;
    }

    private static String recipients(MimeMessage message) throws MessagingException {
        return String.join(", ", Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                .map(Object::toString).toList());
    }
}
