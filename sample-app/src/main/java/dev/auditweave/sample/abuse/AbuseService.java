package dev.auditweave.sample.abuse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The sample abuse service of field notes §4, on loopback: receives events ({@code POST /api/events},
 * {@code POST /api/auth-event}), stores them (duplicates by id dropped), scores them per identity, takes feedback
 * verdicts and analysts' scores, lets thresholds change at run time, and serves a live page at {@code /}.
 *
 * <pre>{@code
 * try (AbuseService service = AbuseService.start(config, Clock.systemUTC())) {
 *     System.out.println("page: " + service.pageUrl());
 * }
 * }</pre>
 *
 * Its write paths ({@link VerdictService}, {@link ScoreService}, {@link ThresholdService}) are annotated: woven
 * (by the {@code -javaagent} or at build time), the service sends its own events through auditweave.
 */
public final class AbuseService implements AutoCloseable {

    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ThresholdService thresholds;
    private final VerdictService verdicts;
    private final ScoreService scores;
    private final EventIngest ingest;

    private AbuseService(HttpServer server, ExecutorService executor, ThresholdService thresholds,
                         VerdictService verdicts, ScoreService scores, EventIngest ingest) {
        this.server = server;
        this.executor = executor;
        this.thresholds = thresholds;
        this.verdicts = verdicts;
        this.scores = scores;
        this.ingest = ingest;
    }

    /**
     * Opens the database and starts listening on 127.0.0.1.
     *
     * @throws SQLException when the database cannot be opened
     * @throws IOException  when the port cannot be bound
     */
    public static AbuseService start(AbuseServiceConfig config, Clock clock) throws SQLException, IOException {
        return start(config, clock, null);
    }

    /**
     * As {@link #start(AbuseServiceConfig, Clock)}; with a {@code verifier}, {@code /api/events} and
     * {@code /api/auth-event} answer 401 to a request without a good, fresh Standard Webhooks signature.
     */
    public static AbuseService start(AbuseServiceConfig config, Clock clock, WebhookVerifier verifier)
            throws SQLException, IOException {
        AbuseDatabase database = AbuseDatabase.open(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
        ThresholdTable table = new ThresholdTable();
        Scoring scoring = new Scoring(EventWeights.defaults(), table, config.allowlist());
        EventIngest ingest = new EventIngest(database, scoring);
        ThresholdService thresholds = new ThresholdService(table);
        VerdictService verdicts = new VerdictService(database, clock);
        ScoreService scores = new ScoreService(database);
        NotSentBoard notSent = new NotSentBoard();
        RequestCounters counters = new RequestCounters();
        ObjectMapper json = new ObjectMapper();
        LiveState state = new LiveState(database, scoring, ingest, notSent, counters, json);
        HttpApi api = new HttpApi(new CfAccess(config.clientId(), config.clientSecret()), config.editors(), ingest,
                verdicts, scores, thresholds, notSent, state, counters, json, clock);

        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 0);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "abuse-service-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        api.requireSignatures(verifier);
        api.register(server);
        server.start();
        return new AbuseService(server, executor, thresholds, verdicts, scores, ingest);
    }

    /** {@code http://127.0.0.1:<port>/}: the live page. */
    public URI pageUrl() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/");
    }

    /** {@code .../api/events}. */
    public URI eventsUrl() {
        return pageUrl().resolve(HttpApi.EVENTS);
    }

    /** {@code .../api/auth-event}. */
    public URI authEventUrl() {
        return pageUrl().resolve(HttpApi.AUTH_EVENT);
    }

    public ThresholdService thresholds() {
        return thresholds;
    }

    public VerdictService verdicts() {
        return verdicts;
    }

    public ScoreService scores() {
        return scores;
    }

    public EventIngest ingest() {
        return ingest;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
