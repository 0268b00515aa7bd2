package dev.auditweave.sample.abuse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the live page shows, as one JSON-ready map: {@code GET /api/state}. */
final class LiveState {

    /** How many of the latest events the page gets. */
    static final int RECENT_EVENTS = 200;

    private final AbuseDatabase database;
    private final Scoring scoring;
    private final EventIngest ingest;
    private final NotSentBoard notSent;
    private final RequestCounters counters;
    private final ObjectMapper json;

    LiveState(AbuseDatabase database, Scoring scoring, EventIngest ingest, NotSentBoard notSent,
              RequestCounters counters, ObjectMapper json) {
        this.database = database;
        this.scoring = scoring;
        this.ingest = ingest;
        this.notSent = notSent;
        this.counters = counters;
        this.json = json;
    }

    Map<String, Object> read() throws SQLException, IOException {
        List<IdentityScore> identities;
        List<LogEntry> recent;
        try (Connection connection = database.connection()) {
            identities = AbuseLog.identities(connection);
            recent = AbuseLog.recent(connection, RECENT_EVENTS);
        }
        Map<String, Object> state = new LinkedHashMap<>();
        List<Map<String, Object>> thresholds = new ArrayList<>();
        scoring.thresholds().snapshot().forEach((scope, values) -> thresholds.add(Map.of(
                "scope", scope, "low", values.low(), "medium", values.medium(), "high", values.high())));
        state.put("thresholds", thresholds);
        state.put("allowlist", scoring.allowlist().blocks().stream().map(CidrBlock::toString).toList());
        List<Map<String, Object>> scores = new ArrayList<>();
        for (IdentityScore identity : identities) {
            scores.add(Map.of("subject", identity.subject(), "score", identity.score(),
                    "band", scoring.identityBand(identity.score()).label(), "entries", identity.entries(),
                    "last_seen", identity.lastSeen()));
        }
        state.put("identities", scores);
        List<Map<String, Object>> events = new ArrayList<>();
        for (LogEntry entry : recent) {
            events.add(event(entry));
        }
        state.put("events", events);
        state.put("not_sent", notSent.all());
        state.put("unknown_types", ingest.unknownTypes());
        state.put("counters", Map.of("duplicates", ingest.duplicates(), "refused", counters.refused()));
        return state;
    }

    private Map<String, Object> event(LogEntry entry) throws IOException {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("log_id", entry.logId());
        event.put("event_id", entry.eventId());
        event.put("type", entry.type());
        event.put("subject", entry.subject());
        event.put("organization_id", entry.organizationId());
        event.put("ip_address", entry.ipAddress());
        event.put("occurred_at", entry.occurredAt());
        event.put("received_at", entry.receivedAt());
        event.put("known", entry.known());
        event.put("points", entry.points());
        event.put("band", entry.band().label());
        event.put("manual_score", entry.manualScore());
        event.put("verdict", entry.verdict());
        event.put("data", json.readTree(entry.payload()));
        return event;
    }
}
