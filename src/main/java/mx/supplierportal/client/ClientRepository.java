package mx.supplierportal.client;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClientRepository extends JpaRepository<Client, Long> {

    Optional<Client> findByCode(String code);

    Optional<Client> findByRfc(String rfc);
}
