package mx.supplierportal.supplier;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code portal.*}: where links point and how long they stay valid. */
@ConfigurationProperties("portal")
record OnboardingProperties(URI baseUrl, Link activation, Link passwordReset) {

    record Link(Duration ttl) {
    }

    String link(String path, String token) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return base + path + "?token=" + token;
    }
}
