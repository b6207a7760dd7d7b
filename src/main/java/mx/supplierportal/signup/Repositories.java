package mx.supplierportal.signup;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SignupAccountRepository extends JpaRepository<SignupAccount, Long> {

    Optional<SignupAccount> findBySupplierUserId(long supplierUserId);

    @Query("select count(a) > 0 from SignupAccount a where a.supplierUserId = :supplierUserId and a.status = :status")
    boolean existsBySupplierUserIdAndStatus(long supplierUserId, SignupAccount.Status status);

    Optional<SignupAccount> findByProcessInstanceId(String processInstanceId);
}

interface SeriesRepository extends JpaRepository<Series, Long> {

    List<Series> findByAccountIdOrderBySerie(long accountId);

    /** That series, only if it belongs to the account: another account's id is "not found". */
    Optional<Series> findByIdAndAccountId(long id, long accountId);

    boolean existsByAccountIdAndSerie(long accountId, String serie);

    void deleteByAccountId(long accountId);
}

interface StampOrderRepository extends JpaRepository<StampOrder, Long> {

    List<StampOrder> findByAccountIdOrderByCreatedAtDescIdDesc(long accountId);

    /** That order, only if it belongs to the account: another account's id is "not found". */
    Optional<StampOrder> findByIdAndAccountId(long id, long accountId);

    Optional<StampOrder> findByPaypalOrderId(String paypalOrderId);
}

interface SignupCsdRepository extends JpaRepository<SignupCsd, Long> {
}
