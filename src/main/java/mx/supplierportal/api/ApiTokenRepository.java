package mx.supplierportal.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByUserIdOrderByCreatedAtDesc(Long userId);

    Optional<ApiToken> findByIdAndUserId(Long id, Long userId);

    @Query("select count(t) from ApiToken t where t.userId = :userId and t.revokedAt is null and t.expiresAt > :now")
    long countActive(Long userId, OffsetDateTime now);

    /** Last use, written at most once a minute per token (a script's every call would otherwise write a row). */
    @Modifying
    @Query(value = "update api_token set last_used_at = :now where id = :id and (last_used_at is null"
            + " or last_used_at < :earlier)", nativeQuery = true)
    int touch(Long id, OffsetDateTime now, OffsetDateTime earlier);
}
