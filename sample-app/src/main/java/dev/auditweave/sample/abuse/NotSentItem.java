package dev.auditweave.sample.abuse;

import java.util.Objects;

/**
 * One line of the demo's "rightly not sent" list: an operation that must send nothing to a destination.
 *
 * @param run         the demo run (its weaving mode: {@code javaagent}, {@code woven})
 * @param sink        the destination's sink name
 * @param step        the scripted step's number
 * @param description what the step did
 * @param why         why nothing must be sent
 * @param ok          whether indeed nothing was sent
 */
public record NotSentItem(String run, String sink, int step, String description, String why, boolean ok) {

    public NotSentItem {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(why, "why");
    }
}
