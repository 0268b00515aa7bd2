package dev.auditweave.sample;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/** The Kilo Pass: a monthly pass whose paid months in a row (its streak) the abuse service watches. */
public class KiloPassService {

    /** The tiers a Kilo Pass comes in. */
    public static final Set<String> TIERS = Set.of("basic", "plus", "max");

    private final Database database;

    public KiloPassService(Database database) {
        this.database = database;
    }

    /**
     * A month of the pass is paid, at {@code tier}: a new or lapsed pass starts a streak of 1, an active one
     * extends its streak (also when the tier changes). Returns the pass as it is now.
     */
    @EmitsAbuseEvent(type = EventTypes.BILLING_KILO_PASS_CHANGED, data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "tier", value = "result.tier"),
            @Field(name = "status", value = "result.status"),
            @Field(name = "streak_months", value = "result.streakMonths")})
    public KiloPass renew(String userId, String tier) throws SQLException {
        if (!TIERS.contains(tier)) {
            throw new IllegalArgumentException("no Kilo Pass tier '" + tier + "'; the tiers are " + TIERS);
        }
        return database.inTransaction(connection -> {
            KiloPass current = find(connection, userId);
            int streak = current != null && current.status().equals("active") ? current.streakMonths() + 1 : 1;
            Jdbc.update(connection, "MERGE INTO kilo_passes(user_id, tier, status, streak_months) KEY(user_id) "
                    + "VALUES (?, ?, 'active', ?)", userId, tier, streak);
            return new KiloPass(userId, tier, "active", streak);
        });
    }

    /** The month was not paid: an active pass lapses and its streak ends. Returns it, or {@code null} when none was active. */
    @EmitsAbuseEvent(type = EventTypes.BILLING_KILO_PASS_CHANGED, when = "RETURNED_ROWS > 0", data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "tier", value = "result.tier"),
            @Field(name = "status", value = "result.status"),
            @Field(name = "streak_months", value = "result.streakMonths")})
    public KiloPass lapse(String userId) throws SQLException {
        return database.inTransaction(connection -> {
            int lapsed = Jdbc.update(connection, "UPDATE kilo_passes SET status = 'lapsed', streak_months = 0 "
                    + "WHERE user_id = ? AND status = 'active'", userId);
            return lapsed == 0 ? null : find(connection, userId);
        });
    }

    private static KiloPass find(Connection connection, String userId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT tier, status, streak_months FROM kilo_passes WHERE user_id = ? FOR UPDATE")) {
            statement.setString(1, userId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? new KiloPass(userId, row.getString(1), row.getString(2), row.getInt(3)) : null;
            }
        }
    }
}
