package dev.auditweave.agent.internal.sink;

import java.util.Locale;

/**
 * The body a sink writes ({@code auditweave.sink.<name>.format}).
 *
 * <ul>
 *   <li>{@link #ENVELOPE}: {@code {"events":[{"id":..,"type":..,"occurred_at":..,"data":{..}}, ...]}} per batch, what
 *       the abuse service's {@code /api/events} takes;</li>
 *   <li>{@link #FLAT}: the {@code data} object alone, one request per event, what {@code /api/auth-event} takes;</li>
 *   <li>{@link #CLOUDEVENTS}: one CloudEvents 1.0 structured-mode JSON object per request;</li>
 *   <li>{@link #CLOUDEVENTS_BATCH}: a JSON array of CloudEvents per batch.</li>
 * </ul>
 */
public enum Format {
    ENVELOPE("envelope", true, "application/json"),
    FLAT("flat", false, "application/json"),
    CLOUDEVENTS("cloudevents", false, "application/cloudevents+json"),
    CLOUDEVENTS_BATCH("cloudevents-batch", true, "application/cloudevents-batch+json");

    private final String configName;
    private final boolean batched;
    private final String contentType;

    Format(String configName, boolean batched, String contentType) {
        this.configName = configName;
        this.batched = batched;
        this.contentType = contentType;
    }

    /** The format named as in the configuration, such as {@code cloudevents-batch}. */
    public static Format of(String name) {
        for (Format format : values()) {
            if (format.configName.equals(name.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'");
    }

    /** Whether one request carries many events; otherwise each event is a request of its own. */
    public boolean batched() {
        return batched;
    }

    public String contentType() {
        return contentType;
    }

    @Override
    public String toString() {
        return configName;
    }
}
