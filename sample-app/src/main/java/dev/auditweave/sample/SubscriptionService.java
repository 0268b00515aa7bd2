package dev.auditweave.sample;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.sql.SQLException;
import java.util.NoSuchElementException;

/** Subscriptions: tier changes (upgrade, downgrade, same-tier renewal) and cancellation. */
public class SubscriptionService {

    private final Database database;

    public SubscriptionService(Database database) {
        this.database = database;
    }

    /**
     * Moves the user's subscription to {@code tier}. Emits {@code subscription.upgraded} when the new rank
     * is higher, {@code subscription.downgraded} when it is lower, and nothing for a same-tier renewal.
     */
    @EmitsAbuseEvent(type = EventTypes.SUBSCRIPTION_UPGRADED, when = "result.newRank > result.previousRank", data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "previous_tier", value = "result.previousTier"),
            @Field(name = "tier", value = "result.newTier")})
    @EmitsAbuseEvent(type = EventTypes.SUBSCRIPTION_DOWNGRADED, when = "result.newRank < result.previousRank", data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "previous_tier", value = "result.previousTier"),
            @Field(name = "tier", value = "result.newTier")})
    public TierChange changeTier(String userId, Tier tier) throws SQLException {
        return database.inTransaction(connection -> {
            Tier previous = Jdbc.queryString(connection,
                            "SELECT tier FROM subscriptions WHERE user_id = ? AND status = 'active' FOR UPDATE", userId)
                    .map(Tier::valueOf)
                    .orElseThrow(() -> new NoSuchElementException("no active subscription for " + userId));
            Jdbc.update(connection, "UPDATE subscriptions SET tier = ? WHERE user_id = ?", tier.name(), userId);
            return TierChange.of(userId, previous, tier);
        });
    }

    /** Cancels the active subscription; returns the rows changed: 0 when there was none active. */
    @EmitsAbuseEvent(type = EventTypes.SUBSCRIPTION_CANCELED, when = "RETURNED_ROWS > 0", data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "reason", value = "reason")})
    public int cancelSubscription(String userId, String reason) throws SQLException {
        return database.update(
                "UPDATE subscriptions SET status = 'canceled' WHERE user_id = ? AND status = 'active'", userId);
    }

    /** The user's current tier and status, for example {@code "pro active"}; empty when there is none. */
    public String describe(String userId) throws SQLException {
        try (var connection = database.connection()) {
            return Jdbc.queryString(connection,
                    "SELECT tier || ' ' || status FROM subscriptions WHERE user_id = ?", userId).orElse("");
        }
    }
}
