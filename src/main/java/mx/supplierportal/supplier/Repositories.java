package mx.supplierportal.supplier;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SupplierRepository extends JpaRepository<Supplier, Long> {

    Optional<Supplier> findByRfc(String rfc);

    /** True when no client registered the company and no user works for it (a self-registration left nothing). */
    @Query("select count(s) = 1 from Supplier s where s.id = :id"
            + " and not exists (select cs.id from ClientSupplier cs where cs.supplier.id = s.id)"
            + " and not exists (select u.id from SupplierUser u where u.supplierId = s.id)")
    boolean isUnused(Long id);
}

interface ClientSupplierRepository extends JpaRepository<ClientSupplier, Long> {

    boolean existsByClientIdAndSupplierId(Long clientId, Long supplierId);

    @EntityGraph(attributePaths = "supplier")
    Page<ClientSupplier> findByClientIdOrderByRegisteredAtDescIdDesc(Long clientId, Pageable pageable);

    @EntityGraph(attributePaths = "supplier")
    Optional<ClientSupplier> findByIdAndClientId(Long id, Long clientId);

    @Query("select cs from ClientSupplier cs join fetch cs.supplier s where cs.clientId in :clientIds"
            + " and cs.status = :status order by cs.businessName, cs.id")
    List<ClientSupplier> withClients(java.util.Collection<Long> clientIds, RegistrationStatus status);

    @Query("select cs from ClientSupplier cs join fetch cs.supplier where cs.id in :ids")
    List<ClientSupplier> withSuppliers(java.util.Collection<Long> ids);

    Optional<ClientSupplier> findByProcessInstanceId(String processInstanceId);

    /** The registrations this user was admitted to, oldest first. */
    @Query("select cs from ClientSupplier cs join fetch cs.supplier, RegistrationMember m"
            + " where m.key.registrationId = cs.id and m.key.userId = :userId order by cs.registeredAt, cs.id")
    List<ClientSupplier> ofMember(Long userId);

    /** That registration, only if this user was admitted to it. */
    @Query("select cs from ClientSupplier cs join fetch cs.supplier, RegistrationMember m"
            + " where cs.id = :registrationId and m.key.registrationId = cs.id and m.key.userId = :userId")
    Optional<ClientSupplier> ofMember(Long userId, Long registrationId);

    // The same three with each registration's client, in one query (rows of ClientSupplier, Client): a registration's
    // view is asked on nearly every request, and each lookup of its supplier and client was a query of its own

    @Query("select cs, c from ClientSupplier cs join fetch cs.supplier, Client c"
            + " where cs.id = :registrationId and c.id = cs.clientId")
    List<Object[]> withClient(Long registrationId);

    @Query("select cs, c from ClientSupplier cs join fetch cs.supplier, RegistrationMember m, Client c"
            + " where m.key.registrationId = cs.id and m.key.userId = :userId and c.id = cs.clientId"
            + " order by cs.registeredAt, cs.id")
    List<Object[]> ofMemberWithClients(Long userId);

    @Query("select cs, c from ClientSupplier cs join fetch cs.supplier, RegistrationMember m, Client c"
            + " where cs.id = :registrationId and m.key.registrationId = cs.id and m.key.userId = :userId"
            + " and c.id = cs.clientId")
    List<Object[]> ofMemberWithClient(Long userId, Long registrationId);
}

interface RegistrationMemberRepository extends JpaRepository<RegistrationMember, RegistrationMember.Key> {

    /** The users admitted to a registration, first admitted first (the first one receives its emails). */
    @Query("select m.key.userId from RegistrationMember m where m.key.registrationId = :registrationId"
            + " order by m.admittedAt, m.key.userId")
    List<Long> usersOf(Long registrationId, org.springframework.data.domain.Limit limit);

    @Query("select count(m) > 0 from RegistrationMember m where m.key.userId = :userId")
    boolean existsByKeyUserId(Long userId);

    /** Whether that user was admitted to that registration (JPQL: {@code existsById} builds its query on each call). */
    @Query("select count(m) > 0 from RegistrationMember m where m.key.registrationId = :registrationId"
            + " and m.key.userId = :userId")
    boolean admits(Long registrationId, Long userId);
}

interface SupplierUserRepository extends JpaRepository<SupplierUser, Long> {

    @Query("select u from SupplierUser u where u.email = :email")
    Optional<SupplierUser> findByEmail(String email);
}

interface AccountTokenRepository extends JpaRepository<AccountToken, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<AccountToken> findByTokenHash(String tokenHash);

    @Query("select t from AccountToken t where t.userId = :userId and t.purpose = :purpose"
            + " and t.usedAt is null and t.revokedAt is null")
    List<AccountToken> findOpen(Long userId, AccountToken.Purpose purpose);

    @org.springframework.data.jpa.repository.Modifying
    @Query("delete from AccountToken t where t.userId = :userId")
    void deleteByUser(Long userId);
}
