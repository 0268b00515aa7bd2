package dev.auditweave.agent;

import dev.auditweave.agent.internal.runtime.LocalRuntime;

import dev.auditweave.agent.ConfigException;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.agent.spi.SinkProvider;
import dev.auditweave.bootstrap.EmitBridge;
import dev.auditweave.bootstrap.EmitHandler;
import dev.auditweave.bootstrap.LogTarget;
import dev.auditweave.bootstrap.RuntimeControl;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an application can ask of auditweave in code: its counters, and a flush for the rare place that
 * must know its events are out (a hook right before the JVM or a tenant is torn down, a test).
 *
 * <pre>{@code
 * userService.blockUser("u-1", "spam");
 * Auditweave.flush(Duration.ofSeconds(5));
 * long delivered = Auditweave.metrics().delivered();
 * }</pre>
 *
 * <p>The same calls work in every mode: compile-time woven (the runtime in the application's class path), under
 * the {@code -javaagent} (the agent jar shares this class on the bootstrap class path, so the application needs
 * no auditweave jar at run time), and both at once, where the agent's runtime is the one that answers.
 * Framework integrations (the Spring Boot starter) use {@link #start}, {@link #stop}, {@link #prepare} and
 * {@link #emitSites()}.
 */
public final class Auditweave {

    private Auditweave() {
    }

    /** The counters since start-up. */
    public static AuditweaveMetrics metrics() {
        return runtime().metrics(null);
    }

    /**
     * The counters of one sink, by the name {@code auditweave.sinks} gives it (with the shorthand
     * {@code auditweave.sink=http}, the sink is named after its type). {@code captured}, {@code captureErrors} and
     * {@code guardedOut} happen before routing and are 0 per sink.
     *
     * @throws IllegalArgumentException when no sink has that name
     */
    public static AuditweaveMetrics metrics(String sink) {
        Objects.requireNonNull(sink, "sink");
        return runtime().metrics(sink);
    }

    /**
     * Sends everything captured so far without waiting for the batch delay, and waits until it is
     * delivered or given up, at most {@code timeout}. Returns {@code true} if that happened in time.
     * Blocks the caller: never call it on a hot path.
     */
    public static boolean flush(Duration timeout) {
        return runtime().flush(timeout.toMillis());
    }

    /**
     * Starts auditweave from configuration gathered by a framework, in place of the running instance (which is
     * drained first): every value checked as at agent start-up, so that an invalid one fails here with a message
     * naming key, value, origin and expectation.
     *
     * <pre>{@code
     * Map<String, String> values = new LinkedHashMap<>();   // highest precedence first
     * values.put("AUDITWEAVE_SINK", "http");               // environment-variable names are mapped as the agent does
     * values.put("auditweave.http.url", "https://host/api/events");
     * Auditweave.start(values, Map.of("auditweave.http.url", "class path resource [application.properties] - 2:21"));
     * }</pre>
     *
     * @param values  keys ({@code auditweave.*}) or environment-variable names ({@code AUDITWEAVE_*}) to their
     *                text, highest precedence first; {@code ${VAR}} references resolve against the process
     *                environment
     * @param origins where each name came from, for messages
     * @throws ConfigException on the first invalid value; the running instance is then
     *                                                     left as it was
     */
    public static void start(Map<String, String> values, Map<String, String> origins) {
        runtime().start(values, origins);
    }

    /**
     * Reads, from configuration gathered by a framework, the emit sites it declares ({@code auditweave.emit.<id>.*})
     * and switches off ({@code auditweave.disable.methods}, {@code auditweave.disable.types}), before the classes they
     * name are loaded: with the {@code -javaagent}, a class is matched when it loads, which in a Spring application
     * is before {@link #start(Map, Map)}. Nothing else is started or changed; {@link #start(Map, Map)} reads the same
     * keys again. The Spring Boot starter calls it as soon as the {@code Environment} is prepared.
     *
     * <pre>{@code
     * Auditweave.configureSites(Map.of(
     *         "auditweave.emit.parse.method", "com.fasterxml.jackson.databind.ObjectMapper#readTree(java.lang.String)",
     *         "auditweave.emit.parse.type", "json.parsed",
     *         "auditweave.disable.types", "user.*"), Map.of());
     * }</pre>
     *
     * @param values  as for {@link #start(Map, Map)}
     * @param origins where each name came from, for messages
     * @throws ConfigException on the first invalid value; the sites in force are then left as they were
     */
    public static void configureSites(Map<String, String> values, Map<String, String> origins) {
        runtime().configureSites(values, origins);
    }

    /**
     * As {@link #start(Map, Map)}, with one origin for every value.
     *
     * <pre>{@code
     * Auditweave.start(Map.of("auditweave.sink", "memory"), "test");
     * }</pre>
     */
    public static void start(Map<String, String> values, String origin) {
        Map<String, String> origins = new HashMap<>();
        values.keySet().forEach(key -> origins.put(key, origin));
        start(values, origins);
    }

    /**
     * Stops auditweave: drains what is queued within {@code timeout}, logs one summary line and captures nothing
     * more (a later call is counted as dropped). The counters stay readable. Returns {@code true} when nothing was
     * left undelivered (or unspooled) at the deadline.
     *
     * <pre>{@code
     * boolean clean = Auditweave.stop(Duration.ofSeconds(5));
     * }</pre>
     */
    public static boolean stop(Duration timeout) {
        return runtime().stop(timeout.toMillis());
    }

    /**
     * As {@link #stop(Duration)}, within the running instance's {@code auditweave.shutdown.timeout-ms}.
     *
     * <pre>{@code
     * Auditweave.stop();
     * }</pre>
     */
    public static boolean stop() {
        RuntimeControl runtime = runtime();
        return runtime.stop(runtime.shutdownTimeoutMillis());
    }

    /**
     * Makes an annotated method known before its first call: its plan is compiled now, so an expression error is
     * logged now, and it is listed by {@link #emitSites()}. Does nothing for a method without the annotation; never
     * throws for a bad annotation (that site is listed as disabled, with the reason).
     *
     * <pre>{@code
     * Auditweave.prepare(UserService.class.getMethod("blockUser", String.class, String.class));
     * }</pre>
     */
    public static void prepare(Method method) {
        runtime().prepare(method);
    }

    /**
     * Compiles, now, every emit site that {@code auditweave-processor} checked when the code was built, as listed in
     * the {@code META-INF/auditweave/emit-sites.json} files {@code loader} sees, so that no first call pays for it;
     * a listed site the loaded classes no longer match (a stale jar) is a WARN naming it. The Spring Boot starter calls
     * it when the context has started; call it from your own start-up otherwise. Returns how many methods were
     * prepared; never throws.
     *
     * <pre>{@code
     * Auditweave.prepareBuildCheckedSites(Main.class.getClassLoader());
     * }</pre>
     */
    public static int prepareBuildCheckedSites(ClassLoader loader) {
        return runtime().prepareBuildCheckedSites(loader);
    }

    /**
     * Every annotation of every method given to {@link #prepare}, sorted by class, method and type, with the sinks
     * that receive its events.
     *
     * <pre>{@code
     * Auditweave.emitSites().forEach(site -> log.info("{}.{} -> {} {}{}", site.className(), site.method(),
     *         site.type(), site.sinks(), site.enabled() ? "" : " disabled: " + site.reason()));
     * }</pre>
     */
    public static List<EmitSite> emitSites() {
        return runtime().emitSites();
    }

    /**
     * The names of the running instance's sinks, in configuration order, for {@link #metrics(String)}.
     *
     * <pre>{@code
     * for (String sink : Auditweave.sinkNames()) log.info("{}: {}", sink, Auditweave.metrics(sink).delivered());
     * }</pre>
     */
    public static List<String> sinkNames() {
        return runtime().sinkNames();
    }

    /**
     * Whether the {@code -javaagent} instruments this JVM, so that it (and not a framework integration) covers
     * interface methods such as Spring Data repository methods.
     *
     * <pre>{@code
     * if (!Auditweave.agentAttached()) addRepositoryInterceptor();
     * }</pre>
     */
    public static boolean agentAttached() {
        return EmitBridge.handler() != null;
    }

    /**
     * Sends auditweave's log lines, and the {@code log} sink's events, to {@code target} from now on; {@code null}
     * sends them back to where they went before. For a framework whose logging is up after the {@code -javaagent}
     * started: the agent logs through its own relocated SLF4J to stderr until then. The Spring Boot starter hands
     * over the application's SLF4J when the context starts, and takes it back when it stops.
     *
     * <pre>{@code
     * Auditweave.logThrough(new Slf4jLogTarget());   // an adapter over the application's own SLF4J
     * }</pre>
     */
    public static void logThrough(LogTarget target) {
        runtime().logThrough(target);
    }

    /**
     * Opens a transaction scope on this thread for a home-grown transaction helper: the events captured until it
     * ends wait for its outcome, sent on {@link AuditweaveTransaction#commit()} and dropped otherwise. Spring and
     * JTA transactions need no call: auditweave finds them by itself.
     *
     * <pre>{@code
     * try (AuditweaveTransaction events = Auditweave.beginTransaction()) {
     *     userDao.delete(connection, userId);      // @EmitsAbuseEvent(type = "user.deleted"): held
     *     connection.commit();
     *     events.commit();                         // sent now
     * }
     * }</pre>
     */
    public static AuditweaveTransaction beginTransaction() {
        return runtime().beginTransaction();
    }

    /**
     * Adds an enricher that annotations name in {@code enrich}, replacing one of the same name. Enrichers listed in
     * {@code META-INF/services/dev.auditweave.agent.EventEnricher} need no call; the Spring Boot starter adds every
     * bean of the type.
     *
     * <pre>{@code
     * Auditweave.addEnricher(new OrgMemberships(dataSource));
     * }</pre>
     */
    public static void addEnricher(EventEnricher enricher) {
        Objects.requireNonNull(enricher, "enricher");
        runtime().addEnricher(enricher);
    }

    /** Removes an enricher added with {@link #addEnricher}; events naming it are then sent without its fields. */
    public static void removeEnricher(EventEnricher enricher) {
        Objects.requireNonNull(enricher, "enricher");
        runtime().removeEnricher(enricher);
    }

    /**
     * Adds a provider of a sink type, asked before those found by {@link java.util.ServiceLoader}
     * ({@code META-INF/services/dev.auditweave.agent.spi.SinkProvider}), for the sinks of the next start (the
     * Spring Boot starter adds every bean of the type before it starts auditweave); replaces one added before for the
     * same type. See {@link dev.auditweave.agent.spi.SinkProvider}.
     *
     * <pre>{@code
     * Auditweave.addSinkProvider(new FileSinkProvider());   // type "file"
     * Auditweave.start(Map.of("auditweave.sinks", "audit", "auditweave.sink.audit.type", "file",
     *         "auditweave.sink.audit.path", "/var/log/app/audit.jsonl"), Map.of());
     * }</pre>
     *
     * @throws IllegalArgumentException when its {@code type()} is not a valid type name, naming its class
     */
    public static void addSinkProvider(SinkProvider provider) {
        Objects.requireNonNull(provider, "provider");
        runtime().addSinkProvider(provider);
    }

    /** Removes a provider added with {@link #addSinkProvider}, this very instance; running sinks stay as they are. */
    public static void removeSinkProvider(SinkProvider provider) {
        Objects.requireNonNull(provider, "provider");
        runtime().removeSinkProvider(provider);
    }

    /**
     * Adds a resolver of {@code ACTOR}, asked before those found by {@link java.util.ServiceLoader} and before the
     * built-in Spring Security one; the Spring Boot starter adds every bean of the type.
     *
     * <pre>{@code
     * Auditweave.addActorResolver(() -> AdminApiKey.current() != null ? Actor.system("Admin API") : null);
     * }</pre>
     */
    public static void addActorResolver(ActorResolver resolver) {
        Objects.requireNonNull(resolver, "resolver");
        runtime().addActorResolver(resolver);
    }

    /** Removes a resolver added with {@link #addActorResolver}. */
    public static void removeActorResolver(ActorResolver resolver) {
        Objects.requireNonNull(resolver, "resolver");
        runtime().removeActorResolver(resolver);
    }

    /**
     * Adds a resolver of {@code REQUEST}, asked before those found by {@link java.util.ServiceLoader} and before the
     * built-in one for the servlet request Spring binds to the thread: for a stack auditweave does not read by itself.
     *
     * <pre>{@code
     * Auditweave.addRequestResolver(() -> {
     *     GatewayCall call = GatewayCall.current();
     *     return call == null ? null : ClientRequest.of(call.method(), call.path(), call.peerAddress(), call.headers());
     * });
     * }</pre>
     */
    public static void addRequestResolver(RequestResolver resolver) {
        Objects.requireNonNull(resolver, "resolver");
        runtime().addRequestResolver(resolver);
    }

    /** Removes a resolver added with {@link #addRequestResolver}. */
    public static void removeRequestResolver(RequestResolver resolver) {
        Objects.requireNonNull(resolver, "resolver");
        runtime().removeRequestResolver(resolver);
    }

    /**
     * Adds a tap that sees every event as it leaves for delivery, after its commit and its enrichers: what the test
     * kit ({@code auditweave-test}) records. See {@link EventTap} for the thread it runs on and what a failing tap
     * does.
     *
     * <pre>{@code
     * EventTap tap = event -> log.info("emitted {} {}", event.type(), event.data());
     * Auditweave.addTap(tap);
     * }</pre>
     */
    public static void addTap(EventTap tap) {
        Objects.requireNonNull(tap, "tap");
        runtime().addTap(tap);
    }

    /** Removes a tap added with {@link #addTap}, this very instance; nothing when it was not added. */
    public static void removeTap(EventTap tap) {
        Objects.requireNonNull(tap, "tap");
        runtime().removeTap(tap);
    }

    /**
     * Waits until every event released so far (captured outside a transaction, or whose transaction committed) has
     * been through its enrichers and handed to delivery and to the taps, at most {@code timeout}; {@code true} if it
     * was. Unlike {@link #flush}, it does not wait for the sinks. Blocks the caller: for tests.
     *
     * <pre>{@code
     * userService.signIn("one@example.com", password);    // enrich = "orgMemberships": enriched on another thread
     * Auditweave.awaitEnrichment(Duration.ofSeconds(5));   // now the taps have seen it
     * }</pre>
     */
    public static boolean awaitEnrichment(Duration timeout) {
        return runtime().awaitEnrichment(timeout.toMillis());
    }

    /** The agent's runtime when the agent is attached, else this copy's own ({@link LocalRuntime}). */
    private static RuntimeControl runtime() {
        EmitHandler agent = EmitBridge.handler();
        return agent != null ? agent.control() : LocalRuntime.control();
    }
}
