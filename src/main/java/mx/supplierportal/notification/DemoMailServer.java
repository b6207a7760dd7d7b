package mx.supplierportal.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Embedded default only ({@code portal.demo.enabled}): an SMTP server on 127.0.0.1 that keeps every email in
 * memory, so that a person trying the portal can open the activation link on {@code /dev/mailbox}.
 */
@Configuration
@ConditionalOnProperty(name = "portal.demo.enabled", havingValue = "true")
class DemoMailServer {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail demoSmtpCapture(@Value("${portal.demo.smtp-port}") int port) {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }
}
