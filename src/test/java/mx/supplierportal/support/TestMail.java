package mx.supplierportal.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.supplierportal.notification.MailText;

/** The SMTP server of the integration tests: a real GreenMail server on a free local port. */
public final class TestMail {

    private static final int PORT = freePort();
    private static GreenMail greenMail;

    private TestMail() {
    }

    public static synchronized GreenMail server() {
        if (greenMail == null) {
            start();
        }
        return greenMail;
    }

    public static int port() {
        server();
        return PORT;
    }

    /** SMTP goes down: the next send fails with a connection error. */
    public static synchronized void stop() {
        server().stop();
    }

    public static synchronized void start() {
        greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** The emails received for an address, oldest first. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(server().getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static String text(MimeMessage message) {
        try {
            return MailText.plainText(message);
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files attached to a message, by file name. */
    public static java.util.Map<String, byte[]> attachments(MimeMessage message) {
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        try {
            collect(message.getContent(), files);
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    private static void collect(Object content, java.util.Map<String, byte[]> files)
            throws jakarta.mail.MessagingException, IOException {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    files.put(part.getFileName(), part.getInputStream().readAllBytes());
                } else {
                    collect(part.getContent(), files);
                }
            }
        }
    }

    /** The first link in the plain-text part whose path starts with {@code path}. */
    public static String link(MimeMessage message, String path) {
        Matcher matcher = Pattern.compile("https?://[^/\\s]+" + Pattern.quote(path) + "\\S*").matcher(text(message));
        if (!matcher.find()) {
            throw new AssertionError("no " + path + " link in: " + text(message));
        }
        return matcher.group();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
