package mx.supplierportal.cfdi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SW sapien's REST stamping (docs/decisions.md, "Stamping"): a token from {@code POST /v2/security/authenticate}
 * (JSON user and password; kept until shortly before it expires, asked again after a 401), then
 * {@code POST /v4/cfdi33/stamp/v4} with the sealed CFDI as the multipart part {@code xml} and the request id as the
 * {@code customid} header, so that asking again after a lost answer is recognised. Its answer: {@code status}
 * "success" with {@code data.cfdi} (the stamped XML) and {@code data.uuid}; or "error" with a {@code message} that
 * starts with SW's or SAT's code ("307. El comprobante contiene un timbre previo.").
 * <ul>
 * <li>307 (already stamped) with the earlier stamp in {@code data} is that stamp: the first answer, recovered.</li>
 * <li>AU2001 (the installation's SW account has no stamps left) and every 5xx, timeout or unreachable host are
 * {@link Stamper.Unavailable}: nothing is wrong with the business's CFDI, the job is retried and then becomes an
 * incident for the operator.</li>
 * <li>Any other error is a definite {@link Stamper.Refused} with SW's code and message.</li>
 * </ul>
 */
public final class SwSapienStamper implements Stamper {

    private static final Pattern CODE = Pattern.compile("^\\s*([A-Za-z]*\\d+[A-Za-z0-9]*)\\b");
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String user;
    private final String password;
    private final Duration timeout;
    private final HttpClient http;
    private final Clock clock;
    private String token;
    private Instant tokenUntil = Instant.MIN;

    public SwSapienStamper(URI base, String user, String password, Duration timeout, Clock clock) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.user = user;
        this.password = password;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Stamped stamp(byte[] sealedCfdi, String requestId) throws Refused, Unavailable {
        HttpResponse<byte[]> response = send(sealedCfdi, requestId, token());
        if (response.statusCode() == 401) {
            synchronized (this) {
                tokenUntil = Instant.MIN; // expired early or revoked: once more with a new one
            }
            response = send(sealedCfdi, requestId, token());
        }
        if (response.statusCode() >= 500) {
            throw new Unavailable("SW sapien answered HTTP " + response.statusCode(), null);
        }
        JsonNode answer = parse(response);
        JsonNode data = answer.path("data");
        if ("success".equals(answer.path("status").asText())) {
            return stamped(data);
        }
        String message = answer.path("message").asText("") + (answer.hasNonNull("messageDetail")
                ? " " + answer.path("messageDetail").asText() : "");
        String code = codeOf(message);
        if ("307".equals(code) && data.hasNonNull("cfdi")) {
            return stamped(data); // stamped before with this request: SW hands back that stamp
        }
        if ("AU2001".equalsIgnoreCase(code) || response.statusCode() == 401 || response.statusCode() == 403) {
            throw new Unavailable("SW sapien cannot stamp for this installation: " + message.strip(), null);
        }
        throw new Refused(code, message.strip());
    }

    private Stamped stamped(JsonNode data) throws Unavailable {
        String xml = data.path("cfdi").asText(null);
        if (xml == null || xml.isBlank()) {
            throw new Unavailable("SW sapien's answer has no stamped CFDI", null);
        }
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        try {
            Cfdi.Timbre timbre = new CfdiReader().read(bytes).timbre().orElseThrow(() -> new CfdiReadException(
                    Finding.error("TFD-MISSING")));
            return new Stamped(bytes, timbre.uuid().toUpperCase(java.util.Locale.ROOT), timbre.fechaTimbrado());
        } catch (CfdiReadException e) {
            throw new Unavailable("SW sapien's stamped CFDI cannot be read: " + e.getMessage(), e);
        }
    }

    private HttpResponse<byte[]> send(byte[] xml, String requestId, String bearer) throws Unavailable {
        String boundary = "----portal" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"xml\"; filename=\"cfdi.xml\"\r\n"
                + "Content-Type: text/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(xml);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("v4/cfdi33/stamp/v4")).timeout(timeout)
                .header("Authorization", "bearer " + bearer)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (requestId != null) {
            request.header("customid", requestId);
        }
        return call(request.build());
    }

    private synchronized String token() throws Unavailable {
        if (token != null && clock.instant().isBefore(tokenUntil)) {
            return token;
        }
        String credentials;
        try {
            credentials = JSON.writeValueAsString(java.util.Map.of("user", user, "password", password));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<byte[]> response = call(HttpRequest.newBuilder(base.resolve("v2/security/authenticate"))
                .timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials)).build());
        JsonNode answer = parse(response);
        String issued = answer.path("data").path("token").asText(null);
        if (response.statusCode() != 200 || issued == null) {
            // wrong credentials are the operator's to fix: the stamp waits as an incident, the CFDI is not refused
            throw new Unavailable("SW sapien refused the portal's credentials: HTTP " + response.statusCode() + " "
                    + answer.path("message").asText(""), null);
        }
        long expiresIn = answer.path("data").path("expires_in").asLong(0);
        Instant until = expiresIn > 1_000_000_000L ? Instant.ofEpochSecond(expiresIn)
                : clock.instant().plusSeconds(expiresIn > 0 ? expiresIn : 7200);
        token = issued;
        tokenUntil = until.minus(TOKEN_MARGIN);
        return token;
    }

    private HttpResponse<byte[]> call(HttpRequest request) throws Unavailable {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unavailable("SW sapien could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting for SW sapien", e);
        }
    }

    private static JsonNode parse(HttpResponse<byte[]> response) throws Unavailable {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new Unavailable("SW sapien answered HTTP " + response.statusCode() + " without JSON", e);
        }
    }

    /** SW's or SAT's code at the start of a message: "307. El comprobante…" → 307, "AU2001 …" → AU2001. */
    static String codeOf(String message) {
        Matcher matcher = CODE.matcher(message == null ? "" : message);
        return matcher.find() ? matcher.group(1) : "SW";
    }
}
