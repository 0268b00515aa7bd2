package dev.auditweave.sample.abuse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The abuse service's HTTP endpoints. Writes need the CF-Access service credentials (401 without them); marking an
 * entry also needs the editor's {@code Cf-Access-Authenticated-User-Email}. The page and {@code GET /api/state}
 * are open: the service listens on loopback only.
 */
final class HttpApi {

    static final String EVENTS = "/api/events";
    static final String AUTH_EVENT = "/api/auth-event";
    static final String STATE = "/api/state";
    static final String HEALTH = "/api/health";
    static final String THRESHOLDS = "/api/admin/thresholds";
    static final String LOGS = "/api/logs/";
    static final String NOT_SENT = "/api/demo/not-sent";

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final Pattern LOG_ACTION = Pattern.compile("/api/logs/(\\d{1,18})/(verdict|score)");

    private final CfAccess access;
    private final Map<String, Editor> editors;
    private final EventIngest ingest;
    private final VerdictService verdicts;
    private final ScoreService scores;
    private final ThresholdService thresholds;
    private final NotSentBoard notSent;
    private final LiveState state;
    private final RequestCounters counters;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile WebhookVerifier signatures;

    @FunctionalInterface
    private interface Route {
        Object handle(HttpExchange exchange) throws Exception;
    }

    HttpApi(CfAccess access, Map<String, Editor> editors, EventIngest ingest, VerdictService verdicts,
            ScoreService scores, ThresholdService thresholds, NotSentBoard notSent, LiveState state,
            RequestCounters counters, ObjectMapper json, Clock clock) {
        this.access = access;
        this.editors = Map.copyOf(editors);
        this.ingest = ingest;
        this.verdicts = verdicts;
        this.scores = scores;
        this.thresholds = thresholds;
        this.notSent = notSent;
        this.state = state;
        this.counters = counters;
        this.json = json;
        this.clock = clock;
    }

    void register(HttpServer server) {
        server.createContext("/", StaticPage::serve);
        server.createContext(EVENTS, guarded("POST", this::events));
        server.createContext(AUTH_EVENT, guarded("POST", this::authEvent));
        server.createContext(THRESHOLDS, guarded("PUT", this::thresholds));
        server.createContext(LOGS, guarded("PUT", this::logAction));
        server.createContext(NOT_SENT, guarded("POST", this::notSent));
        server.createContext(STATE, open(exchange -> state.read()));
        server.createContext(HEALTH, open(exchange -> Map.of("status", "up")));
    }

    /** Requires a good Standard Webhooks signature on the ingest routes; {@code null} accepts unsigned requests. */
    void requireSignatures(WebhookVerifier verifier) {
        this.signatures = verifier;
    }

    private Object events(HttpExchange exchange) throws Exception {
        IngestResult result = ingest.ingest(IncomingEvents.fromEnvelope(signedBody(exchange), clock.millis()));
        return Map.of("accepted", result.accepted(), "duplicates", result.duplicates());
    }

    private Object authEvent(HttpExchange exchange) throws Exception {
        IngestResult result = ingest.ingest(List.of(IncomingEvents.fromAuthPayload(signedBody(exchange),
                clock.millis())));
        return Map.of("accepted", result.accepted());
    }

    private Object thresholds(HttpExchange exchange) throws Exception {
        JsonNode body = body(exchange);
        String scope = body.hasNonNull("scope") ? body.get("scope").asText() : ThresholdTable.DEFAULT_SCOPE;
        ThresholdChange change = thresholds.change(scope,
                new Thresholds(integer(body, "low"), integer(body, "medium"), integer(body, "high")));
        return Map.of("scope", change.scope(), "changed", change.changed(), "thresholds", change.current());
    }

    private Object logAction(HttpExchange exchange) throws Exception {
        Matcher path = LOG_ACTION.matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            throw new ApiException(404, "expected /api/logs/<log id>/verdict or /api/logs/<log id>/score");
        }
        long logId = Long.parseLong(path.group(1));
        JsonNode body = body(exchange);
        if (path.group(2).equals("score")) {
            scores.apply(logId, integer(body, "score"));
            return Map.of("log_id", logId, "score", body.get("score").asInt());
        }
        Editor editor = editor(exchange);
        VerdictWrite write = verdicts.record(logId, Verdict.of(text(body, "verdict")), editor);
        return Map.of("log_id", logId, "verdict", write.verdict(), "inserted", write.inserted());
    }

    private Object notSent(HttpExchange exchange) throws Exception {
        JsonNode body = body(exchange);
        String run = text(body, "run");
        JsonNode items = body.get("items");
        if (items == null || !items.isArray()) {
            throw new ApiException(400, "expected {\"run\": ..., \"items\": [...]}");
        }
        List<NotSentItem> list = new ArrayList<>();
        for (JsonNode item : items) {
            list.add(new NotSentItem(run, text(item, "sink"), integer(item, "step"), text(item, "description"),
                    text(item, "why"), item.path("ok").asBoolean(false)));
        }
        notSent.put(run, list);
        return Map.of("run", run, "items", list.size());
    }

    private Editor editor(HttpExchange exchange) {
        String email = exchange.getRequestHeaders().getFirst(CfAccess.USER_EMAIL_HEADER);
        if (email == null || email.isBlank()) {
            throw new ApiException(401, "no " + CfAccess.USER_EMAIL_HEADER + ": who is marking this entry?");
        }
        Editor editor = editors.get(email.strip());
        if (editor == null) {
            throw new ApiException(403, email + " is not an editor");
        }
        return editor;
    }

    /** The body, its signature checked first when signatures are required (401 when it is bad or stale). */
    private JsonNode signedBody(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        WebhookVerifier verifier = signatures;
        if (verifier != null) {
            String problem = verifier.problem(exchange.getRequestHeaders(), bytes);
            if (problem != null) {
                counters.refusedOne();
                throw new ApiException(401, problem);
            }
        }
        return parse(new java.io.ByteArrayInputStream(bytes));
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return parse(in);
        }
    }

    private JsonNode parse(InputStream in) throws IOException {
        try (in) {
            JsonNode body = json.readTree(in);
            if (body == null || !body.isObject()) {
                throw new ApiException(400, "the body must be a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new ApiException(400, "\"" + field + "\" must be a string");
        }
        return value.asText();
    }

    private static int integer(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new ApiException(400, "\"" + field + "\" must be an integer");
        }
        return value.asInt();
    }

    private com.sun.net.httpserver.HttpHandler guarded(String method, Route route) {
        return exchange -> respond(exchange, method, true, route);
    }

    private com.sun.net.httpserver.HttpHandler open(Route route) {
        return exchange -> respond(exchange, "GET", false, route);
    }

    private void respond(HttpExchange exchange, String method, boolean guarded, Route route) throws IOException {
        try (exchange) {
            int status = 200;
            Object body;
            try {
                if (!method.equals(exchange.getRequestMethod())) {
                    throw new ApiException(405, method + " only");
                }
                if (guarded && !access.admits(exchange.getRequestHeaders())) {
                    counters.refusedOne();
                    throw new ApiException(401, "missing or wrong " + CfAccess.CLIENT_ID_HEADER + " / "
                            + CfAccess.CLIENT_SECRET_HEADER);
                }
                body = route.handle(exchange);
            } catch (ApiException e) {
                status = e.status();
                body = Map.of("error", e.getMessage());
            } catch (MissingLogEntryException e) {
                status = 404;
                body = Map.of("error", e.getMessage());
            } catch (CrossOrganizationException e) {
                status = 403;
                body = Map.of("error", e.getMessage());
            } catch (IllegalArgumentException e) {
                status = 400;
                body = Map.of("error", e.getMessage());
            } catch (Exception e) {
                LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                status = 500;
                body = Map.of("error", "internal error: " + e.getClass().getSimpleName());
            }
            byte[] bytes = json.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
