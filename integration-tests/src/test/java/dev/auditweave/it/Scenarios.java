package dev.auditweave.it;

import dev.auditweave.testing.LoopbackReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Launches {@code ScenarioMain} in a child JVM against a fresh {@link LoopbackReceiver} and keeps what it left.
 * Each (mode, scenario) runs at most once per test JVM: the suites and the parity test share the runs.
 */
final class Scenarios {

    /** The header values the child's environment holds; the configuration names them as {@code ${VAR}}. */
    static final String CLIENT_ID_VARIABLE = "ABUSE_SERVICE_CF_ACCESS_CLIENT_ID";
    static final String CLIENT_SECRET_VARIABLE = "ABUSE_SERVICE_CF_ACCESS_CLIENT_SECRET";
    static final String CLIENT_ID = "it-client-7f3a.access";
    static final String CLIENT_SECRET = "it-secret-5b9e0c";

    /** Events the main scenario sends per request at most, so that it takes several requests. */
    static final int MAIN_BATCH_MAX_EVENTS = 5;
    /** Calls in the held-endpoint burst, and the queue it overflows. */
    static final int HELD_BURST_CALLS = 1000;
    static final int HELD_QUEUE_CAPACITY = 4;
    /**
     * The default deadline. The held scenario must reach the endpoint before the JVM halts; on a loaded machine
     * the worker's first request (HTTP client start, connect) can take longer than the 1 s of the other bursts.
     */
    static final long HELD_SHUTDOWN_TIMEOUT_MS = 5000;
    static final int DEAD_BURST_CALLS = 50;
    static final int DRAIN_BURST_CALLS = 10;
    static final int RETRY_BURST_CALLS = 10;
    static final String INVALID_KEY = "auditweave.queue.capacity";
    static final String INVALID_VALUE = "lots";
    /** The shutdown deadline of the burst runs. */
    static final long BURST_SHUTDOWN_TIMEOUT_MS = 1000;
    /** A generous bound for a child to exit by itself: JVM start plus the shutdown deadline, many times over. */
    static final long BURST_EXIT_BOUND_SECONDS = 30;
    private static final long MAIN_EXIT_BOUND_SECONDS = 90;

    private static final Map<String, ScenarioRun> RUNS = new HashMap<>();

    private Scenarios() {
    }

    /** The main scenario: every feature, ending with {@code Auditweave.flush}. */
    static synchronized ScenarioRun main(ChildJvm jvm) {
        return RUNS.computeIfAbsent(jvm.name() + "/main", name -> {
            try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
                return run(name, jvm, receiver, null, httpTo(receiver.url(),
                        "auditweave.batch.max-events=" + MAIN_BATCH_MAX_EVENTS), List.of(), MAIN_EXIT_BOUND_SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Sites declared and switched off in configuration ({@link DeclaredSitesIT}): system properties declare sites on
     * Jackson's ObjectMapper and Spring's ErrorHandler interface, a method that does not exist, a class that never
     * loads, and switch off a declared method and the user.* types.
     */
    static synchronized ScenarioRun declared(ChildJvm jvm) {
        return RUNS.computeIfAbsent(jvm.name() + "/declared", name -> {
            try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
                List<String> properties = new java.util.ArrayList<>(httpTo(receiver.url()));
                properties.addAll(DeclaredSitesIT.CONFIGURATION);
                return run(name, jvm, receiver, null, properties, List.of("declared"), MAIN_EXIT_BOUND_SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Annotations inherited from interfaces, abstract and superclass methods, a JDK proxy and a bridge method. */
    static synchronized ScenarioRun inherited(ChildJvm jvm) {
        return RUNS.computeIfAbsent(jvm.name() + "/inherited", name -> {
            try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
                return run(name, jvm, receiver, null, httpTo(receiver.url()), List.of("inherited"),
                        MAIN_EXIT_BOUND_SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** {@code ACTOR} from the fixtures' ServiceLoader resolver (user, system, anonymous, throwing), cyclic values. */
    static synchronized ScenarioRun actors(ChildJvm jvm) {
        return RUNS.computeIfAbsent(jvm.name() + "/actors", name -> {
            try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
                return run(name, jvm, receiver, null, httpTo(receiver.url()), List.of("actors"),
                        MAIN_EXIT_BOUND_SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Enrichers off the calling thread: a ServiceLoader provider, one added in code, one that throws, an unknown name. */
    static synchronized ScenarioRun enrich(ChildJvm jvm) {
        return RUNS.computeIfAbsent(jvm.name() + "/enrich", name -> {
            try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
                return run(name, jvm, receiver, null, httpTo(receiver.url()), List.of("enrich"),
                        MAIN_EXIT_BOUND_SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Two sinks of the fixtures' own type {@code it-file} ({@code FileSinkProvider}, found by ServiceLoader in the
     * application's class path): {@code audit} appends to {@code <directory>/audit.jsonl}, {@code broken} throws on
     * every batch. Not kept: the directory belongs to the caller.
     */
    static ScenarioRun userSinks(ChildJvm jvm, Path directory) {
        return run(jvm.name() + "/user-sinks", jvm, null, null, List.of(
                        "auditweave.sinks=audit,broken",
                        "auditweave.sink.audit.type=it-file",
                        "auditweave.sink.audit.path=" + directory.resolve("audit.jsonl"),
                        "auditweave.sink.broken.type=it-file",
                        "auditweave.sink.broken.path=" + directory.resolve("broken.jsonl"),
                        "auditweave.sink.broken.fail=true"),
                List.of("sink"), MAIN_EXIT_BOUND_SECONDS);
    }

    /**
     * The user-sink scenario ({@code SinkScenario}) with one sink {@code audit} of the built-in type {@code jdbc},
     * writing to the table {@code audit_log} at {@code jdbcUrl}, whose driver is on the application's class path.
     * Not kept: the database belongs to the caller.
     */
    static ScenarioRun jdbcSink(ChildJvm jvm, String jdbcUrl) {
        return run(jvm.name() + "/jdbc-sink", jvm, null, null, List.of(
                        "auditweave.sinks=audit",
                        "auditweave.sink.audit.type=jdbc",
                        "auditweave.sink.audit.url=" + jdbcUrl),
                List.of("sink"), MAIN_EXIT_BOUND_SECONDS);
    }

    /** Events inside the public hook's and Spring's transactions on H2 ({@code TransactionScenario}), flushed. */
    static synchronized ScenarioRun transactions(ChildJvm jvm) {
        return RUNS.computeIfAbsent(jvm.name() + "/transactions", name -> {
            try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
                return run(name, jvm, receiver, null, httpTo(receiver.url()), List.of("transactions"),
                        MAIN_EXIT_BOUND_SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** {@code on = THROWN} annotations and methods returning a {@code CompletionStage} ({@code OutcomeScenario}). */
    static synchronized ScenarioRun outcomes(ChildJvm jvm) {
        return RUNS.computeIfAbsent(jvm.name() + "/outcomes", name -> {
            try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
                return run(name, jvm, receiver, null, httpTo(receiver.url()), List.of("outcomes"),
                        MAIN_EXIT_BOUND_SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Methods returning a Reactor {@code Mono} or {@code Flux} ({@code ReactorScenario}), flushed. */
    static synchronized ScenarioRun reactor(ChildJvm jvm) {
        return RUNS.computeIfAbsent(jvm.name() + "/reactor", name -> {
            try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
                return run(name, jvm, receiver, null, httpTo(receiver.url()), List.of("reactor"),
                        MAIN_EXIT_BOUND_SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The transaction scenario on the PostgreSQL database at {@code jdbcUrl}, flushed. Not kept: the database belongs
     * to the caller, which runs it once.
     */
    static ScenarioRun postgres(ChildJvm jvm, String jdbcUrl) {
        try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
            return run(jvm.name() + "/postgres", jvm, receiver, null, httpTo(receiver.url()),
                    List.of("postgres", jdbcUrl), MAIN_EXIT_BOUND_SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The main scenario with {@code auditweave.enabled=false}. */
    static synchronized ScenarioRun disabled(ChildJvm jvm) {
        return RUNS.computeIfAbsent(jvm.name() + "/disabled", name -> {
            try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
                return run(name, jvm, receiver, null, httpTo(receiver.url(), "auditweave.enabled=false"), List.of(),
                        MAIN_EXIT_BOUND_SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * A burst of calls against an endpoint that accepts requests and never answers, with a tiny queue: the
     * queue overflows, nothing is delivered, and the JVM must still exit once main returns.
     */
    static synchronized ScenarioRun heldEndpointBurst(ChildJvm jvm) {
        return RUNS.computeIfAbsent(jvm.name() + "/held-burst", name -> {
            try (LoopbackReceiver receiver = LoopbackReceiver.start().hold()) {
                // Small batches: the first one goes out (and hangs) while the burst is still running.
                return run(name, jvm, receiver, null, httpTo(receiver.url(),
                                "auditweave.batch.max-events=2",
                                "auditweave.queue.capacity=" + HELD_QUEUE_CAPACITY,
                                "auditweave.shutdown.timeout-ms=" + HELD_SHUTDOWN_TIMEOUT_MS),
                        List.of("burst", String.valueOf(HELD_BURST_CALLS)), BURST_EXIT_BOUND_SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A burst of calls against a port where nothing listens (connection refused). */
    static synchronized ScenarioRun deadEndpointBurst(ChildJvm jvm) {
        return RUNS.computeIfAbsent(jvm.name() + "/dead-burst", name -> {
            URI dead = URI.create("http://127.0.0.1:" + closedPort() + "/api/events");
            return run(name, jvm, null, null, httpTo(dead,
                            "auditweave.shutdown.timeout-ms=" + BURST_SHUTDOWN_TIMEOUT_MS),
                    List.of("burst", String.valueOf(DEAD_BURST_CALLS)), BURST_EXIT_BOUND_SECONDS);
        });
    }

    /**
     * A few calls with a batch delay far longer than the run and no flush: only the drain at JVM exit can
     * deliver them.
     */
    static synchronized ScenarioRun drainAtExit(ChildJvm jvm) {
        return RUNS.computeIfAbsent(jvm.name() + "/drain-at-exit", name -> {
            try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
                return run(name, jvm, receiver, null, httpTo(receiver.url(),
                                "auditweave.batch.max-delay-ms=600000", "auditweave.shutdown.timeout-ms=10000"),
                        List.of("burst", String.valueOf(DRAIN_BURST_CALLS)), BURST_EXIT_BOUND_SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * A few calls and a flush against an endpoint that first answers 503, then 429 with {@code Retry-After: 0},
     * then 200.
     */
    static synchronized ScenarioRun transientFailures(ChildJvm jvm) {
        return RUNS.computeIfAbsent(jvm.name() + "/transient-failures", name -> {
            try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
                receiver.respond(LoopbackReceiver.Reply.status(503),
                        LoopbackReceiver.Reply.status(429).header("Retry-After", "0"));
                return run(name, jvm, receiver, null, httpTo(receiver.url(),
                                "auditweave.batch.max-events=" + RETRY_BURST_CALLS),
                        List.of("burst", String.valueOf(RETRY_BURST_CALLS), "flush"), BURST_EXIT_BOUND_SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A few calls and a flush against an endpoint that answers 400 (a client error: never worth a retry). */
    static synchronized ScenarioRun rejected(ChildJvm jvm) {
        return RUNS.computeIfAbsent(jvm.name() + "/rejected", name -> {
            try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
                receiver.respond(LoopbackReceiver.Reply.status(400).body("{\"error\":\"bad envelope\"}"));
                return run(name, jvm, receiver, null, httpTo(receiver.url(),
                                "auditweave.batch.max-events=" + RETRY_BURST_CALLS),
                        List.of("burst", String.valueOf(RETRY_BURST_CALLS), "flush"), BURST_EXIT_BOUND_SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A few calls and a flush with an invalid {@code auditweave.queue.capacity}. */
    static synchronized ScenarioRun invalidConfiguration(ChildJvm jvm) {
        return RUNS.computeIfAbsent(jvm.name() + "/invalid-configuration", name -> {
            try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
                return run(name, jvm, receiver, null, httpTo(receiver.url(),
                                INVALID_KEY + "=" + INVALID_VALUE),
                        List.of("burst", String.valueOf(RETRY_BURST_CALLS), "flush"), BURST_EXIT_BOUND_SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * A burst of calls with the default {@code log} sink, flushed: what the application's log shows (its events,
     * auditweave's own lines).
     */
    static synchronized ScenarioRun logSinkBurst(ChildJvm jvm) {
        return RUNS.computeIfAbsent(jvm.name() + "/log-sink", name -> run(name, jvm, null, null,
                List.of("auditweave.sink=log", "auditweave.batch.max-delay-ms=0"),
                List.of("burst", String.valueOf(DRAIN_BURST_CALLS), "flush"), BURST_EXIT_BOUND_SECONDS));
    }

    /** The agent configured only through its {@code -javaagent:...=key=value,...} arguments. */
    static synchronized ScenarioRun configuredByAgentArguments(ChildJvm jvm) {
        return RUNS.computeIfAbsent(jvm.name() + "/agent-arguments", name -> {
            try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
                String arguments = "sink=http,http.url=" + receiver.url() + ",batch.max-events=" + DRAIN_BURST_CALLS
                        + ",batch.max-delay-ms=600000";
                return run(name, jvm, receiver, arguments, List.of(),
                        List.of("burst", String.valueOf(DRAIN_BURST_CALLS)), BURST_EXIT_BOUND_SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static List<String> httpTo(URI url, String... more) {
        List<String> properties = new ArrayList<>();
        properties.add("auditweave.sink=http");
        properties.add("auditweave.http.url=" + url);
        properties.add("auditweave.http.header.CF-Access-Client-Id=${" + CLIENT_ID_VARIABLE + "}");
        properties.add("auditweave.http.header.CF-Access-Client-Secret=${" + CLIENT_SECRET_VARIABLE + "}");
        properties.addAll(List.of(more));
        return properties;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the child, waits for it to exit by itself (at most {@code exitBoundSeconds}; killed after that), then
     * takes what the receiver recorded.
     */
    private static ScenarioRun run(String name, ChildJvm jvm, LoopbackReceiver receiver, String agentArguments,
                                   List<String> systemProperties, List<String> arguments, long exitBoundSeconds) {
        List<String> command = jvm.command(agentArguments, systemProperties, arguments);
        Path directory = ChildJvm.ItPaths.runDirectory().resolve(name.replace('/', '-'));
        try {
            Files.createDirectories(directory);
            Path stdout = directory.resolve("stdout.txt");
            Path stderr = directory.resolve("stderr.txt");
            Files.writeString(directory.resolve("command.txt"), String.join(" ", command) + "\n");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            Map<String, String> environment = builder.environment();
            // auditweave reads AUDITWEAVE_* variables as configuration: only what a run sets may reach the child.
            environment.keySet().removeIf(key -> key.toUpperCase(Locale.ROOT).startsWith("AUDITWEAVE_"));
            environment.put(CLIENT_ID_VARIABLE, CLIENT_ID);
            environment.put(CLIENT_SECRET_VARIABLE, CLIENT_SECRET);
            Process process = builder.start();
            Integer exitCode;
            if (process.waitFor(exitBoundSeconds, TimeUnit.SECONDS)) {
                exitCode = process.exitValue();
            } else {
                exitCode = null;
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            return new ScenarioRun(name, command, exitCode,
                    Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8),
                    receiver == null ? List.of() : receiver.requests(),
                    receiver == null ? List.of() : receiver.events());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        }
    }
}
