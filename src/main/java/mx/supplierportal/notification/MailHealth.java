package mx.supplierportal.notification;

import jakarta.mail.MessagingException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * SMTP as its own health component that never takes the portal DOWN: while the mail server is away, every email
 * waits as a retried job (and then an incident in Cockpit), and the portal keeps working. It reports
 * {@value #DEGRADED} instead, which ranks below UP in the overall status (application.yml).
 */
@Component("mailHealthIndicator")
class MailHealth implements HealthIndicator {

    static final String DEGRADED = "DEGRADED";

    private final JavaMailSenderImpl mailSender;

    MailHealth(JavaMailSenderImpl mailSender) {
        this.mailSender = mailSender;
    }

    @Override
    public Health health() {
        try {
            mailSender.testConnection();
            return Health.up().withDetail("location", mailSender.getHost() + ":" + mailSender.getPort()).build();
        } catch (MessagingException e) {
            return Health.status(new Status(DEGRADED, "SMTP cannot be reached; emails wait as retried jobs"))
                    .withDetail("location", mailSender.getHost() + ":" + mailSender.getPort()).build();
        }
    }
}
