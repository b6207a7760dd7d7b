package mx.supplierportal.supplier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.supplierportal.client.Client;
import mx.supplierportal.client.Clients;
import mx.supplierportal.client.ProcessStarts;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to registrations for other features, always scoped to one supplier or one client. */
@Service
@Transactional(readOnly = true)
public class Registrations {

    /** A client's registration of a supplier, as other features need it. */
    public record Registration(long id, long clientId, String clientCode, String clientName, String clientRfc,
            long supplierId, String supplierRfc, String businessName, RegistrationStatus status) {
    }

    private final ClientSupplierRepository registrations;
    private final RegistrationMemberRepository members;
    private final Clients clients;
    private final ProcessStarts starts;

    Registrations(ClientSupplierRepository registrations, RegistrationMemberRepository members, Clients clients,
            ProcessStarts starts) {
        this.registrations = registrations;
        this.members = members;
        this.clients = clients;
        this.starts = starts;
    }

    /**
     * The active registrations this supplier user was admitted to. Only these: another client's registration of the
     * same supplier company is not the user's to see (docs/decisions.md, "Supplier identity per client").
     */
    public List<Registration> activeOf(long userId) {
        return allOf(userId).stream().filter(r -> r.status() == RegistrationStatus.ACTIVE).toList();
    }

    /** The active suppliers of these clients, by business name: one query, and one client lookup per client. */
    public List<Registration> activeWith(java.util.Collection<String> clientCodes) {
        java.util.Map<Long, Client> byId = new java.util.HashMap<>();
        clientCodes.forEach(code -> clients.findByCode(code).ifPresent(c -> byId.put(c.getId(), c)));
        if (byId.isEmpty()) {
            return List.of();
        }
        return registrations.withClients(byId.keySet(), RegistrationStatus.ACTIVE).stream()
                .map(r -> view(r, byId.get(r.getClientId()))).toList();
    }

    /** That registration, only if this supplier user was admitted to it. */
    public Optional<Registration> ofUser(long userId, long registrationId) {
        return registrations.ofMemberWithClient(userId, registrationId).stream().findFirst().map(Registrations::view);
    }

    /** Every registration this supplier user was admitted to, whatever its status (for archives). */
    public java.util.Set<Long> idsOf(long userId) {
        return registrations.ofMember(userId).stream().map(ClientSupplier::getId)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Every registration this supplier user was admitted to, whatever its status, oldest first (one query). */
    public List<Registration> allOf(long userId) {
        return registrations.ofMemberWithClients(userId).stream().map(Registrations::view).toList();
    }

    /** Whether this supplier user was admitted to any registration, whatever its status (one query). */
    public boolean anyOf(long userId) {
        return members.existsByKeyUserId(userId);
    }

    /** Whether this supplier user was admitted to that registration. */
    public boolean admits(long userId, long registrationId) {
        return members.admits(registrationId, userId);
    }

    public Optional<Registration> byId(long registrationId) {
        return registrations.withClient(registrationId).stream().findFirst().map(Registrations::view);
    }

    /** These registrations by id, with their suppliers (one query; a client lookup per client). */
    public java.util.Map<Long, Registration> byIds(java.util.Collection<Long> registrationIds) {
        java.util.Map<Long, Client> clientsById = new java.util.HashMap<>();
        java.util.Map<Long, Registration> views = new java.util.HashMap<>();
        for (ClientSupplier registration : registrations.withSuppliers(registrationIds)) {
            Client client = clientsById.computeIfAbsent(registration.getClientId(),
                    id -> clients.findById(id).orElseThrow());
            views.put(registration.getId(), view(registration, client));
        }
        return views;
    }

    /** The user who receives a registration's emails: the first one admitted to it. */
    /**
     * Starts {@code processKey} for a supplier registration: the client's tenant and, with the caller's variables,
     * what every such instance carries (registrationId, supplierId, supplierUserId, businessName, supplierRfc,
     * clientCode, clientName).
     */
    public ProcessInstance startProcess(String processKey, String businessKey, Registration registration,
            Map<String, ?> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("registrationId", registration.id());
        all.put("supplierId", registration.supplierId());
        all.put("supplierUserId", mainUserOf(registration.id()));
        all.put("businessName", registration.businessName());
        all.put("supplierRfc", registration.supplierRfc());
        return starts.forClient(processKey, businessKey, registration.clientCode(), registration.clientName(), all);
    }

    public long mainUserOf(long registrationId) {
        return members.usersOf(registrationId, org.springframework.data.domain.Limit.of(1)).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("registration " + registrationId + " has no user"));
    }

    /** A row of (ClientSupplier, Client). */
    private static Registration view(Object[] row) {
        return view((ClientSupplier) row[0], (Client) row[1]);
    }

    private static Registration view(ClientSupplier r, Client client) {
        return new Registration(r.getId(), client.getId(), client.getCode(), client.getName(), client.getRfc(),
                r.getSupplier().getId(), r.getSupplier().getRfc(), r.getBusinessName(), r.getStatus());
    }
}
