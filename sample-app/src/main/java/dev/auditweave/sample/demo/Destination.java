package dev.auditweave.sample.demo;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One of the demo's destinations, a named sink of {@code auditweave.sinks}: the event types it receives, as
 * {@code auditweave.sink.<name>.types} gives them ({@code *} stands for any text), and whether it takes them flat
 * ({@code format=flat}: the data object alone, one request per event, no id, type or time).
 *
 * <pre>{@code
 * Destination.ABUSE.receives("user.blocked");          // true
 * Destination.ABUSE.receives("subscription.upgraded"); // false: an audit-log kind only
 * }</pre>
 *
 * @param sink  the sink's name in {@code auditweave.sinks}
 * @param title what it is, for people
 * @param types the type patterns, in the order the setting lists them
 * @param flat  whether the sink's format is {@code flat}
 */
public record Destination(String sink, String title, List<String> types, boolean flat) {

    /** The abuse service: its 17 types, the {@code user.*}, {@code org.*}, {@code billing.*} and {@code stripe.*} ones. */
    public static final Destination ABUSE = new Destination("abuse", "the abuse service, POST /api/events",
            List.of("user.*", "org.*", "billing.*", "stripe.*"));

    /** The audit log: every event, the audit-log kinds of the lifecycle-email forwarder included. */
    public static final Destination AUDIT = new Destination("audit", "the audit log, POST /api/audit-log",
            List.of("*"));

    /** The abuse service's auth events: sign-ups and sign-ins, one flat payload per request. */
    public static final Destination AUTH = new Destination("auth",
            "the abuse service's auth events, POST /api/auth-event", List.of("auth.*"), true);

    /** The two that take the {@code {"events":[...]}} envelope, whose events can be compared by id. */
    public static final List<Destination> BOTH = List.of(ABUSE, AUDIT);

    /** All three, in the order of {@code auditweave.sinks}. */
    public static final List<Destination> ALL = List.of(ABUSE, AUDIT, AUTH);

    public Destination {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(title, "title");
        types = List.copyOf(types);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("destination " + sink + " needs at least one type pattern");
        }
    }

    /** A destination that takes the {@code {"events":[...]}} envelope. */
    public Destination(String sink, String title, List<String> types) {
        this(sink, title, types, false);
    }

    /** The value of {@code auditweave.sink.<name>.format}. */
    public String formatSetting() {
        return flat ? "flat" : "envelope";
    }

    /** Whether the sink receives events of {@code type}. */
    public boolean receives(String type) {
        return types.stream().anyMatch(pattern -> matches(pattern, type));
    }

    /** The value of {@code auditweave.sink.<name>.types}. */
    public String typesSetting() {
        return String.join(",", types);
    }

    private static boolean matches(String pattern, String type) {
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return type.matches(regex.toString());
    }
}
