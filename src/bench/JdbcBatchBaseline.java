import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ceiling for ingest: the rows one full Derecho post writes (1 snapshot, 8 login node rows, 5 queue rows,
 * 2 filesystem rows, the latest pointer moved), written with plain JDBC, children in batches, one transaction per
 * snapshot, from 8 threads. No validation, no HTTP, no ORM. Run as a single-file program:
 *   java -cp mariadb-java-client.jar src/bench/JdbcBatchBaseline.java JDBC_URL USER PASSWORD SECONDS
 * Prints "snapshots/s p99_ms".
 */
public class JdbcBatchBaseline {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args.length > 2 ? args[2] : "";
        long seconds = args.length > 3 ? Long.parseLong(args[3]) : 10;
        int threads = 8;
        long systemId;
        long[] loginNodes = new long[8];
        long[] queues = new long[5];
        long[] filesystems = new long[2];
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT system_id FROM hpc_system WHERE name = 'derecho'");
            rs.next();
            systemId = rs.getLong(1);
            fill(st, "SELECT login_node_id FROM login_node WHERE system_id = " + systemId + " ORDER BY login_node_id", loginNodes);
            fill(st, "SELECT queue_id FROM batch_queue WHERE system_id = " + systemId + " ORDER BY queue_id", queues);
            fill(st, "SELECT filesystem_id FROM filesystem WHERE system_id = " + systemId + " ORDER BY filesystem_id", filesystems);
        }
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        // Timestamps two days back, distinct per thread and row, so nothing collides with the service's own rows.
        Instant base = Instant.now().minusSeconds(2 * 86400);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            final int thread = t;
            results.add(pool.submit(() -> run(url, user, password, systemId, loginNodes, queues, filesystems,
                    base.plusSeconds(thread * 3600L), deadline)));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<long[]> result : results) {
            for (long l : result.get()) {
                latencies.add(l);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double p99 = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6;
        System.out.printf("%.1f %.2f%n", sorted.length / elapsed, p99);
    }

    private static void fill(Statement st, String sql, long[] into) throws Exception {
        ResultSet rs = st.executeQuery(sql);
        for (int i = 0; i < into.length && rs.next(); i++) {
            into[i] = rs.getLong(1);
        }
    }

    private static long[] run(String url, String user, String password, long systemId, long[] loginNodes, long[] queues,
            long[] filesystems, Instant base, long deadline) throws Exception {
        List<Long> latencies = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            // Ids from the service's sequences (V2), one round trip each, as a plain JDBC writer would take them.
            PreparedStatement nextId = c.prepareStatement("SELECT NEXT VALUE FOR status_snapshot_seq");
            PreparedStatement snapshot = c.prepareStatement("INSERT INTO status_snapshot (snapshot_id, system_id, observed_at,"
                    + " received_at, content_hash, cpu_nodes_total, cpu_nodes_available, gpu_nodes_total, gpu_nodes_available,"
                    + " cpu_utilization_percent, gpu_utilization_percent, running_jobs, pending_jobs, active_users)"
                    + " VALUES (?, ?, ?, ?, 'jdbc-baseline', 2488, 1850, 82, 45, 76.2, 73.9, 1245, 328, 156)");
            PreparedStatement login = c.prepareStatement("INSERT INTO login_node_status (login_node_status_id, snapshot_id,"
                    + " login_node_id, node_type, available, degraded, user_count, load_1min, load_5min, load_15min)"
                    + " VALUES (NEXT VALUE FOR login_node_status_seq, ?, ?, 'cpu', TRUE, FALSE, 12, 2.3, 2.5, 2.8)");
            PreparedStatement queue = c.prepareStatement("INSERT INTO queue_status (queue_status_id, snapshot_id, queue_id,"
                    + " running_jobs, pending_jobs, active_users, cores_allocated, gpus_allocated, nodes_allocated)"
                    + " VALUES (NEXT VALUE FOR queue_status_seq, ?, ?, 890, 245, 98, 185000, 0, 1432)");
            PreparedStatement fs = c.prepareStatement("INSERT INTO filesystem_status (filesystem_status_id, snapshot_id,"
                    + " filesystem_id, available, degraded, capacity_tb, used_tb, utilization_percent)"
                    + " VALUES (NEXT VALUE FOR filesystem_status_seq, ?, ?, TRUE, FALSE, 20000.0, 16500.0, 82.5)");
            PreparedStatement latest = c.prepareStatement("UPDATE latest_snapshot SET snapshot_id = ?, observed_at = ?"
                    + " WHERE system_id = ? AND (observed_at IS NULL OR observed_at < ?)");
            long n = 0;
            while (System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                Timestamp at = Timestamp.from(base.plusNanos(++n * 1000));
                ResultSet next = nextId.executeQuery();
                next.next();
                long id = next.getLong(1);
                snapshot.setLong(1, id);
                snapshot.setLong(2, systemId);
                snapshot.setTimestamp(3, at);
                snapshot.setTimestamp(4, at);
                snapshot.executeUpdate();
                batch(login, id, loginNodes);
                batch(queue, id, queues);
                batch(fs, id, filesystems);
                latest.setLong(1, id);
                latest.setTimestamp(2, at);
                latest.setLong(3, systemId);
                latest.setTimestamp(4, at);
                latest.executeUpdate();
                c.commit();
                latencies.add(System.nanoTime() - t0);
            }
        }
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    private static void batch(PreparedStatement statement, long snapshotId, long[] lookupIds) throws Exception {
        for (long lookupId : lookupIds) {
            statement.setLong(1, snapshotId);
            statement.setLong(2, lookupId);
            statement.addBatch();
        }
        statement.executeBatch();
    }
}
