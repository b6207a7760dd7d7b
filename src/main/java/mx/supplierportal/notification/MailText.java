package mx.supplierportal.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;

/** Reads the plain-text alternative of an email (the mailbox page shows it; tests read links from it). */
public final class MailText {

    private MailText() {
    }

    public static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = plainText(body);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }
}
