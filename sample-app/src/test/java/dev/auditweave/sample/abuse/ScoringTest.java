package dev.auditweave.sample.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private final ThresholdTable thresholds = new ThresholdTable();
    private final Scoring scoring = new Scoring(EventWeights.defaults(), thresholds,
            Allowlist.of(List.of("10.0.0.0/8")));

    @Test
    void assess_addsTheTypesPointsAndBandsTheResult() {
        Assessment assessment = scoring.assess("stripe.radar.early_fraud_warning.created", "198.51.100.1", 20);

        assertThat(assessment).isEqualTo(new Assessment(50, 70, Band.MEDIUM));
    }

    @Test
    void assess_scoreStaysWithin0And100() {
        assertThat(scoring.assess("stripe.radar.early_fraud_warning.created", null, 90).scoreAfter()).isEqualTo(100);
        assertThat(scoring.assess("user.unblocked", null, 5).scoreAfter()).isZero();
    }

    @Test
    void assess_allowlistedAddressShortCircuits() {
        Assessment assessment = scoring.assess("stripe.radar.early_fraud_warning.created", "10.20.30.40", 80);

        assertThat(assessment).isEqualTo(new Assessment(0, 80, Band.ALLOWLISTED));
    }

    @Test
    void assess_unknownTypeScoresNothing() {
        assertThat(scoring.assess("brand.new.type", null, 40)).isEqualTo(new Assessment(0, 40, Band.LOW));
    }

    @Test
    void assess_usesTheThresholdsOfTheEventsType() {
        thresholds.set("stripe.charge.failed", new Thresholds(5, 10, 15));

        assertThat(scoring.assess("stripe.charge.failed", null, 0).band()).isEqualTo(Band.HIGH);
        assertThat(scoring.assess("user.email_changed", null, 5).band()).isEqualTo(Band.NONE);
    }

    @Test
    void identityBand_followsAThresholdChangeAtOnce() {
        assertThat(scoring.identityBand(50)).isEqualTo(Band.LOW);

        thresholds.set(ThresholdTable.DEFAULT_SCOPE, new Thresholds(10, 20, 45));

        assertThat(scoring.identityBand(50)).isEqualTo(Band.HIGH);
    }
}
