package org.hpcstatus.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of a test's own, on its own port and data directory, that the test may kill -9 and restart (the
 * machine's shared server is never touched). Needs Debian's mariadb-server binaries: /usr/sbin/mariadbd and
 * mariadb-install-db.
 */
public final class OwnMariaDb implements AutoCloseable {

    private static final String SERVER = "/usr/sbin/mariadbd";
    private static final String INSTALL = "/usr/bin/mariadb-install-db";

    private final Path dir;
    private final int port;

    private OwnMariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** A fresh data directory on a free port; not started. */
    public static OwnMariaDb create() {
        try {
            Path dir = Files.createTempDirectory("own-mariadb-");
            OwnMariaDb db = new OwnMariaDb(dir, freePort());
            db.run(List.of(INSTALL, "--no-defaults", "--datadir=" + dir.resolve("data"), "--user=" + user(),
                    "--auth-root-authentication-method=normal", "--skip-test-db"), dir.resolve("install.log"));
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server of {@link #create} in another class loader (a Quarkus test resource hands it to its test). */
    public static OwnMariaDb existing(String dir, int port) {
        return new OwnMariaDb(Path.of(dir), port);
    }

    public Path dir() {
        return dir;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
    }

    /** Starts the server and waits until it answers a query. */
    public void start() {
        Process process;
        try {
            process = new ProcessBuilder(SERVER, "--no-defaults", "--datadir=" + dir.resolve("data"), "--user=" + user(),
                    "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mysqld.sock"),
                    "--pid-file=" + dir.resolve("mysqld.pid"), "--skip-log-bin", "--innodb-buffer-pool-size=64M",
                    "--max-connections=300")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("server.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl("mysql"), "root", "")) {
                connection.createStatement().execute("SELECT 1");
                return;
            } catch (SQLException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("mariadbd exited; see " + dir.resolve("server.log"));
                }
                sleep(100);
            }
        }
        throw new IllegalStateException("mariadbd did not answer within 60 s; see " + dir.resolve("server.log"));
    }

    /** kill -9: no shutdown, no flush beyond what InnoDB made durable; open connections see a reset. */
    public void kill() {
        Path pidFile = dir.resolve("mysqld.pid");
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).ifPresent(server -> {
                server.destroyForcibly();
                server.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
            // a killed server leaves its pid file; the next start writes its own
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server's process is running. */
    public boolean isRunning() {
        Path pidFile = dir.resolve("mysqld.pid");
        try {
            return Files.exists(pidFile) && ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                    .map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    @Override
    public void close() {
        kill();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temp directory left behind is no test failure
        }
    }

    private void run(List<String> command, Path log) throws IOException {
        Process install = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!install.waitFor(60, TimeUnit.SECONDS) || install.exitValue() != 0) {
                throw new IllegalStateException("mariadb-install-db failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String user() {
        return System.getProperty("user.name");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
