package dev.auditweave.sample.abuse;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;

/**
 * Changes the thresholds at run time, without a restart: the next event is banded with the new ones, and the
 * identities' bands follow at once. Emits {@code abuse.threshold_changed} when the values changed.
 */
public class ThresholdService {

    private final ThresholdTable table;

    public ThresholdService(ThresholdTable table) {
        this.table = table;
    }

    /**
     * Sets the thresholds of {@code scope}: {@code *} for the default ones, or an event type.
     *
     * @throws IllegalArgumentException when the scope is blank
     */
    @EmitsAbuseEvent(type = AbuseEventTypes.THRESHOLD_CHANGED, when = "result.changed", data = {
            @Field(name = "scope", value = "result.scope"),
            @Field(name = "low", value = "result.current.low"),
            @Field(name = "medium", value = "result.current.medium"),
            @Field(name = "high", value = "result.current.high"),
            @Field(name = "previous_low", value = "result.previous.low"),
            @Field(name = "previous_medium", value = "result.previous.medium"),
            @Field(name = "previous_high", value = "result.previous.high")})
    public ThresholdChange change(String scope, Thresholds thresholds) {
        return table.set(scope, thresholds);
    }
}
