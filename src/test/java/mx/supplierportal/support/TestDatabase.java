package mx.supplierportal.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The PostgreSQL server of the integration tests. With {@code TEST_POSTGRES_URL} (a JDBC URL of an existing server
 * whose user may create databases, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}) a fresh
 * database is created for this test run and dropped at the end; otherwise Testcontainers starts one when Docker is
 * available. With neither, the tests fail and say so: they never fall back to another database.
 */
public final class TestDatabase {

    public record Connection(String url, String username, String password) {
    }

    private static final String PREFIX = "portal_test_";
    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");
    private static Connection connection;

    private TestDatabase() {
    }

    public static synchronized Connection get() {
        if (connection == null) {
            connection = start();
        }
        return connection;
    }

    private static Connection start() {
        String serverUrl = System.getenv("TEST_POSTGRES_URL");
        if (serverUrl != null && !serverUrl.isBlank()) {
            return freshDatabaseOn(serverUrl.strip());
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        throw new IllegalStateException("The integration tests need PostgreSQL, and none was found: set "
                + "TEST_POSTGRES_URL to the JDBC URL of a server whose user may create databases (for example "
                + "TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres'), or start Docker "
                + "so that Testcontainers can run one.");
    }

    private static Connection freshDatabaseOn(String serverUrl) {
        Matcher matcher = JDBC_URL.matcher(serverUrl);
        if (!matcher.matches()) {
            throw new IllegalStateException("TEST_POSTGRES_URL must look like "
                    + "jdbc:postgresql://HOST:PORT/DATABASE?user=USER, not " + serverUrl);
        }
        dropLeftovers(serverUrl);
        String database = PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(serverUrl, "create database " + database);
        String query = matcher.group(3) == null ? "" : matcher.group(3);
        return new Connection(matcher.group(1) + database + query, null, null);
    }

    /**
     * Databases of earlier runs are dropped when the next run starts (not at the end of a run, where the
     * application's connections are still open). One that is in use, by a run going on right now, is left alone.
     */
    private static void dropLeftovers(String serverUrl) {
        try (java.sql.Connection db = DriverManager.getConnection(serverUrl);
                Statement statement = db.createStatement();
                ResultSet names = statement.executeQuery(
                        "select datname from pg_database where datname like '" + PREFIX + "%'")) {
            List<String> leftovers = new ArrayList<>();
            while (names.next()) {
                leftovers.add(names.getString(1));
            }
            for (String leftover : leftovers) {
                try (Statement drop = db.createStatement()) {
                    drop.execute("drop database if exists " + leftover);
                } catch (SQLException inUse) {
                    // another test run is using it
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach PostgreSQL at TEST_POSTGRES_URL: " + e.getMessage(), e);
        }
    }

    private static void execute(String url, String sql) {
        try (java.sql.Connection db = DriverManager.getConnection(url); Statement statement = db.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at TEST_POSTGRES_URL refused '" + sql + "': " + e.getMessage(),
                    e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
