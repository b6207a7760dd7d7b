package mx.supplierportal.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A participant of Mexico's payment system, by the three first digits of a CLABE. */
@Entity
@Table(name = "bank")
class Bank {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    protected Bank() {
    }

    String getName() {
        return name;
    }
}
