package mx.supplierportal.supplier;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.supplierportal.cfdi.Rfc;
import mx.supplierportal.client.Client;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import mx.supplierportal.client.ProcessStarts;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client registers a supplier: the supplier company (shared by every client that registers it), the client's
 * registration, the supplier's first user (pending), and the {@code supplier-onboarding} process that sends the
 * activation email. All in one transaction: either everything is there, or nothing is.
 */
@Service
public class SupplierRegistration {

    public static final String PROCESS_KEY = "supplier-onboarding";
    public static final String RESEND_MESSAGE = "supplier-activation-resend";
    public static final int PAGE_SIZE = 20;
    static final String DECIDE_TASK = "Task_DecideExpiredActivation";

    /** What a client admin typed. */
    public record Request(String businessName, String rfc, String contactName, String email, String language) {
    }

    /** The registration made, and warnings the admin should see (e.g. the RFC check digit). */
    public record Result(ClientSupplier registration, List<String> warnings) {
    }

    private final SupplierRepository suppliers;
    private final ClientSupplierRepository registrations;
    private final SupplierUserRepository users;
    private final RegistrationMemberRepository members;
    private final RuntimeService runtimeService;
    private final ProcessStarts processStarts;
    private final TaskService taskService;
    private final OnboardingProperties properties;
    private final Clock clock;

    SupplierRegistration(SupplierRepository suppliers, ClientSupplierRepository registrations,
            SupplierUserRepository users, RegistrationMemberRepository members, RuntimeService runtimeService,
            TaskService taskService, OnboardingProperties properties, Clock clock, ProcessStarts processStarts) {
        this.processStarts = processStarts;
        this.suppliers = suppliers;
        this.registrations = registrations;
        this.users = users;
        this.members = members;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Result register(Client client, Request request, String registeredBy) {
        List<String> warnings = new ArrayList<>();
        String rfc = Rfc.normalize(request.rfc());
        switch (Rfc.check(rfc)) {
            case MALFORMED -> throw new RegistrationException("rfc", "supplier.rfc.malformed");
            case CHECK_DIGIT_MISMATCH -> warnings.add("supplier.rfc.checkDigit");
            case VALID -> { }
        }
        String email = SupplierAccounts.normalizeEmail(request.email());
        String language = "en".equals(request.language()) ? "en" : "es";
        OffsetDateTime now = OffsetDateTime.now(clock);

        Optional<Supplier> existing = suppliers.findByRfc(rfc);
        if (existing.isPresent() && registrations.existsByClientIdAndSupplierId(client.getId(), existing.get().getId())) {
            throw new RegistrationException("rfc", "supplier.rfc.alreadyRegistered");
        }
        // The email's user, if it exists, is admitted to this registration whatever company it already works for:
        // the client names the person who answers for this supplier. Nothing else of that user is touched, and the
        // answer is the same as for a new email, so the form reveals nothing about other clients' suppliers.
        Supplier supplier = existing.orElseGet(
                () -> suppliers.save(new Supplier(rfc, request.businessName().strip(), now)));
        SupplierUser user = users.findByEmail(email).orElseGet(() -> users.save(
                new SupplierUser(supplier.getId(), email, request.contactName().strip(), language, now)));
        ClientSupplier registration = registrations.save(new ClientSupplier(client.getId(), supplier,
                request.businessName().strip(), request.contactName().strip(), email, registeredBy, now));
        members.save(new RegistrationMember(registration.getId(), user.getId(), now));

        ProcessInstance instance = processStarts.forClient(PROCESS_KEY, rfc, client.getCode(), client.getName(),
                Map.of("clientSupplierId", registration.getId(),
                        "supplierId", supplier.getId(),
                        "supplierUserId", user.getId(),
                        "businessName", registration.getBusinessName(),
                        "supplierRfc", rfc,
                        "activationTimeout", properties.activation().ttl().toString()));
        registration.startedAs(instance.getId());
        return new Result(registration, warnings);
    }

    @Transactional(readOnly = true)
    public Page<ClientSupplier> list(Client client, int page) {
        return registrations.findByClientIdOrderByRegisteredAtDescIdDesc(client.getId(),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE));
    }

    /** The client's own registration with that id; another client's id finds nothing. */
    @Transactional(readOnly = true)
    public Optional<ClientSupplier> find(Client client, long registrationId) {
        return registrations.findByIdAndClientId(registrationId, client.getId());
    }

    /**
     * Sends a new activation link (the old one stops working). Possible while the invitation waits for activation
     * or has expired; returns false otherwise (already active, withdrawn).
     */
    @Transactional
    public boolean resendActivation(Client client, long registrationId) {
        Optional<ClientSupplier> registration = find(client, registrationId);
        if (registration.isEmpty() || registration.get().getProcessInstanceId() == null) {
            return false;
        }
        RegistrationStatus status = registration.get().getStatus();
        if (status != RegistrationStatus.INVITED && status != RegistrationStatus.ACTIVATION_EXPIRED) {
            return false;
        }
        String processInstanceId = registration.get().getProcessInstanceId();
        Task decision = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(DECIDE_TASK).singleResult();
        if (decision != null) {
            // Expired: the admins' Tasklist task is answered "resend" on their behalf.
            taskService.complete(decision.getId(), Map.of("decision", "resend"));
            return true;
        }
        try {
            runtimeService.createMessageCorrelation(RESEND_MESSAGE)
                    .processInstanceId(processInstanceId)
                    .correlateWithResult();
            return true;
        } catch (MismatchingMessageCorrelationException e) {
            return false; // the process is between steps (e.g. an email is being sent right now)
        }
    }
}
