package mx.supplierportal.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What autovacuum does on a default PostgreSQL server, for a benchmark on a server that has it off (this machine's
 * has). Without it Camunda's job table, a queue whose rows are inserted, locked and deleted within seconds, kept every
 * dead row: after a few minutes of load ACT_RU_JOB held 40 live rows and 65,000 dead ones (21 MB), and the job
 * executor's acquisition query, a sequential scan, took 6 ms a call — about half of PostgreSQL's time per invoice in
 * every phase. Every {@value #NAPTIME_SECONDS} s it vacuums the tables past PostgreSQL's default thresholds (dead
 * rows above 50 + 20 % of the live ones) and analyzes those past 50 + 10 % changed rows. The naptime is shorter than
 * the server's default minute because a run lasts minutes, not days; a production server with a busy engine is
 * usually tuned the same way for the job table. Its work runs in a PostgreSQL backend, so its CPU counts in the
 * phases' PostgreSQL figures.
 */
final class Autovacuum implements AutoCloseable {

    static final int NAPTIME_SECONDS = 5;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-autovacuum");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger vacuums = new AtomicInteger();
    private final Connection connection;

    private Autovacuum(Connection connection) {
        this.connection = connection;
        timer.scheduleWithFixedDelay(this::round, NAPTIME_SECONDS, NAPTIME_SECONDS, TimeUnit.SECONDS);
    }

    /** Started only when the server's own autovacuum is off; else nothing to stand in for. */
    static AutoCloseable startIfOff(String url, String user, String password) throws Exception {
        Connection connection = DriverManager.getConnection(url, user, password);
        connection.setAutoCommit(true); // VACUUM cannot run inside a transaction
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("show autovacuum")) {
            rs.next();
            if ("on".equals(rs.getString(1))) {
                connection.close();
                System.out.println("  (autovacuum on: the server's own is measured)");
                return () -> { };
            }
        }
        System.out.printf(Locale.ROOT, "  (autovacuum off on this server: the benchmark vacuums and analyzes at "
                + "PostgreSQL's default thresholds every %d s)%n", NAPTIME_SECONDS);
        return new Autovacuum(connection);
    }

    private void round() {
        try (Statement statement = connection.createStatement()) {
            List<String> vacuum = new ArrayList<>();
            List<String> analyze = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("select quote_ident(schemaname) || '.' || quote_ident(relname), "
                    + "n_dead_tup > 50 + 0.2 * n_live_tup, n_mod_since_analyze > 50 + 0.1 * n_live_tup "
                    + "from pg_stat_user_tables")) {
                while (rs.next()) {
                    if (rs.getBoolean(2)) {
                        vacuum.add(rs.getString(1));
                    } else if (rs.getBoolean(3)) {
                        analyze.add(rs.getString(1));
                    }
                }
            }
            for (String table : vacuum) {
                statement.execute("vacuum (analyze) " + table);
                vacuums.incrementAndGet();
            }
            for (String table : analyze) {
                statement.execute("analyze " + table);
            }
        } catch (Exception e) {
            System.out.println("note: the benchmark's vacuum failed: " + e.getMessage());
        }
    }

    @Override
    public void close() throws Exception {
        timer.shutdownNow();
        timer.awaitTermination(1, TimeUnit.MINUTES);
        connection.close();
        System.out.printf(Locale.ROOT, "  (the benchmark vacuumed %d tables in all)%n", vacuums.get());
    }
}
