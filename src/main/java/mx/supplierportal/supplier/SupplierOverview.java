package mx.supplierportal.supplier;

import java.util.List;
import mx.supplierportal.client.Client;
import mx.supplierportal.client.Clients;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a supplier user's dashboard shows: the companies it answers for and the clients that admitted it. Only the
 * registrations the user was admitted to: the same company's registrations at other clients are not shown.
 */
@Service
public class SupplierOverview {

    public record ClientLink(String clientName, String businessName, String rfc, RegistrationStatus status) {
    }

    public record Company(String businessName, String rfc) {
    }

    public record Overview(List<Company> companies, List<ClientLink> clients) {
    }

    private final ClientSupplierRepository registrations;
    private final Clients clients;

    SupplierOverview(ClientSupplierRepository registrations, Clients clients) {
        this.registrations = registrations;
        this.clients = clients;
    }

    /** Only ever the signed-in user's own registrations: the id comes from the session, not from the request. */
    @Transactional(readOnly = true)
    public Overview of(long userId) {
        List<ClientLink> links = registrations.ofMember(userId).stream()
                .filter(r -> r.getStatus() != RegistrationStatus.WITHDRAWN)
                .map(r -> new ClientLink(clients.findById(r.getClientId()).map(Client::getName).orElse("?"),
                        r.getBusinessName(), r.getSupplier().getRfc(), r.getStatus()))
                .toList();
        List<Company> companies = links.stream().map(l -> new Company(l.businessName(), l.rfc())).distinct().toList();
        return new Overview(companies, links);
    }
}
