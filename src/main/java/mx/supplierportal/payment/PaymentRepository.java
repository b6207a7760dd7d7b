package mx.supplierportal.payment;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PaymentRepository extends JpaRepository<Payment, Long> {

    boolean existsByClientIdAndNumberKey(Long clientId, String numberKey);

    @Query("select p.id from Payment p where p.clientId = :clientId and p.numberKey = :numberKey")
    Optional<Long> idByClientIdAndNumberKey(Long clientId, String numberKey);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.id = :id")
    Optional<Payment> lockById(Long id);

    /** "Payments > Archive", newest first, keyset-paged by (paidOn, id). */
    @Query("select p from Payment p where p.registrationId in :registrationIds"
            + " and (p.paidOn < :paidOn or (p.paidOn = :paidOn and p.id < :id)) order by p.paidOn desc, p.id desc")
    List<Payment> archive(java.util.Collection<Long> registrationIds, LocalDate paidOn, Long id, Limit limit);

    /** Treasury's list: the payments of these clients, newest first, keyset-paged by (paidOn, id). */
    @Query("select p from Payment p where p.clientId in :clientIds"
            + " and (p.paidOn < :paidOn or (p.paidOn = :paidOn and p.id < :id)) order by p.paidOn desc, p.id desc")
    List<Payment> ofClients(Collection<Long> clientIds, LocalDate paidOn, Long id, Limit limit);

    /** The same, only payments whose complement is in this status. */
    @Query("select p from Payment p where p.clientId in :clientIds and p.complementStatus = :status"
            + " and (p.paidOn < :paidOn or (p.paidOn = :paidOn and p.id < :id)) order by p.paidOn desc, p.id desc")
    List<Payment> ofClients(Collection<Long> clientIds, Payment.ComplementStatus status, LocalDate paidOn, Long id,
            Limit limit);
}
