package mx.supplierportal.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A buying company. Its {@link #getCode() code} is its Camunda tenant id and the prefix of its staff groups. */
@Entity
@Table(name = "client")
public class Client {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String rfc;

    @Column(name = "postal_code", nullable = false)
    private String postalCode;

    @Column(name = "tax_regime", nullable = false)
    private String taxRegime;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Client() {
    }

    Client(String code, String name, String rfc, String postalCode, String taxRegime, OffsetDateTime createdAt) {
        this.code = code;
        this.name = name;
        this.rfc = rfc;
        this.postalCode = postalCode;
        this.taxRegime = taxRegime;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getRfc() {
        return rfc;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getTaxRegime() {
        return taxRegime;
    }
}
