package mx.supplierportal.signup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A stand-in for PayPal on {@code /dev/paypal}, for the demo and the tests only ({@code portal.paypal.sandbox}): it
 * speaks the part of PayPal's REST protocol the portal uses — token, create order, the approval page, capture (with
 * {@code PayPal-Request-Id} idempotency), get order, webhook verification — and sends the
 * {@code PAYMENT.CAPTURE.COMPLETED} webhook when a pending payment settles. Its approval page says plainly that it is
 * a sandbox and lets the person choose what PayPal would answer: paid, pending or declined. Nothing is charged.
 */
@Controller
@ConditionalOnProperty(name = "portal.paypal.sandbox", havingValue = "true")
class PayPalSandbox {

    enum Outcome { COMPLETED, PENDING, DECLINED }

    static final class Order {
        final String id;
        final JsonNode request;
        volatile String status = "CREATED";
        volatile Outcome outcome;
        volatile String captureId;
        volatile String captureStatus;

        Order(String id, JsonNode request) {
            this.id = id;
            this.request = request;
        }
    }

    /** A webhook as the sandbox sent it: the headers and body, kept so that verification can say it was ours. */
    record Transmission(Map<String, String> headers, String body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, String> byRequestId = new ConcurrentHashMap<>();
    private final Map<String, String> captureResponses = new ConcurrentHashMap<>();
    private final Map<String, Transmission> transmissions = new ConcurrentHashMap<>();
    private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();
    private final String clientId;
    private final String clientSecret;

    PayPalSandbox(@Value("${portal.paypal.client-id}") String clientId,
            @Value("${portal.paypal.client-secret}") String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @PostMapping(path = "/dev/paypal/v1/oauth2/token", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> token(@RequestHeader(name = "Authorization", required = false) String authorization) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(authorization)) {
            return ResponseEntity.status(401).body("{\"error\":\"invalid_client\"}");
        }
        String token = "SANDBOX-" + id(24);
        tokens.put(token, true);
        return ResponseEntity.ok("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":32400}");
    }

    @PostMapping(path = "/dev/paypal/v2/checkout/orders", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> create(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestHeader(name = "PayPal-Request-Id", required = false) String requestId, @RequestBody String body,
            HttpServletRequest http) throws IOException {
        if (!authorized(authorization)) {
            return unauthorized();
        }
        String existing = requestId == null ? null : byRequestId.get("create:" + requestId);
        Order order = existing != null ? orders.get(existing) : new Order(id(17), json.readTree(body));
        orders.putIfAbsent(order.id, order);
        if (requestId != null) {
            byRequestId.putIfAbsent("create:" + requestId, order.id);
        }
        String approve = ServletUriComponentsBuilder.fromContextPath(http).path("/dev/paypal/checkoutnow")
                .queryParam("token", order.id).toUriString();
        ObjectNode answer = json.createObjectNode().put("id", order.id).put("status", order.status);
        answer.putArray("links").addObject().put("rel", "payer-action").put("href", approve).put("method", "GET");
        return ResponseEntity.status(existing != null ? 200 : 201).body(answer.toString());
    }

    @GetMapping("/dev/paypal/checkoutnow")
    String approvalPage(@RequestParam("token") String token, Model model) {
        Order order = orders.get(token);
        model.addAttribute("found", order != null);
        if (order != null) {
            model.addAttribute("orderId", order.id);
            model.addAttribute("orderStatus", order.status);
            model.addAttribute("captureStatus", order.captureStatus);
            JsonNode unit = order.request.path("purchase_units").path(0);
            model.addAttribute("amount", unit.path("amount").path("value").asText());
            model.addAttribute("currency", unit.path("amount").path("currency_code").asText());
            model.addAttribute("description", unit.path("description").asText());
        }
        return "signup/paypal-sandbox";
    }

    @PostMapping("/dev/paypal/checkoutnow")
    String approve(@RequestParam("token") String token, @RequestParam("outcome") String outcome) {
        Order order = orders.get(token);
        if (order == null) {
            return "redirect:/dev/paypal/checkoutnow?token=" + token;
        }
        JsonNode context = order.request.path("payment_source").path("paypal").path("experience_context");
        if (outcome.equals("CANCEL")) {
            return "redirect:" + context.path("cancel_url").asText() + "?token=" + order.id;
        }
        order.outcome = Outcome.valueOf(outcome);
        order.status = "APPROVED";
        return "redirect:" + context.path("return_url").asText() + "?token=" + order.id + "&PayerID=SANDBOXPAYER";
    }

    @PostMapping(path = "/dev/paypal/v2/checkout/orders/{orderId}/capture", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    synchronized ResponseEntity<String> capture(@PathVariable("orderId") String orderId,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestHeader(name = "PayPal-Request-Id", required = false) String requestId) {
        if (!authorized(authorization)) {
            return unauthorized();
        }
        if (requestId != null && captureResponses.containsKey(requestId)) {
            return ResponseEntity.status(201).body(captureResponses.get(requestId));
        }
        Order order = orders.get(orderId);
        if (order == null) {
            return ResponseEntity.status(404).body(issue("RESOURCE_NOT_FOUND"));
        }
        if (order.captureId != null) {
            return ResponseEntity.status(422).body(issue("ORDER_ALREADY_CAPTURED"));
        }
        if (!"APPROVED".equals(order.status) || order.outcome == null) {
            return ResponseEntity.status(422).body(issue("ORDER_NOT_APPROVED"));
        }
        if (order.outcome == Outcome.DECLINED) {
            return ResponseEntity.status(422).body(issue("INSTRUMENT_DECLINED"));
        }
        order.captureId = id(17);
        order.captureStatus = order.outcome == Outcome.COMPLETED ? "COMPLETED" : "PENDING";
        order.status = "COMPLETED";
        String answer = orderJson(order).toString();
        if (requestId != null) {
            captureResponses.put(requestId, answer);
        }
        return ResponseEntity.status(201).body(answer);
    }

    @GetMapping(path = "/dev/paypal/v2/checkout/orders/{orderId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> get(@PathVariable("orderId") String orderId,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        if (!authorized(authorization)) {
            return unauthorized();
        }
        Order order = orders.get(orderId);
        return order == null ? ResponseEntity.status(404).body(issue("RESOURCE_NOT_FOUND"))
                : ResponseEntity.ok(orderJson(order).toString());
    }

    @PostMapping(path = "/dev/paypal/v1/notifications/verify-webhook-signature",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> verify(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestBody String body) throws IOException {
        if (!authorized(authorization)) {
            return unauthorized();
        }
        JsonNode request = json.readTree(body);
        Transmission sent = transmissions.get(request.path("transmission_id").asText());
        boolean genuine = sent != null
                && sent.headers().get("paypal-transmission-sig").equals(request.path("transmission_sig").asText())
                && json.readTree(sent.body()).equals(request.path("webhook_event"));
        return ResponseEntity.ok("{\"verification_status\":\"" + (genuine ? "SUCCESS" : "FAILURE") + "\"}");
    }

    /** "PayPal settles a pending payment": the capture becomes COMPLETED and the webhook is sent to the portal. */
    @PostMapping("/dev/paypal/orders/{orderId}/settle")
    String settleAndNotify(@PathVariable("orderId") String orderId, HttpServletRequest http) throws Exception {
        Transmission transmission = settle(orderId);
        String portal = ServletUriComponentsBuilder.fromContextPath(http).path("/paypal/webhook").toUriString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(transmission.body()));
        transmission.headers().forEach(request::header);
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
        return "redirect:/dev/paypal/checkoutnow?token=" + orderId;
    }

    /** Settles a pending capture and returns the webhook PayPal would send (also usable by tests directly). */
    Transmission settle(String orderId) {
        Order order = orders.get(orderId);
        if (order == null || order.captureId == null) {
            throw new IllegalStateException("no captured order " + orderId);
        }
        order.captureStatus = "COMPLETED";
        ObjectNode event = json.createObjectNode();
        event.put("id", "WH-" + id(17));
        event.put("create_time", Instant.now().toString());
        event.put("resource_type", "capture");
        event.put("event_type", "PAYMENT.CAPTURE.COMPLETED");
        ObjectNode resource = event.putObject("resource");
        resource.put("id", order.captureId);
        resource.put("status", "COMPLETED");
        resource.putObject("supplementary_data").putObject("related_ids").put("order_id", order.id);
        Map<String, String> headers = new LinkedHashMap<>();
        String transmissionId = java.util.UUID.randomUUID().toString();
        headers.put("paypal-transmission-id", transmissionId);
        headers.put("paypal-transmission-time", Instant.now().toString());
        headers.put("paypal-transmission-sig", id(40));
        headers.put("paypal-auth-algo", "SHA256withRSA");
        headers.put("paypal-cert-url", "https://api.sandbox.paypal.com/v1/notifications/certs/CERT-SANDBOX");
        Transmission transmission = new Transmission(headers, event.toString());
        transmissions.put(transmissionId, transmission);
        return transmission;
    }

    private ObjectNode orderJson(Order order) {
        ObjectNode answer = json.createObjectNode().put("id", order.id).put("status", order.status);
        ObjectNode unit = answer.putArray("purchase_units").addObject();
        unit.put("reference_id", order.request.path("purchase_units").path(0).path("reference_id").asText());
        if (order.captureId != null) {
            ObjectNode capture = unit.putObject("payments").putArray("captures").addObject();
            capture.put("id", order.captureId).put("status", order.captureStatus);
            capture.set("amount", order.request.path("purchase_units").path(0).path("amount"));
        }
        return answer;
    }

    private boolean authorized(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ")
                && tokens.containsKey(authorization.substring(7));
    }

    private static ResponseEntity<String> unauthorized() {
        return ResponseEntity.status(401).body("{\"error\":\"invalid_token\"}");
    }

    private String issue(String issue) {
        return "{\"name\":\"UNPROCESSABLE_ENTITY\",\"details\":[{\"issue\":\"" + issue + "\"}]}";
    }

    private String id(int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
