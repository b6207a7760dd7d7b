package mx.supplierportal.stamping;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StampRequestRepository extends JpaRepository<StampRequest, Long> {

    Optional<StampRequest> findByIdAndAccountId(long id, long accountId);

    /**
     * One page of an account's requests, newest first, after the id {@code before} (keyset paging: the page costs
     * the same however far back it is), matching {@code search} in UUID, serie-folio or receiver RFC when given.
     */
    @Query("select r from StampRequest r where r.accountId = :account and r.id < :before and (:search = '' or "
            + "lower(r.uuid) like concat('%', :search, '%') or lower(r.receiverRfc) like concat('%', :search, '%') "
            + "or lower(concat(coalesce(r.serie, ''), '-', coalesce(r.folio, ''))) like concat('%', :search, '%') "
            + "or lower(concat(coalesce(r.serie, ''), coalesce(r.folio, ''))) like concat('%', :search, '%')) "
            + "order by r.id desc")
    List<StampRequest> page(@Param("account") long accountId, @Param("before") long before,
            @Param("search") String search, Limit limit);

    long countByAccountIdAndStatus(long accountId, StampRequest.Status status);
}
