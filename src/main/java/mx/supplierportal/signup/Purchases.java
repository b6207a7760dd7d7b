package mx.supplierportal.signup;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mx.supplierportal.document.Documents;
import mx.supplierportal.document.StoredDocument;
import mx.supplierportal.supplier.SelfRegisteredUsers;
import mx.supplierportal.web.ExplainedProblem;
import mx.supplierportal.web.NotFound;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 4, "Selecciona tu forma de pago": a stamp package paid with PayPal (approved on PayPal, then captured by the
 * process) or by bank deposit (a reference to quote, then the proof, which treasury confirms in Tasklist). Every
 * method acts on the signed-in user's own account; another account's order id is {@link NotFound}.
 */
@Service
class Purchases {

    static final String PAYPAL_APPROVED = "signup-paypal-approved";
    static final String DEPOSIT_PROOF = "signup-deposit-proof-uploaded";
    static final String CAPTURE_COMPLETED = "signup-paypal-capture-completed";
    static final java.util.Set<String> PROOF_TYPES = java.util.Set.of("application/pdf", "image/jpeg", "image/png");

    /** Why a purchase could not start; nothing was stored. */
    static class Refused extends ExplainedProblem {
        Refused(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }
    }

    record View(SignupAccount account, List<StampOrder> orders, List<StampPackage> packages) {

        StampOrder inReview() {
            return orders.stream().filter(o -> o.getStatus() == StampOrder.Status.IN_REVIEW).findFirst().orElse(null);
        }

        StampOrder openDeposit() {
            return orders.stream().filter(o -> o.getMethod() == StampOrder.Method.DEPOSIT && o.isOpen()).findFirst()
                    .orElse(null);
        }
    }

    private final SignupAccountRepository accounts;
    private final StampOrderRepository orders;
    private final SalesProperties sales;
    private final PayPal payPal;
    private final Documents documents;
    private final SelfRegisteredUsers users;
    private final RuntimeService runtimeService;
    private final Clock clock;
    private final String portalUrl;

    Purchases(SignupAccountRepository accounts, StampOrderRepository orders, SalesProperties sales, PayPal payPal,
            Documents documents, SelfRegisteredUsers users, RuntimeService runtimeService, Clock clock,
            @Value("${portal.base-url}") String portalUrl) {
        this.accounts = accounts;
        this.orders = orders;
        this.sales = sales;
        this.payPal = payPal;
        this.documents = documents;
        this.users = users;
        this.runtimeService = runtimeService;
        this.clock = clock;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
    }

    @Transactional(readOnly = true)
    View view(long userId) {
        SignupAccount account = payingAccountOf(userId);
        return new View(account, orders.findByAccountIdOrderByCreatedAtDescIdDesc(account.getId()),
                sales.packages() == null ? List.of() : sales.packages());
    }

    /**
     * Creates the order at PayPal and returns the page where the person approves it. The call is made here, while
     * the person waits: no money moves yet, and if PayPal does not answer the person is told so and nothing is kept.
     * PayPal sends the person back to {@code back} (the portal as this browser reaches it).
     */
    @Transactional
    URI payWithPayPal(long userId, int stamps, String back) {
        if (!payPal.offered()) {
            throw new Refused("signup.payment.paypal.off");
        }
        StampOrder order = newOrder(userId, stamps, StampOrder.Method.PAYPAL);
        try {
            PayPalConnector.CreatedOrder created = payPal.connector().createOrder("stamp-order-" + order.getId(),
                    order.getAmount(), order.getCurrency(), order.getStamps() + " timbres CFDI",
                    "stamp-order-" + order.getId(), URI.create(back + "/signup/payment/paypal/return"),
                    URI.create(back + "/signup/payment/paypal/cancel"));
            order.paypal(created.id());
            return created.approveUrl();
        } catch (PayPalConnector.Unavailable | IllegalStateException e) {
            throw new Refused("signup.payment.paypal.down");
        }
    }

    /** Back from PayPal with an approved order: the process captures it (a retried job). */
    @Transactional
    void approvedOnPayPal(long userId, String paypalOrderId) {
        SignupAccount account = payingAccountOf(userId);
        StampOrder order = orders.findByPaypalOrderId(paypalOrderId == null ? "" : paypalOrderId)
                .filter(o -> o.getAccountId() == account.getId()).orElseThrow(NotFound::new);
        if (!order.isOpen()) {
            return; // the page was reloaded: the capture is already on its way
        }
        order.approvedOnPayPal();
        runtimeService.createMessageCorrelation(PAYPAL_APPROVED).processInstanceId(account.getProcessInstanceId())
                .setVariable("stampOrderId", order.getId()).correlate();
    }

    /** A bank deposit: the order and its reference (ISO 11649), to quote in the transfer. */
    @Transactional
    StampOrder payByDeposit(long userId, int stamps) {
        StampOrder order = newOrder(userId, stamps, StampOrder.Method.DEPOSIT);
        order.deposit(PaymentReference.of(String.format("TIM%09d", order.getId())),
                OffsetDateTime.now(clock).plus(sales.deposit().payWithin()));
        return order;
    }

    /** The proof of a deposit (PDF, JPG or PNG): stored with the order, then treasury's task in Tasklist. */
    @Transactional
    void uploadProof(long userId, long orderId, String fileName, byte[] content) {
        SignupAccount account = payingAccountOf(userId);
        StampOrder order = orders.findByIdAndAccountId(orderId, account.getId()).orElseThrow(NotFound::new);
        if (order.getMethod() != StampOrder.Method.DEPOSIT || !order.isOpen()) {
            throw new Refused("signup.payment.deposit.notOpen");
        }
        StoredDocument proof = documents.store(users.companyIdOf(userId), fileName, content, "signup-" + userId,
                PROOF_TYPES);
        order.proof(proof.getId());
        Map<String, Object> variables = new HashMap<>();
        variables.put("stampOrderId", order.getId());
        variables.put("orderReference", order.getReference());
        variables.put("orderAmount", money(order));
        variables.put("orderStamps", order.getStamps());
        variables.put("businessName", account.getBusinessName());
        variables.put("proofLink", portalUrl + "/treasury/stamp-orders/" + order.getId() + "/proof");
        runtimeService.createMessageCorrelation(DEPOSIT_PROOF).processInstanceId(account.getProcessInstanceId())
                .setVariables(variables).correlate();
    }

    static String money(StampOrder order) {
        return "$" + mx.supplierportal.web.Formats.money(order.getAmount(), order.getCurrency());
    }

    private StampOrder newOrder(long userId, int stamps, StampOrder.Method method) {
        SignupAccount account = payingAccountOf(userId);
        StampPackage chosen = sales.find(stamps);
        if (chosen == null) {
            throw new Refused("signup.payment.package.unknown");
        }
        List<StampOrder> existing = orders.findByAccountIdOrderByCreatedAtDescIdDesc(account.getId());
        if (existing.stream().anyMatch(o -> o.getStatus() == StampOrder.Status.IN_REVIEW)) {
            throw new Refused("signup.payment.inReview");
        }
        if (account.getStatus() == SignupAccount.Status.ACTIVE) {
            throw new Refused("signup.payment.alreadyActive");
        }
        existing.forEach(StampOrder::replaced);
        return orders.saveAndFlush(new StampOrder(account.getId(), chosen, sales.currency(), method,
                OffsetDateTime.now(clock)));
    }

    private SignupAccount payingAccountOf(long userId) {
        return accounts.findBySupplierUserId(userId)
                .filter(a -> a.getStatus() == SignupAccount.Status.COMPANY_SAVED
                        || a.getStatus() == SignupAccount.Status.ACTIVE)
                .orElseThrow(NotFound::new);
    }
}
