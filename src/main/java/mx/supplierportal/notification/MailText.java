package mx.supplierportal.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;

/** Reads an email's plain-text and HTML alternatives (the mailbox page shows them; tests read links from them). */
public final class MailText {

    private MailText() {
    }

    public static String plainText(Part part) throws MessagingException, IOException {
        return first(part, "text/plain");
    }

    /** The HTML alternative, as a mail client shows it; empty when the email has none. */
    public static String html(Part part) throws MessagingException, IOException {
        return first(part, "text/html");
    }

    private static String first(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = first(body, type);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }
}
