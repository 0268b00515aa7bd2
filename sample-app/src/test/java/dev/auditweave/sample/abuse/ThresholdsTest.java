package dev.auditweave.sample.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThresholdsTest {

    // --- bands

    @Test
    void band_defaultsAre30_60_85() {
        assertThat(Thresholds.DEFAULT.band(29)).isEqualTo(Band.NONE);
        assertThat(Thresholds.DEFAULT.band(30)).isEqualTo(Band.LOW);
        assertThat(Thresholds.DEFAULT.band(59)).isEqualTo(Band.LOW);
        assertThat(Thresholds.DEFAULT.band(60)).isEqualTo(Band.MEDIUM);
        assertThat(Thresholds.DEFAULT.band(84)).isEqualTo(Band.MEDIUM);
        assertThat(Thresholds.DEFAULT.band(85)).isEqualTo(Band.HIGH);
        assertThat(Thresholds.DEFAULT.band(100)).isEqualTo(Band.HIGH);
    }

    // --- validation

    @Test
    void thresholds_mediumNotAboveLow() {
        assertThatThrownBy(() -> new Thresholds(50, 50, 90))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("medium (50) must be above low (50)");
    }

    @Test
    void thresholds_highNotAboveMedium() {
        assertThatThrownBy(() -> new Thresholds(10, 60, 40))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("high (40) must be above medium (60)");
    }

    @Test
    void thresholds_outOfRange() {
        assertThatThrownBy(() -> new Thresholds(0, 60, 85)).hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> new Thresholds(30, 60, 101)).hasMessageContaining("between 1 and 100");
    }

    // --- the table

    @Test
    void table_typeWithoutItsOwnUsesTheDefault() {
        ThresholdTable table = new ThresholdTable();
        table.set("stripe.charge.failed", new Thresholds(10, 20, 30));

        assertThat(table.forType("stripe.charge.failed")).isEqualTo(new Thresholds(10, 20, 30));
        assertThat(table.forType("user.blocked")).isEqualTo(Thresholds.DEFAULT);
    }

    @Test
    void table_setReportsThePreviousValuesAndWhetherAnythingChanged() {
        ThresholdTable table = new ThresholdTable();

        ThresholdChange first = table.set(ThresholdTable.DEFAULT_SCOPE, new Thresholds(10, 20, 30));
        ThresholdChange again = table.set(ThresholdTable.DEFAULT_SCOPE, new Thresholds(10, 20, 30));
        ThresholdChange newType = table.set("user.blocked", new Thresholds(40, 50, 60));

        assertThat(first.previous()).isEqualTo(Thresholds.DEFAULT);
        assertThat(first.changed()).isTrue();
        assertThat(again.changed()).isFalse();
        assertThat(newType.previous()).isNull();
        assertThat(newType.changed()).isTrue();
        assertThat(table.snapshot()).containsOnlyKeys("*", "user.blocked");
    }

    @Test
    void table_blankScope() {
        assertThatThrownBy(() -> new ThresholdTable().set(" ", Thresholds.DEFAULT))
                .hasMessageContaining("\"*\" or an event type");
    }
}
