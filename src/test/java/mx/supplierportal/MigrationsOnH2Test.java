package mx.supplierportal;

import static org.assertj.core.api.Assertions.assertThat;

import mx.supplierportal.engine.CamundaSchema;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same Flyway scripts serve the embedded default (H2) and production (PostgreSQL, exercised by every
 * integration test). This runs them on H2, with the Camunda schema migration as the application registers it.
 */
class MigrationsOnH2Test {

    private static MigrateResult migrate(JdbcDataSource h2) {
        return Flyway.configure().dataSource(h2).locations("classpath:db/migration")
                .javaMigrations(new CamundaSchema()).load().migrate();
    }

    private static JdbcDataSource h2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @Test
    void everyMigrationRunsOnH2AndCreatesTheCamundaSchema() {
        JdbcDataSource h2 = h2("migrations");
        MigrateResult result = migrate(h2);
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isPositive();
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        assertThat(jdbc.queryForObject("select count(*) from ACT_GE_PROPERTY where NAME_ = 'schema.version'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_TASK", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_PROCINST", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER", Integer.class)).isZero();
    }

    /** An installation whose engine made its own tables before migration 14 keeps them as they are. */
    @Test
    void anExistingCamundaSchemaIsLeftAsItIs() {
        JdbcDataSource h2 = h2("existing");
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").target("13").load().migrate();
        jdbc.execute("create table ACT_GE_PROPERTY (NAME_ varchar(64), VALUE_ varchar(300), REV_ integer, "
                + "primary key (NAME_))");
        jdbc.update("insert into ACT_GE_PROPERTY values ('schema.version', 'made by the engine', 1)");
        assertThat(migrate(h2).success).isTrue();
        assertThat(jdbc.queryForObject("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'schema.version'",
                String.class)).isEqualTo("made by the engine");
    }
}
