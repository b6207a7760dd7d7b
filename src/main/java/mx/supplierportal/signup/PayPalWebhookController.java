package mx.supplierportal.signup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * PayPal's webhook ({@code POST /paypal/webhook}). A notification is believed only after PayPal itself confirms its
 * signature ({@code verify-webhook-signature}); then {@code PAYMENT.CAPTURE.COMPLETED} completes a pending capture.
 * A replayed notification changes nothing: only an instance still waiting for that order's capture takes it.
 * Anything else is acknowledged and ignored, so PayPal does not resend it.
 */
@RestController
class PayPalWebhookController {

    private final PayPal payPal;
    private final StampOrderRepository orders;
    private final SignupAccountRepository accounts;
    private final RuntimeService runtimeService;
    private final ObjectMapper json = new ObjectMapper();

    PayPalWebhookController(PayPal payPal, StampOrderRepository orders, SignupAccountRepository accounts,
            RuntimeService runtimeService) {
        this.payPal = payPal;
        this.orders = orders;
        this.accounts = accounts;
        this.runtimeService = runtimeService;
    }

    @PostMapping("/paypal/webhook")
    @Transactional
    ResponseEntity<Void> notification(@RequestBody(required = false) String body, HttpServletRequest request) {
        if (!payPal.offered() || body == null || body.length() > 100_000) {
            return ResponseEntity.badRequest().build();
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        if (!payPal.connector().isGenuineWebhook(headers, body)) {
            return ResponseEntity.badRequest().build();
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (IOException e) {
            return ResponseEntity.badRequest().build();
        }
        if (event.path("event_type").asText().equals("PAYMENT.CAPTURE.COMPLETED")) {
            String orderId = event.path("resource").path("supplementary_data").path("related_ids").path("order_id")
                    .asText();
            orders.findByPaypalOrderId(orderId).ifPresent(order -> accounts.findById(order.getAccountId())
                    .ifPresent(account -> runtimeService.createMessageCorrelation(Purchases.CAPTURE_COMPLETED)
                            .processInstanceId(account.getProcessInstanceId())
                            .processInstanceVariableEquals("stampOrderId", order.getId()).correlateAll()));
        }
        return ResponseEntity.ok().build();
    }
}
