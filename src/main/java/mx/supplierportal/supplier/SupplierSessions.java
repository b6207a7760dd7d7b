package mx.supplierportal.supplier;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every session of a supplier user (Spring Session's principal index: sessions live in the database, so this
 * reaches every node). A password reset signs the account out everywhere: whoever knew the old password is out.
 */
@Component
class SupplierSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SupplierSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    void endAllOf(String email) {
        sessions.findByPrincipalName(email).keySet().forEach(sessions::deleteById);
    }
}
