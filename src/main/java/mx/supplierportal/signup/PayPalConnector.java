package mx.supplierportal.signup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * PayPal's REST API as the portal uses it (Orders v2 with intent CAPTURE, and webhook signature verification):
 * an OAuth client-credentials token, "create order" (the person approves it on PayPal), "capture order" and
 * {@code /v1/notifications/verify-webhook-signature}. Every write carries {@code PayPal-Request-Id}, so a retried
 * call returns what the first one did instead of doing it twice. The base URL points at PayPal's sandbox
 * ({@code https://api-m.sandbox.paypal.com}), its live API, or the demo's own sandbox.
 */
class PayPalConnector {

    record Settings(URI baseUrl, String clientId, String clientSecret, String webhookId, Duration timeout) {
    }

    record CreatedOrder(String id, URI approveUrl) {
    }

    enum CaptureStatus { COMPLETED, PENDING, DECLINED, FAILED }

    record Capture(CaptureStatus status, String captureId) {
    }

    /** PayPal could not be reached or answered with a server error: try again later. */
    static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    PayPalConnector(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    CreatedOrder createOrder(String requestId, BigDecimal amount, String currency, String description,
            String customId, URI returnUrl, URI cancelUrl) {
        ObjectNode body = json.createObjectNode();
        body.put("intent", "CAPTURE");
        ObjectNode unit = body.putArray("purchase_units").addObject();
        unit.put("reference_id", customId);
        unit.put("custom_id", customId);
        unit.put("description", description);
        unit.putObject("amount").put("currency_code", currency).put("value", amount.setScale(2).toPlainString());
        ObjectNode context = body.putObject("payment_source").putObject("paypal").putObject("experience_context");
        context.put("return_url", returnUrl.toString());
        context.put("cancel_url", cancelUrl.toString());
        context.put("user_action", "PAY_NOW");
        context.put("shipping_preference", "NO_SHIPPING");
        JsonNode answer = send("/v2/checkout/orders", requestId, body, 200, 201);
        String approve = null;
        for (JsonNode link : answer.path("links")) {
            String rel = link.path("rel").asText();
            if (rel.equals("payer-action") || rel.equals("approve")) {
                approve = link.path("href").asText();
            }
        }
        if (approve == null) {
            throw new IllegalStateException("PayPal created order " + answer.path("id").asText()
                    + " without an approval link");
        }
        return new CreatedOrder(answer.path("id").asText(), URI.create(approve));
    }

    /** Captures an approved order. A declined instrument is DECLINED; an order captured before is read back. */
    Capture capture(String orderId, String requestId) {
        HttpResponse<String> response = post("/v2/checkout/orders/" + orderId + "/capture", requestId, "{}");
        if (response.statusCode() == 200 || response.statusCode() == 201) {
            return captureIn(read(response));
        }
        if (response.statusCode() == 422) {
            String issue = read(response).path("details").path(0).path("issue").asText();
            if (issue.equals("ORDER_ALREADY_CAPTURED")) {
                return captureIn(get("/v2/checkout/orders/" + orderId));
            }
            if (issue.equals("INSTRUMENT_DECLINED") || issue.equals("PAYER_ACTION_REQUIRED")
                    || issue.equals("ORDER_NOT_APPROVED")) {
                return new Capture(CaptureStatus.DECLINED, null);
            }
        }
        throw failure("capture order " + orderId, response);
    }

    /** Asks PayPal whether a webhook notification with these headers and body is really its own. */
    boolean isGenuineWebhook(Map<String, String> headers, String body) {
        ObjectNode request = json.createObjectNode();
        request.put("auth_algo", headers.getOrDefault("paypal-auth-algo", ""));
        request.put("cert_url", headers.getOrDefault("paypal-cert-url", ""));
        request.put("transmission_id", headers.getOrDefault("paypal-transmission-id", ""));
        request.put("transmission_sig", headers.getOrDefault("paypal-transmission-sig", ""));
        request.put("transmission_time", headers.getOrDefault("paypal-transmission-time", ""));
        request.put("webhook_id", settings.webhookId());
        try {
            request.set("webhook_event", json.readTree(body));
        } catch (IOException e) {
            return false;
        }
        JsonNode answer = send("/v1/notifications/verify-webhook-signature", null, request, 200);
        return "SUCCESS".equals(answer.path("verification_status").asText());
    }

    private static Capture captureIn(JsonNode order) {
        JsonNode capture = order.path("purchase_units").path(0).path("payments").path("captures").path(0);
        CaptureStatus status = switch (capture.path("status").asText()) {
            case "COMPLETED" -> CaptureStatus.COMPLETED;
            case "PENDING" -> CaptureStatus.PENDING;
            case "DECLINED" -> CaptureStatus.DECLINED;
            default -> CaptureStatus.FAILED;
        };
        return new Capture(status, capture.path("id").asText(null));
    }

    private JsonNode send(String path, String requestId, JsonNode body, int... ok) {
        HttpResponse<String> response = post(path, requestId, body.toString());
        for (int status : ok) {
            if (response.statusCode() == status) {
                return read(response);
            }
        }
        throw failure(path, response);
    }

    private HttpResponse<String> post(String path, String requestId, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (requestId != null) {
            request.header("PayPal-Request-Id", requestId);
        }
        return exchange(request.build());
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(uri(path))
                .timeout(settings.timeout()).header("Authorization", "Bearer " + token()).GET().build());
        if (response.statusCode() != 200) {
            throw failure(path, response);
        }
        return read(response);
    }

    /** The base URL may have a path of its own (a sandbox under /dev/paypal/): API paths go below it. */
    private URI uri(String path) {
        return settings.baseUrl().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    private synchronized String token() {
        if (token != null && clock.instant().isBefore(tokenExpires)) {
            return token;
        }
        String basic = Base64.getEncoder().encodeToString((settings.clientId() + ":" + settings.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(uri("/v1/oauth2/token"))
                .timeout(settings.timeout())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        if (response.statusCode() != 200) {
            throw failure("token", response);
        }
        JsonNode answer = read(response);
        token = answer.path("access_token").asText();
        tokenExpires = clock.instant().plusSeconds(Math.max(0, answer.path("expires_in").asLong(0) - 60));
        return token;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unavailable("PayPal did not answer " + request.uri().getPath() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while calling PayPal", e);
        }
    }

    private JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new Unavailable("PayPal answered something that is not JSON (" + response.statusCode() + ")", e);
        }
    }

    private static RuntimeException failure(String what, HttpResponse<String> response) {
        String message = "PayPal refused " + what + ": HTTP " + response.statusCode() + " " + response.body();
        return response.statusCode() >= 500 || response.statusCode() == 429 || response.statusCode() == 401
                ? new Unavailable(message, null) : new IllegalStateException(message);
    }
}
