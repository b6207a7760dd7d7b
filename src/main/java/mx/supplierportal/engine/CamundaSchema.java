package mx.supplierportal.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 14: the Camunda 7 schema, created with the SQL scripts the engine jar itself ships
 * ({@code org/camunda/bpm/engine/db/create/activiti.{vendor}.create.{component}.sql}, the same scripts
 * {@code schema-update: true} would run), in the engine's own order. A database whose Camunda tables already exist
 * (an installation made before this migration, by the engine itself) is left as it is. The engine then starts with
 * {@code schema-update: false}: it checks its tables and never changes them (docs/decisions.md, "Database schema").
 * Spring Boot registers {@code JavaMigration} beans with its Flyway.
 */
@Component
public class CamundaSchema extends BaseJavaMigration {

    private static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine",
            "case.history", "decision.engine", "decision.history");

    @Override
    protected void init() {
        // version and description below, not from the class name
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("14");
    }

    @Override
    public String getDescription() {
        return "Camunda 7 schema";
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (exists(connection, "ACT_GE_PROPERTY")) {
            return;
        }
        String vendor = vendor(connection);
        for (String component : COMPONENTS) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource(
                    "org/camunda/bpm/engine/db/create/activiti." + vendor + ".create." + component + ".sql"));
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String vendor(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return "postgres";
        }
        if (product.contains("h2")) {
            return "h2";
        }
        throw new IllegalStateException("The portal creates the Camunda schema on PostgreSQL or H2, not on " + product
                + ": create it with Camunda's SQL scripts for that database");
    }
}
