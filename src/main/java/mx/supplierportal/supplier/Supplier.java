package mx.supplierportal.supplier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A supplier company, known by its RFC. */
@Entity
@Table(name = "supplier")
public class Supplier {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String rfc;

    @Column(name = "business_name", nullable = false)
    private String businessName;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Supplier() {
    }

    Supplier(String rfc, String businessName, OffsetDateTime createdAt) {
        this.rfc = rfc;
        this.businessName = businessName;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getRfc() {
        return rfc;
    }

    public String getBusinessName() {
        return businessName;
    }
}
