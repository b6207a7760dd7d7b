package mx.supplierportal.supplier;

import java.util.List;
import java.util.Optional;
import mx.supplierportal.client.Client;
import mx.supplierportal.client.Clients;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a supplier user's dashboard shows: its company and the clients that registered it. */
@Service
public class SupplierOverview {

    public record ClientLink(String clientName, RegistrationStatus status) {
    }

    public record Overview(String businessName, String rfc, List<ClientLink> clients) {
    }

    private final SupplierRepository suppliers;
    private final ClientSupplierRepository registrations;
    private final Clients clients;

    SupplierOverview(SupplierRepository suppliers, ClientSupplierRepository registrations, Clients clients) {
        this.suppliers = suppliers;
        this.registrations = registrations;
        this.clients = clients;
    }

    /** Only ever the signed-in user's own supplier: the id comes from the session, not from the request. */
    @Transactional(readOnly = true)
    public Optional<Overview> of(long supplierId) {
        return suppliers.findById(supplierId).map(supplier -> new Overview(supplier.getBusinessName(),
                supplier.getRfc(),
                registrations.findBySupplierId(supplierId).stream()
                        .filter(r -> r.getStatus() != RegistrationStatus.WITHDRAWN)
                        .map(r -> new ClientLink(clients.findById(r.getClientId()).map(Client::getName).orElse("?"),
                                r.getStatus()))
                        .toList()));
    }
}
