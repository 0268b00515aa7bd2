package dev.auditweave.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credit purchases, tier changes, cancellation and the onboarding claim on H2, without auditweave. */
class BillingAndSubscriptionTest {

    private SampleServices app;

    @BeforeEach
    void setUp() throws SQLException {
        app = SampleServices.inMemory("billing-" + UUID.randomUUID());
        app.users().register("u-1", "one@example.com");
    }

    @Test
    void creditPurchasesReportTheRunningTotal() throws SQLException {
        assertThat(app.billing().purchaseCredits("u-1", 5_000_000))
                .isEqualTo(new CreditPurchase("u-1", 5_000_000, 5_000_000));
        assertThat(app.billing().purchaseCredits("u-1", 20_000_000))
                .isEqualTo(new CreditPurchase("u-1", 20_000_000, 25_000_000));
        assertThatThrownBy(() -> app.billing().purchaseCredits("u-1", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tierChangesReportTheRanksBeforeAndAfter() throws SQLException {
        TierChange up = app.subscriptions().changeTier("u-1", Tier.PRO);
        TierChange same = app.subscriptions().changeTier("u-1", Tier.PRO);
        TierChange down = app.subscriptions().changeTier("u-1", Tier.STARTER);

        assertThat(up).isEqualTo(new TierChange("u-1", "free", 0, "pro", 2));
        assertThat(same.newRank()).isEqualTo(same.previousRank());
        assertThat(down.newRank()).isLessThan(down.previousRank());
        assertThat(app.subscriptions().describe("u-1")).isEqualTo("STARTER active");
    }

    @Test
    void cancelChangesOnlyAnActiveSubscription() throws SQLException {
        assertThat(app.subscriptions().cancelSubscription("u-1", "too expensive")).isEqualTo(1);
        assertThat(app.subscriptions().cancelSubscription("u-1", "too expensive")).isZero();
        assertThat(app.subscriptions().describe("u-1")).isEqualTo("FREE canceled");
    }

    @Test
    void onboardingIsClaimedOnce() throws SQLException {
        assertThat(app.onboarding().claim("u-1")).isEqualTo(1);
        assertThat(app.onboarding().claim("u-1")).isZero();
        assertThat(app.onboarding().claim("u-unknown")).isZero();
    }
}
