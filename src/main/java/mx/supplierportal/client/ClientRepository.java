package mx.supplierportal.client;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

// Queries asked on every request are JPQL (@Query), not derived from the method name: docs/decisions.md,
// "Queries on hot paths are JPQL"
interface ClientRepository extends JpaRepository<Client, Long> {

    @Query("select c from Client c where c.code = :code")
    Optional<Client> findByCode(String code);

    @Query("select c from Client c where c.rfc = :rfc")
    Optional<Client> findByRfc(String rfc);
}
