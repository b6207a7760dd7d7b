package mx.supplierportal.signup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * A series a business issues its CFDIs with (Serie), the next folio to give and the CFDI type it is for. In CFDI 4.0
 * both are the taxpayer's own: SAT no longer assigns them as it did for CFD 2.x.
 */
@Entity
@Table(name = "signup_series")
class Series {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false)
    private String serie;

    @Column(name = "next_folio", nullable = false)
    private String nextFolio;

    @Column(name = "cfdi_type", nullable = false)
    private String cfdiType;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Series() {
    }

    Series(long accountId, String serie, String nextFolio, String cfdiType, OffsetDateTime createdAt) {
        this.accountId = accountId;
        this.serie = serie;
        this.nextFolio = nextFolio;
        this.cfdiType = cfdiType;
        this.active = true;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    long getAccountId() {
        return accountId;
    }

    public String getSerie() {
        return serie;
    }

    public String getNextFolio() {
        return nextFolio;
    }

    public String getCfdiType() {
        return cfdiType;
    }

    public boolean isActive() {
        return active;
    }

    void change(String nextFolio, String cfdiType) {
        this.nextFolio = nextFolio;
        this.cfdiType = cfdiType;
    }

    void active(boolean active) {
        this.active = active;
    }
}
