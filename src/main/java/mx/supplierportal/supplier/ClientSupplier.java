package mx.supplierportal.supplier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A client's registration of a supplier: who to contact, and where onboarding stands. */
@Entity
@Table(name = "client_supplier")
public class ClientSupplier {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false)
    private Long clientId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "supplier_id", nullable = false)
    private Supplier supplier;

    /** The name this client typed: another client registering the same RFC never sees it. */
    @Column(name = "business_name", nullable = false)
    private String businessName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RegistrationStatus status;

    @Column(name = "contact_name", nullable = false)
    private String contactName;

    @Column(name = "contact_email", nullable = false)
    private String contactEmail;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "registered_by", nullable = false)
    private String registeredBy;

    @Column(name = "registered_at", nullable = false)
    private OffsetDateTime registeredAt;

    @Column(name = "activated_at")
    private OffsetDateTime activatedAt;

    @Version
    private long version;

    protected ClientSupplier() {
    }

    ClientSupplier(Long clientId, Supplier supplier, String businessName, String contactName, String contactEmail,
            String registeredBy, OffsetDateTime registeredAt) {
        this.clientId = clientId;
        this.supplier = supplier;
        this.businessName = businessName;
        this.contactName = contactName;
        this.contactEmail = contactEmail;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
        this.status = RegistrationStatus.INVITED;
    }

    public Long getId() {
        return id;
    }

    public Long getClientId() {
        return clientId;
    }

    public Supplier getSupplier() {
        return supplier;
    }

    public String getBusinessName() {
        return businessName;
    }

    public RegistrationStatus getStatus() {
        return status;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public OffsetDateTime getRegisteredAt() {
        return registeredAt;
    }

    public OffsetDateTime getActivatedAt() {
        return activatedAt;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void invited() {
        this.status = RegistrationStatus.INVITED;
    }

    void activated(OffsetDateTime when) {
        this.status = RegistrationStatus.ACTIVE;
        this.activatedAt = when;
    }

    void activationExpired() {
        this.status = RegistrationStatus.ACTIVATION_EXPIRED;
    }

    void withdrawn() {
        this.status = RegistrationStatus.WITHDRAWN;
    }
}
