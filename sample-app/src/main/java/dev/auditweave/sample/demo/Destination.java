package dev.auditweave.sample.demo;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One of the demo's two destinations, a named sink of {@code auditweave.sinks}: the event types it receives, as
 * {@code auditweave.sink.<name>.types} gives them ({@code *} stands for any text).
 *
 * <pre>{@code
 * Destination.ABUSE.receives("user.blocked");          // true
 * Destination.ABUSE.receives("subscription.upgraded"); // false: an audit-log kind only
 * }</pre>
 *
 * @param sink  the sink's name in {@code auditweave.sinks}
 * @param title what it is, for people
 * @param types the type patterns, in the order the setting lists them
 */
public record Destination(String sink, String title, List<String> types) {

    /** The abuse service: its 17 types, the {@code user.*}, {@code org.*}, {@code billing.*} and {@code stripe.*} ones. */
    public static final Destination ABUSE = new Destination("abuse", "the abuse service, POST /api/events",
            List.of("user.*", "org.*", "billing.*", "stripe.*"));

    /** The audit log: every event, the audit-log kinds of the lifecycle-email forwarder included. */
    public static final Destination AUDIT = new Destination("audit", "the audit log, POST /api/audit-log",
            List.of("*"));

    /** Both, in the order of {@code auditweave.sinks}. */
    public static final List<Destination> BOTH = List.of(ABUSE, AUDIT);

    public Destination {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(title, "title");
        types = List.copyOf(types);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("destination " + sink + " needs at least one type pattern");
        }
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
