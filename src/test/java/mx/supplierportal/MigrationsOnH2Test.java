package mx.supplierportal;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The same Flyway scripts serve the embedded default (H2) and production (PostgreSQL, exercised by every
 * integration test). This runs them on H2.
 */
class MigrationsOnH2Test {

    @Test
    void everyMigrationRunsOnH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrations;DB_CLOSE_DELAY=-1");
        MigrateResult result = Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isPositive();
    }
}
