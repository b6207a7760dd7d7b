package mx.supplierportal.signup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A business that signed itself up for the stamping service, and the step of the four it has reached. */
@Entity
@Table(name = "signup_account")
class SignupAccount {

    /** Where the account stands; each is also the step the person is sent back to. */
    enum Status {
        /** Step 2: the emailed code has not been typed yet; the account cannot sign in. */
        UNCONFIRMED,
        /** Step 3: confirmed; the company data is missing. */
        CONFIRMED,
        /** Step 4: company data saved; a payment method is to be chosen. */
        COMPANY_SAVED,
        /** The first order is paid: the account has its stamps. */
        ACTIVE;

        public int step() {
            return Math.min(4, ordinal() + 2);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "supplier_user_id", nullable = false)
    private Long supplierUserId;

    @Column(nullable = false)
    private String rfc;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "business_name")
    private String businessName;

    @Column(name = "tax_regime")
    private String taxRegime;

    @Column(name = "postal_code")
    private String postalCode;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;

    @Column(name = "company_saved_at")
    private OffsetDateTime companySavedAt;

    @Column(name = "stamp_balance", nullable = false)
    private int stampBalance;

    /** Stamps set aside for CFDIs being stamped; moved only by {@link StampingAccounts} (SQL compare-and-set). */
    @Column(name = "stamps_reserved", nullable = false, insertable = false, updatable = false)
    private int stampsReserved;

    @Column(name = "activated_at")
    private OffsetDateTime activatedAt;

    @Version
    private long version;

    protected SignupAccount() {
    }

    SignupAccount(long supplierUserId, String rfc, OffsetDateTime createdAt) {
        this.supplierUserId = supplierUserId;
        this.rfc = rfc;
        this.createdAt = createdAt;
        this.status = Status.UNCONFIRMED;
    }

    Long getId() {
        return id;
    }

    long getSupplierUserId() {
        return supplierUserId;
    }

    public String getRfc() {
        return rfc;
    }

    public Status getStatus() {
        return status;
    }

    public String getBusinessName() {
        return businessName;
    }

    public String getTaxRegime() {
        return taxRegime;
    }

    public String getPostalCode() {
        return postalCode;
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void confirmed(OffsetDateTime when) {
        if (status == Status.UNCONFIRMED) {
            status = Status.CONFIRMED;
            confirmedAt = when;
        }
    }

    void companyData(String businessName, String taxRegime, String postalCode) {
        this.businessName = businessName;
        this.taxRegime = taxRegime;
        this.postalCode = postalCode;
    }

    boolean hasCompanyData() {
        return businessName != null && taxRegime != null && postalCode != null;
    }

    /** Step 3 finished: returns true the first time (the process then moves on to the payment). */
    boolean companySaved(OffsetDateTime when) {
        if (status == Status.CONFIRMED) {
            status = Status.COMPANY_SAVED;
            companySavedAt = when;
            return true;
        }
        return false;
    }

    public int getStampBalance() {
        return stampBalance;
    }

    int getStampsReserved() {
        return stampsReserved;
    }

    /** A paid order's stamps; the first one activates the account. */
    void credit(int stamps, OffsetDateTime when) {
        stampBalance += stamps;
        if (status != Status.ACTIVE) {
            status = Status.ACTIVE;
            activatedAt = when;
        }
    }
}
