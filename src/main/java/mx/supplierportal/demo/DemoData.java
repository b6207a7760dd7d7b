package mx.supplierportal.demo;

import mx.supplierportal.client.Client;
import mx.supplierportal.client.Clients;
import mx.supplierportal.client.StaffRole;
import mx.supplierportal.invoice.InvoiceRules;
import mx.supplierportal.supplier.SupplierRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The embedded default's demo data, created once on an empty database: the client "Municipio de Cuautitlán Izcalli"
 * (the receptor of the shared stamped sample CFDI), its staff with password = user name, and the invited supplier
 * "Escuela Kemper Urgate" whose activation email then waits on {@code /dev/mailbox}. Never in production: only
 * with {@code portal.demo.enabled=true} (the {@code demo} profile).
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "portal.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String CLIENT_CODE = "mci";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Clients clients;
    private final SupplierRegistration registration;
    private final InvoiceRules invoices;

    DemoData(Clients clients, SupplierRegistration registration, InvoiceRules invoices) {
        this.clients = clients;
        this.registration = registration;
        this.invoices = invoices;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (clients.findByCode(CLIENT_CODE).isPresent()) {
            operatorConfirmsDeposits(); // a demo database from before self-registration
            return;
        }
        clients.ensureCamundaAdminGroup();
        Client client = clients.create(CLIENT_CODE, "Municipio de Cuautitlán Izcalli", "MCI7306249Y1", "54700", "603");
        // The shared sample invoice was issued in February 2025: the demo client accepts it.
        invoices.acceptInvoicesUpToDaysOld(client.getId(), 3650);
        clients.addStaff(CLIENT_CODE, "demo", "Demo", "Admin", "demo@portal.example", "demo", StaffRole.values());
        clients.makeCamundaAdmin("demo");
        operatorConfirmsDeposits();
        clients.addStaff(CLIENT_CODE, "reviewer", "Rita", "Revisora", "reviewer@portal.example", "reviewer",
                StaffRole.REVIEWER);
        clients.addStaff(CLIENT_CODE, "payables", "Pablo", "Cuentas", "payables@portal.example", "payables",
                StaffRole.PAYABLES);
        clients.addStaff(CLIENT_CODE, "treasury", "Teresa", "Tesorera", "treasury@portal.example", "treasury",
                StaffRole.TREASURY);
        registration.register(client, new SupplierRegistration.Request("Escuela Kemper Urgate", "EKU9003173C9",
                "Esther Kemper", "proveedor@kemper.example", "es"), "demo");
        log.info("Demo data created: staff demo/demo, reviewer, payables, treasury; supplier activation email on "
                + "/dev/mailbox");
    }

    /** The demo operator is also the portal's treasury: it confirms self-registered businesses' bank deposits. */
    private void operatorConfirmsDeposits() {
        clients.ensurePortalTreasuryGroup();
        clients.addToGroup("demo", mx.supplierportal.security.StaffPrincipal.PORTAL_TREASURY_GROUP);
    }
}
