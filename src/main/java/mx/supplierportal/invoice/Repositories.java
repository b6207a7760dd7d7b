package mx.supplierportal.invoice;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    /**
     * The invoice, its row locked until the transaction ends: every change goes through here, so that a supplier's
     * send, a background SAT check and a reviewer's decision on the same invoice wait for one another instead of
     * failing on a stale version.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.id = :id")
    Optional<Invoice> lockById(Long id);

    /** The invoice a process instance works for: its client (the tenant) and its UUID (the business key). */
    @Query("select i.id from Invoice i where i.clientId = :clientId and i.uuid = :uuid")
    Optional<Long> idByClientIdAndUuid(Long clientId, String uuid);

    @Query("select i.xmlDocumentId from Invoice i where i.id = :id")
    Optional<Long> xmlDocumentIdOf(Long id);

    /**
     * The client's invoice of this UUID, locked; exact match on the stored (upper-case) UUID, so that the unique
     * index answers it at any table size (a second upload of the same CFDI waits for the first). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.clientId = :clientId and i.uuid = :uuid")
    Optional<Invoice> lockByClientIdAndUuid(Long clientId, String uuid);

    List<Invoice> findByRegistrationIdAndStatusOrderByCreatedAtAsc(Long registrationId, Invoice.Status status);

    /**
     * A search within one of the supplier's lists: serie, folio, "serie-folio" or UUID containing {@code text}
     * (upper case; "%" for any), issued between two instants; newest first, at most {@code limit} rows.
     */
    @Query("select i from Invoice i where i.registrationId = :registrationId and i.status in :statuses"
            + " and (upper(coalesce(i.serie, '')) like :text or upper(coalesce(i.folio, '')) like :text"
            + " or upper(concat(coalesce(i.serie, ''), '-', coalesce(i.folio, ''))) like :text or i.uuid like :text)"
            + " and i.issuedAt >= :from and i.issuedAt < :until order by i.issuedAt desc, i.id desc")
    List<Invoice> search(Long registrationId, Collection<Invoice.Status> statuses, String text,
            java.time.LocalDateTime from, java.time.LocalDateTime until, Limit limit);

    /** Keyset page, newest first: rows after (createdAt, id) of the previous page's last row. */
    @Query("select i from Invoice i where i.registrationId = :registrationId and i.status in :statuses"
            + " and (i.createdAt < :createdAt or (i.createdAt = :createdAt and i.id < :id))"
            + " order by i.createdAt desc, i.id desc")
    List<Invoice> page(Long registrationId, Collection<Invoice.Status> statuses, OffsetDateTime createdAt, Long id,
            Limit limit);

    /**
     * The API's list (newest first, keyset after (createdAt, id)): any of the user's registrations, statuses and an
     * issue-date range; the (client_supplier_id, created_at, id) index serves it.
     */
    @Query("select i from Invoice i where i.registrationId in :registrationIds and i.status in :statuses"
            + " and i.issuedAt >= :from and i.issuedAt < :until"
            + " and (i.createdAt < :createdAt or (i.createdAt = :createdAt and i.id < :id))"
            + " order by i.createdAt desc, i.id desc")
    List<Invoice> apiPage(Collection<Long> registrationIds, Collection<Invoice.Status> statuses,
            java.time.LocalDateTime from, java.time.LocalDateTime until, OffsetDateTime createdAt, Long id,
            Limit limit);

    /** The invoice of this CFDI (client and upper-case UUID), if any. */
    @Query("select i from Invoice i where i.clientId = :clientId and i.uuid = :uuid")
    Optional<Invoice> findByClientIdAndUuid(Long clientId, String uuid);

    /** Keyset page, oldest first. */
    @Query("select i from Invoice i where i.registrationId = :registrationId and i.status in :statuses"
            + " and (i.createdAt > :createdAt or (i.createdAt = :createdAt and i.id > :id))"
            + " order by i.createdAt asc, i.id asc")
    List<Invoice> pageAscending(Long registrationId, Collection<Invoice.Status> statuses, OffsetDateTime createdAt,
            Long id, Limit limit);
}

interface InvoiceRequirementRepository extends JpaRepository<InvoiceRequirement, Long> {

    @Query("select r from InvoiceRequirement r where r.clientId = :clientId order by r.position")
    List<InvoiceRequirement> findByClientIdOrderByPosition(Long clientId);
}

interface InvoiceSettingsRepository extends JpaRepository<InvoiceSettings, Long> {
}
