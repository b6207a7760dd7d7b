package mx.supplierportal.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A bank account where the supplier wants to be paid: Mexican (CLABE) or foreign (SWIFT and IBAN or number). */
@Entity
@Table(name = "bank_account")
public class BankAccount {

    public enum Kind { MX, FOREIGN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "record_id", nullable = false)
    private Long recordId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(nullable = false)
    private String holder;

    @Column(nullable = false)
    private String currency;

    private String clabe;

    @Column(name = "bank_code")
    private String bankCode;

    @Column(name = "bank_name")
    private String bankName;

    private String country;

    private String swift;

    private String iban;

    @Column(name = "account_number")
    private String accountNumber;

    private String aba;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RecordEntry.Status status;

    @Column(name = "reject_reason")
    private String rejectReason;

    @Column(nullable = false)
    private boolean changed;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "removed_at")
    private OffsetDateTime removedAt;

    protected BankAccount() {
    }

    static BankAccount mexican(Long recordId, String holder, String currency, String clabe, String bankCode,
            String bankName, OffsetDateTime now) {
        BankAccount account = new BankAccount(recordId, Kind.MX, holder, currency, now);
        account.clabe = clabe;
        account.bankCode = bankCode;
        account.bankName = bankName;
        return account;
    }

    static BankAccount foreign(Long recordId, String holder, String currency, String country, String bankName,
            String swift, String iban, String accountNumber, String aba, OffsetDateTime now) {
        BankAccount account = new BankAccount(recordId, Kind.FOREIGN, holder, currency, now);
        account.country = country;
        account.bankName = bankName;
        account.swift = swift;
        account.iban = iban;
        account.accountNumber = accountNumber;
        account.aba = aba;
        return account;
    }

    private BankAccount(Long recordId, Kind kind, String holder, String currency, OffsetDateTime now) {
        this.recordId = recordId;
        this.kind = kind;
        this.holder = holder;
        this.currency = currency;
        this.status = RecordEntry.Status.PENDING;
        this.changed = true;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public Long getRecordId() { return recordId; }
    public Kind getKind() { return kind; }
    public String getHolder() { return holder; }
    public String getCurrency() { return currency; }
    public String getClabe() { return clabe; }
    public String getBankCode() { return bankCode; }
    public String getBankName() { return bankName; }
    public String getCountry() { return country; }
    public String getSwift() { return swift; }
    public String getIban() { return iban; }
    public String getAccountNumber() { return accountNumber; }
    public String getAba() { return aba; }
    public RecordEntry.Status getStatus() { return status; }
    public String getRejectReason() { return rejectReason; }
    public boolean isChanged() { return changed; }

    /** The account as people read it: the last four digits only. */
    public String masked() {
        String number = clabe != null ? clabe : iban != null ? iban : accountNumber;
        return number == null || number.length() < 4 ? "" : "•••• " + number.substring(number.length() - 4);
    }

    void accept() {
        status = RecordEntry.Status.ACCEPTED;
        rejectReason = null;
        changed = false;
    }

    void reject(String reason) {
        status = RecordEntry.Status.REJECTED;
        rejectReason = reason;
        changed = false;
    }

    void remove(OffsetDateTime when) {
        removedAt = when;
    }
}
