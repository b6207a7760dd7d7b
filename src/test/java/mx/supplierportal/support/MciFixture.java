package mx.supplierportal.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import mx.supplierportal.cfdi.TestStamps;
import mx.supplierportal.client.StaffRole;

/**
 * The parties of the shared stamped sample, created once per test database (their RFCs are unique): the client
 * Municipio de Cuautitlán Izcalli (MCI7306249Y1) with staff {@code mcipayables}, {@code mcitreasury} and
 * {@code mciadmin}, and the
 * active supplier Escuela Kemper Urgate (EKU9003173C9). The client accepts the sample's date and does not ask
 * for an approved record first.
 */
public final class MciFixture {

    public static final String CODE = "mci";
    public static final String SUPPLIER_EMAIL = "facturacion@kemper.test";
    public static final String SUPPLIER_PASSWORD = "facturas en orden 2026";

    private MciFixture() {
    }

    public static synchronized void ensure(IntegrationTest test) throws Exception {
        if (test.clients.findByCode(CODE).isPresent()) {
            return;
        }
        test.clients.create(CODE, "Municipio de Cuautitlán Izcalli", "MCI7306249Y1", "54700", "603");
        test.clients.addStaff(CODE, "mcipayables", "Pablo", "Cuentas", "p@mci.test", IntegrationTest.ADMIN_PASSWORD,
                StaffRole.PAYABLES);
        test.clients.addStaff(CODE, "mciadmin", "Ana", "Admin", "a@mci.test", IntegrationTest.ADMIN_PASSWORD,
                StaffRole.ADMIN);
        test.clients.addStaff(CODE, "mcitreasury", "Teresa", "Tesorería", "t@mci.test", IntegrationTest.ADMIN_PASSWORD,
                StaffRole.TREASURY);
        test.jdbc.update("update invoice_settings set max_age_days = 3650 where client_id = "
                + "(select id from client where code = ?)", CODE);
        test.jdbc.update("update record_template set approved_before_invoicing = false where client_id = "
                + "(select id from client where code = ?)", CODE);
        test.mvc.perform(post("/admin/suppliers")
                .with(authentication(test.signIn("mciadmin", IntegrationTest.ADMIN_PASSWORD))).with(csrf())
                .param("businessName", "Escuela Kemper Urgate").param("rfc", "EKU9003173C9")
                .param("contactName", "Esther Kemper").param("email", SUPPLIER_EMAIL).param("language", "es"));
        test.runJobs();
        String token = IntegrationTest.tokenOf(TestMail.link(IntegrationTest.onlyMailTo(SUPPLIER_EMAIL), "/activate"));
        test.mvc.perform(post("/activate").with(csrf()).param("token", token).param("password", SUPPLIER_PASSWORD)
                .param("confirmation", SUPPLIER_PASSWORD));
        test.runJobs();
    }

    /**
     * Revokes the shared supplier's API tokens: every test makes its own, and a user may hold at most
     * {@code ApiTokens.MAX_ACTIVE} active ones.
     */
    public static void revokeApiTokens(IntegrationTest test) {
        test.jdbc.update("update api_token set revoked_at = current_timestamp where revoked_at is null and "
                + "supplier_user_id = (select id from supplier_user where email = ?)", SUPPLIER_EMAIL);
    }

    public static long registrationId(IntegrationTest test) {
        return test.jdbc.queryForObject("select cs.id from client_supplier cs join supplier s on s.id = "
                + "cs.supplier_id join client c on c.id = cs.client_id where s.rfc = 'EKU9003173C9' and c.code = ?",
                Long.class, CODE);
    }

    /** The stamped sample with another stamp UUID: a new invoice whose issuer seal is still valid. */
    public static String freshInvoice(String uuid) {
        // the shared sample, stamped again with this UUID by the tests' stand-in SAT (its SelloSAT verifies)
        return TestStamps.standIn().restamp(sharedSample(), uuid);
    }

    /** The shared sample invoice to MCI as it is (stamped in SAT's test environment). */
    public static String sharedSample() {
        try (InputStream in = MciFixture.class.getResourceAsStream("/cfdi/invoice-stamped-test-csd.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
