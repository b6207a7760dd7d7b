package mx.supplierportal.client;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Brings clients created by earlier versions up to the current grants (idempotent; cheap when done). */
@Component
class GrantsAtStartup implements ApplicationRunner {

    private final Clients clients;

    GrantsAtStartup(Clients clients) {
        this.clients = clients;
    }

    @Override
    public void run(ApplicationArguments args) {
        clients.applyCurrentGrants();
        clients.ensurePortalTreasuryGroup();
    }
}
