package mx.supplierportal.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Map;
import mx.supplierportal.web.Formats;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an email from {@code templates/mail/{name}.html} and {@code .txt} in the recipient's language (texts
 * from {@code messages_*.properties}) and hands it to the SMTP server. A failure to send is thrown, never
 * swallowed: the calling job is then retried by the engine.
 */
@Component
public class MailComposer {

    static {
        // Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader scan of every jar each time a multipart
        // or a header is built (jakartaee/mail-api#699, #861): a quarter of the CPU of sending an email here. Naming
        // the implementation (the documented system property) skips the scan. A value set by the operator wins.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private static final Formats FORMATS = new Formats();

    private final JavaMailSender mailSender;
    private final MessageSource messages;
    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final String from;

    MailComposer(JavaMailSender mailSender, MessageSource messages, @Value("${portal.mail-from}") String from) {
        this.mailSender = mailSender;
        this.messages = messages;
        this.from = from;
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    /** A file sent with an email. */
    public record Attachment(String name, String contentType, byte[] content) {
    }

    public void send(String to, String template, Locale locale, Map<String, Object> model) {
        send(to, template, locale, model, java.util.List.of());
    }

    public void send(String to, String template, Locale locale, Map<String, Object> model,
            java.util.List<Attachment> attachments) {
        Context context = new Context(locale, model);
        context.setVariable("fmt", FORMATS); // dates and amounts as the pages write them
        String subject = messages.getMessage("mail." + template + ".subject", new Object[] {model.get("clientName")},
                locale);
        String text = engine.process(template + ".txt", context);
        String html = engine.process(template + ".html", context);
        MimeMessage message = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, html);
            for (Attachment attachment : attachments) {
                // base 64, so that the file arrives byte for byte (a text type would have its line ends rewritten)
                jakarta.mail.internet.MimeBodyPart part = new jakarta.mail.internet.MimeBodyPart();
                part.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
                        attachment.content(), attachment.contentType())));
                part.setFileName(attachment.name());
                part.setDisposition(jakarta.mail.Part.ATTACHMENT);
                part.setHeader("Content-Transfer-Encoding", "base64");
                helper.getRootMimeMultipart().addBodyPart(part);
            }
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        mailSender.send(message);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        resolver.setCacheable(true);
        return resolver;
    }
}
