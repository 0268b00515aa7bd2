package dev.auditweave.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for one test class: {@code initdb} into a temporary directory, {@code pg_ctl start
 * -w} on a free loopback port (no Unix socket outside that directory), trust authentication for the superuser
 * {@value #SUPERUSER}, durability switched off (the data is deleted anyway). {@link #close()} stops the server and
 * deletes the directory; a JVM shutdown hook does the same if a test run dies before {@code close()}.
 *
 * <pre>{@code
 * try (PostgresServer server = PostgresServer.startOrSkip()) {
 *     String url = server.createDatabase("agent_17");   // jdbc:postgresql://127.0.0.1:<port>/agent_17?user=auditweave
 * }
 * }</pre>
 *
 * <p>The binaries come from {@value #BIN_VARIABLE} or {@link #DEFAULT_BIN}; without them the calling test is skipped,
 * naming where it looked. PostgreSQL refuses to run as root: as root, every command runs as the operating-system
 * user {@value #OS_USER_VARIABLE} names (default {@value #DEFAULT_OS_USER}) through {@code runuser}.
 */
final class PostgresServer implements AutoCloseable {

    /** Environment variable naming the directory of {@code initdb}, {@code pg_ctl} and {@code postgres}. */
    static final String BIN_VARIABLE = "AUDITWEAVE_TEST_PG_BIN";
    static final Path DEFAULT_BIN = Path.of("/usr/local/bin");
    /** Environment variable naming the operating-system user the server runs as when the tests run as root. */
    static final String OS_USER_VARIABLE = "AUDITWEAVE_TEST_PG_USER";
    static final String DEFAULT_OS_USER = "postgres";
    static final String SUPERUSER = "auditweave";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final int START_ATTEMPTS = 3;
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final Path bin;
    /** {@code runuser -u <user> --} when the tests run as root; else empty. */
    private final List<String> runAs;
    private final Path directory;
    private final Path data;
    private final Thread shutdownHook;
    private int port;
    private boolean stopped;

    private PostgresServer(Path bin, List<String> runAs, Path directory) {
        this.bin = bin;
        this.runAs = runAs;
        this.directory = directory;
        this.data = directory.resolve("data");
        this.shutdownHook = new Thread(this::stopAndDelete, "postgres-server-cleanup");
    }

    /**
     * Initialises and starts a server; skips the calling test (a JUnit assumption) when the binaries are missing.
     *
     * @throws IllegalStateException when a binary fails, with its output
     */
    static PostgresServer startOrSkip() {
        String configured = System.getenv(BIN_VARIABLE);
        Path bin = configured == null || configured.isBlank() ? DEFAULT_BIN : Path.of(configured);
        for (String binary : List.of("initdb", "pg_ctl", "postgres")) {
            assumeTrue(Files.isExecutable(bin.resolve(binary)), "no PostgreSQL: " + bin.resolve(binary)
                    + " is missing (set " + BIN_VARIABLE + " to the directory of initdb, pg_ctl and postgres)");
        }
        PostgresServer server;
        try {
            UserPrincipal osUser = isRoot() ? osUser() : null;
            Path directory = Files.createTempDirectory("auditweave-pg-");
            server = new PostgresServer(bin, osUser == null ? List.of()
                    : List.of("runuser", "-u", osUser.getName(), "--"), directory);
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            if (osUser != null) {
                Files.setOwner(directory, osUser);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare a PostgreSQL directory", e);
        }
        try {
            server.initdb();
            server.start();
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** Creates an empty database; its JDBC URL, the superuser named in it. */
    String createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a database name is lower-case letters, digits and '_', starting with"
                    + " a letter, at most 63 characters: '" + name + "'");
        }
        try (Connection connection = DriverManager.getConnection(url("postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " on port " + port, e);
        }
        return url(name);
    }

    /** Stops the server (immediate shutdown) and deletes its directory; idempotent. */
    @Override
    public void close() {
        stopAndDelete();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs (or ran) stopAndDelete, which does nothing twice.
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
    }

    private void initdb() {
        run("initdb", List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"));
    }

    /** {@code pg_ctl start -w}; a port taken between choosing and binding it is retried with another one. */
    private void start() {
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            port = freePort();
            String options = "-c listen_addresses=127.0.0.1 -p " + port + " -k " + directory
                    + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=20";
            try {
                run("pg_ctl-start", List.of(bin.resolve("pg_ctl").toString(), "start", "-w", "-t", "60",
                        "-D", data.toString(), "-l", directory.resolve("server.log").toString(), "-o", options));
                return;
            } catch (IllegalStateException e) {
                failure = failure == null ? e : failure;
                if (failure != e) {
                    failure.addSuppressed(e);
                }
            }
        }
        throw failure;
    }

    private synchronized void stopAndDelete() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                run("pg_ctl-stop", List.of(bin.resolve("pg_ctl").toString(), "stop", "-w", "-t", "30",
                        "-m", "immediate", "-D", data.toString()));
            } catch (RuntimeException e) {
                killPostmaster();
            }
        }
        deleteTree(directory);
    }

    /** The last resort when {@code pg_ctl stop} failed: the pid is the first line of {@code postmaster.pid}. */
    private void killPostmaster() {
        try {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        } catch (IOException | RuntimeException e) {
            System.err.println("PostgresServer: could not stop the server in " + data + ": " + e);
        }
    }

    /** Runs one command (as {@link #runAs} when set), its output in a file; fails with that output. */
    private void run(String name, List<String> command) {
        List<String> full = new ArrayList<>(runAs);
        full.addAll(command);
        Path output = directory.resolve(name + ".out");
        try {
            Process process = new ProcessBuilder(full).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s: "
                        + String.join(" ", full) + "\n" + read(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ": "
                        + String.join(" ", full) + "\n" + read(output) + serverLog());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", full), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        }
    }

    private String serverLog() {
        Path log = directory.resolve("server.log");
        return Files.exists(log) ? "\nserver.log:\n" + read(log) : "";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** The user to run the server as when the tests run as root, where initdb and postgres refuse to run. */
    private static UserPrincipal osUser() {
        String configured = System.getenv(OS_USER_VARIABLE);
        String user = configured == null || configured.isBlank() ? DEFAULT_OS_USER : configured;
        try {
            return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(user);
        } catch (IOException e) {
            throw new IllegalStateException("the tests run as root, where PostgreSQL refuses to run, and there is no"
                    + " user '" + user + "' to run it as (set " + OS_USER_VARIABLE + " to an existing user)", e);
        }
    }

    private static boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("PostgresServer: could not delete " + root + ": " + e);
        }
    }
}
