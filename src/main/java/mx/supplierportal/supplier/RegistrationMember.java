package mx.supplierportal.supplier;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * A supplier user admitted to one client's registration of a supplier: the only thing that gives a person access
 * to that registration's record, invoices and payments. Being a user of the same supplier company gives nothing.
 */
@Entity
@Table(name = "registration_member")
class RegistrationMember {

    @Embeddable
    record Key(@Column(name = "client_supplier_id") Long registrationId, @Column(name = "user_id") Long userId)
            implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "admitted_at", nullable = false)
    private OffsetDateTime admittedAt;

    protected RegistrationMember() {
    }

    RegistrationMember(long registrationId, long userId, OffsetDateTime admittedAt) {
        this.key = new Key(registrationId, userId);
        this.admittedAt = admittedAt;
    }
}
