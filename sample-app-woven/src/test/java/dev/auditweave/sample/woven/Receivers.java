package dev.auditweave.sample.woven;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.sample.demo.AbuseServiceReceiver;
import dev.auditweave.sample.demo.AuditLogReceiver;
import dev.auditweave.sample.demo.Destination;
import dev.auditweave.sample.demo.Received;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's stand-in destinations, with auditweave started in this JVM to send to them through the sinks
 * {@code abuse}, {@code audit} and {@code auth} (flat, to the abuse service's {@code /api/auth-event}), routed as
 * the demo routes them. Closing it stops auditweave and the stand-ins.
 */
final class Receivers implements AutoCloseable {

    static final String CLIENT_ID = "woven-test-client";
    static final String CLIENT_SECRET = "woven-test-secret";

    private final AbuseServiceReceiver abuse;
    private final AuditLogReceiver audit;

    private Receivers(AbuseServiceReceiver abuse, AuditLogReceiver audit) {
        this.abuse = abuse;
        this.audit = audit;
    }

    /** Starts both receivers and auditweave, with {@code extra} settings over the demo's. */
    static Receivers start(Map<String, String> extra) throws IOException {
        AbuseServiceReceiver abuse = AbuseServiceReceiver.start(CLIENT_ID, CLIENT_SECRET);
        AuditLogReceiver audit = AuditLogReceiver.start();
        Map<String, String> settings = new LinkedHashMap<>(extra);
        settings.put("auditweave.sinks", String.join(",", Destination.ALL.stream().map(Destination::sink).toList()));
        settings.put("auditweave.sink.abuse.type", "http");
        settings.put("auditweave.sink.abuse.url", abuse.eventsUrl().toString());
        settings.put("auditweave.sink.abuse.types", Destination.ABUSE.typesSetting());
        settings.put("auditweave.sink.abuse.header.CF-Access-Client-Id", CLIENT_ID);
        settings.put("auditweave.sink.abuse.header.CF-Access-Client-Secret", CLIENT_SECRET);
        settings.put("auditweave.sink.audit.type", "http");
        settings.put("auditweave.sink.audit.url", audit.eventsUrl().toString());
        settings.put("auditweave.sink.audit.types", Destination.AUDIT.typesSetting());
        settings.put("auditweave.sink.auth.type", "http");
        settings.put("auditweave.sink.auth.url", abuse.authEventUrl().toString());
        settings.put("auditweave.sink.auth.types", Destination.AUTH.typesSetting());
        settings.put("auditweave.sink.auth.format", Destination.AUTH.formatSetting());
        settings.put("auditweave.sink.auth.header.CF-Access-Client-Id", CLIENT_ID);
        settings.put("auditweave.sink.auth.header.CF-Access-Client-Secret", CLIENT_SECRET);
        Auditweave.start(settings, "woven test");
        return new Receivers(abuse, audit);
    }

    static Receivers start() throws IOException {
        return start(Map.of());
    }

    AuditLogReceiver auditLog() {
        return audit;
    }

    /** Waits until everything captured so far is delivered or given up (at most 20 s), and says which. */
    boolean flush() {
        return Auditweave.flush(Duration.ofSeconds(20));
    }

    /** What the abuse service got since the last call. */
    Received abuse() {
        return abuse.takeAll();
    }

    /** The flat auth payloads the abuse service got since the last call. */
    Received auth() {
        return abuse.takeAuthEvents();
    }

    /** What the audit log holds since the last call. */
    Received audit() {
        return audit.takeAll();
    }

    @Override
    public void close() {
        try {
            Auditweave.stop(Duration.ofSeconds(5));
        } finally {
            abuse.close();
            audit.close();
        }
    }
}
