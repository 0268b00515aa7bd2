package dev.auditweave.sample;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.sql.SQLException;

/** Billing: credit purchases. */
public class BillingService {

    private final Database database;

    public BillingService(Database database) {
        this.database = database;
    }

    /** Records a credit purchase and returns it with the user's new total. */
    @EmitsAbuseEvent(type = EventTypes.BILLING_CREDIT_PURCHASED, data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "microdollars_acquired", value = "result.microdollarsAcquired"),
            @Field(name = "total_microdollars_acquired", value = "result.totalMicrodollarsAcquired")})
    public CreditPurchase purchaseCredits(String userId, long microdollars) throws SQLException {
        if (microdollars <= 0) {
            throw new IllegalArgumentException("a purchase is positive: " + microdollars);
        }
        return database.inTransaction(connection -> {
            Jdbc.update(connection, "INSERT INTO credit_purchases(user_id, microdollars) VALUES (?, ?)",
                    userId, microdollars);
            long total = Jdbc.queryLong(connection,
                    "SELECT SUM(microdollars) FROM credit_purchases WHERE user_id = ?", userId);
            return new CreditPurchase(userId, microdollars, total);
        });
    }
}
