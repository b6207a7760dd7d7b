package mx.supplierportal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The portal stays healthy (UP) while SMTP is down: emails wait as retried jobs; mail alone is DEGRADED. */
class MailHealthTest extends IntegrationTest {

    @Autowired
    MailHealth mailHealth;

    @Test
    void smtpDownLeavesThePortalUpAndMailDegraded() throws Exception {
        assertThat(health().statusCode()).isEqualTo(200);
        assertThat(mailHealth.health().getStatus().getCode()).isEqualTo("UP");
        TestMail.stop();
        try {
            HttpResponse<String> health = health();
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(mailHealth.health().getStatus().getCode()).isEqualTo("DEGRADED");
        } finally {
            TestMail.start();
        }
    }

    private HttpResponse<String> health() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
