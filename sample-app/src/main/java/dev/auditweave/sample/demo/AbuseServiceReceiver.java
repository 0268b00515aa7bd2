package dev.auditweave.sample.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A minimal stand-in for the abuse service, on loopback only: {@code POST /api/events} with
 * {@code {"events":[{"id","type","occurred_at","data"}]}}, and {@code POST /api/auth-event} with one flat auth
 * payload ({@code {"kilo_user_id", "event_type": "signup"|"signin", ...}}) per request. It checks the
 * {@code CF-Access-Client-Id} and {@code CF-Access-Client-Secret} headers on both (401 when wrong, counted), records
 * the events and drops those whose id it has already received, counting them as duplicates. An auth payload has no
 * id: each is recorded, as type {@code auth.<event_type>}.
 */
public final class AbuseServiceReceiver implements AutoCloseable {

    public static final String EVENTS_PATH = "/api/events";
    public static final String AUTH_EVENT_PATH = "/api/auth-event";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final byte[] clientId;
    private final byte[] clientSecret;

    private final Set<String> seenIds = new HashSet<>();
    private final List<ReceivedEvent> events = new ArrayList<>();
    private final List<ReceivedEvent> duplicates = new ArrayList<>();
    private int batches;
    private int rejected;
    private final List<ReceivedEvent> authEvents = new ArrayList<>();
    private int authRequests;
    private int authRejected;

    private AbuseServiceReceiver(HttpServer server, String clientId, String clientSecret) {
        this.server = server;
        this.clientId = clientId.getBytes(StandardCharsets.UTF_8);
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** Starts a receiver on 127.0.0.1, on a free port, expecting these header values. */
    public static AbuseServiceReceiver start(String clientId, String clientSecret) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AbuseServiceReceiver receiver = new AbuseServiceReceiver(server, clientId, clientSecret);
        server.createContext(EVENTS_PATH, receiver::handle);
        server.createContext(AUTH_EVENT_PATH, receiver::handleAuthEvent);
        server.start();
        return receiver;
    }

    /** {@code http://127.0.0.1:<port>/api/events}. */
    public URI eventsUrl() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + EVENTS_PATH);
    }

    /** {@code http://127.0.0.1:<port>/api/auth-event}. */
    public URI authEventUrl() {
        return eventsUrl().resolve(AUTH_EVENT_PATH);
    }

    /** The auth events received so far (no ids, so no duplicates); then forgets them, for the next run. */
    public synchronized Received takeAuthEvents() {
        Received received = new Received(authEvents, List.of(), authRequests, authRejected);
        authEvents.clear();
        authRequests = 0;
        authRejected = 0;
        return received;
    }

    /** What was received so far. */
    public synchronized Received snapshot() {
        return new Received(events, duplicates, batches, rejected);
    }

    /** What was received so far; then forgets it all, ids included, for the next run. */
    public synchronized Received takeAll() {
        Received received = snapshot();
        seenIds.clear();
        events.clear();
        duplicates.clear();
        batches = 0;
        rejected = 0;
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!admitted(exchange, () -> rejected++)) {
                return;
            }
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = JSON.readTree(in);
            } catch (IOException e) {
                Envelopes.respond(exchange, 400, "{\"error\":\"body is not JSON\"}");
                return;
            }
            JsonNode batch = Envelopes.events(body);
            if (batch == null) {
                Envelopes.respond(exchange, 400, "{\"error\":\"expected {\\\"events\\\": [...]}\"}");
                return;
            }
            int dropped = record(batch);
            Envelopes.respond(exchange, 200, "{\"accepted\":" + (batch.size() - dropped) + ",\"duplicates\":" + dropped + "}");
        } finally {
            exchange.close();
        }
    }

    private void handleAuthEvent(HttpExchange exchange) throws IOException {
        try {
            if (!admitted(exchange, () -> authRejected++)) {
                return;
            }
            JsonNode payload;
            try (InputStream in = exchange.getRequestBody()) {
                payload = JSON.readTree(in);
            } catch (IOException e) {
                payload = null;
            }
            JsonNode eventType = payload == null ? null : payload.get("event_type");
            if (payload == null || !payload.isObject() || eventType == null || !eventType.isTextual()) {
                Envelopes.respond(exchange, 400, "{\"error\":\"expected one flat auth payload with an event_type\"}");
                return;
            }
            synchronized (this) {
                authRequests++;
                authEvents.add(new ReceivedEvent(null, "auth." + eventType.asText(), null, payload));
            }
            Envelopes.respond(exchange, 200, "{\"accepted\":1}");
        } finally {
            exchange.close();
        }
    }

    /**
     * Whether the request is a POST with the right CF-Access credentials; else answers 405 or 401 (counting the
     * rejection under this receiver's lock) and returns {@code false}.
     */
    private boolean admitted(HttpExchange exchange, Runnable countRejection) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            Envelopes.respond(exchange, 405, "{\"error\":\"POST only\"}");
            return false;
        }
        if (!authorized(exchange)) {
            synchronized (this) {
                countRejection.run();
            }
            Envelopes.respond(exchange, 401, "{\"error\":\"bad CF-Access credentials\"}");
            return false;
        }
        return true;
    }

    private boolean authorized(HttpExchange exchange) {
        return matches(exchange.getRequestHeaders().getFirst("CF-Access-Client-Id"), clientId)
                & matches(exchange.getRequestHeaders().getFirst("CF-Access-Client-Secret"), clientSecret);
    }

    private static boolean matches(String given, byte[] expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected);
    }

    /** Records the batch; returns how many of its events were duplicates. */
    private synchronized int record(JsonNode batch) {
        batches++;
        int dropped = 0;
        for (JsonNode node : batch) {
            ReceivedEvent event = Envelopes.toEvent(node);
            if (event.id() != null && !seenIds.add(event.id())) {
                duplicates.add(event);
                dropped++;
            } else {
                events.add(event);
            }
        }
        return dropped;
    }
}
