package dev.auditweave.agent.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowCountTest {

    @Test
    void updateCountsOfEveryIntegralTypeAreTheirValue() {
        assertThat(RowCount.of(3)).isEqualTo(3);
        assertThat(RowCount.of(Integer.valueOf(7))).isEqualTo(7);
        assertThat(RowCount.of(5_000_000_000L)).isEqualTo(5_000_000_000L);
        assertThat(RowCount.of((short) 4)).isEqualTo(4);
        assertThat(RowCount.of((byte) 2)).isEqualTo(2);
        assertThat(RowCount.of(0)).isZero();
    }

    @Test
    void negativeCountsAreZero() {
        assertThat(RowCount.of(-1)).isZero();
        assertThat(RowCount.of(-5L)).isZero();
        assertThat(RowCount.of((short) -3)).isZero();
        assertThat(RowCount.of((byte) -1)).isZero();
    }

    @Test
    void intBatchSumsPositiveEntriesCountsSuccessNoInfoAsOneAndExecuteFailedAsNone() {
        assertThat(RowCount.of(new int[] {1, 2, 3})).isEqualTo(6);
        assertThat(RowCount.of(new int[] {Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO})).isEqualTo(2);
        assertThat(RowCount.of(new int[] {Statement.EXECUTE_FAILED, 4})).isEqualTo(4);
        assertThat(RowCount.of(new int[] {0, Statement.EXECUTE_FAILED})).isZero();
        assertThat(RowCount.of(new int[] {-7, 2, Statement.SUCCESS_NO_INFO})).isEqualTo(3);
        assertThat(RowCount.of(new int[0])).isZero();
    }

    @Test
    void longBatchFollowsTheSameRules() {
        assertThat(RowCount.of(new long[] {5_000_000_000L, 1})).isEqualTo(5_000_000_001L);
        assertThat(RowCount.of(new long[] {Statement.SUCCESS_NO_INFO, Statement.EXECUTE_FAILED, 0})).isEqualTo(1);
        assertThat(RowCount.of(new long[0])).isZero();
    }

    @Test
    void booleanIsOneOrZero() {
        assertThat(RowCount.of(true)).isEqualTo(1);
        assertThat(RowCount.of(Boolean.FALSE)).isZero();
    }

    @Test
    void optionalIsOneWhenPresent() {
        assertThat(RowCount.of(Optional.of("row"))).isEqualTo(1);
        assertThat(RowCount.of(Optional.empty())).isZero();
    }

    @Test
    void collectionsAndMapsCountTheirSize() {
        assertThat(RowCount.of(List.of("a", "b", "c"))).isEqualTo(3);
        assertThat(RowCount.of(Set.of())).isZero();
        assertThat(RowCount.of(Map.of("a", 1, "b", 2))).isEqualTo(2);
    }

    @Test
    void otherArraysCountTheirLength() {
        assertThat(RowCount.of(new String[] {"a", "b"})).isEqualTo(2);
        assertThat(RowCount.of(new Object[0])).isZero();
        assertThat(RowCount.of(new short[] {-1, -1, -1})).isEqualTo(3);
    }

    @Test
    void nullAndVoidAreZero() {
        assertThat(RowCount.of(null)).isZero();
    }

    @Test
    void anyOtherObjectIsOneReturnedRow() {
        assertThat(RowCount.of("a user")).isEqualTo(1);
        assertThat(RowCount.of(new Object())).isEqualTo(1);
        assertThat(RowCount.of(BigDecimal.TEN)).isEqualTo(1);
        assertThat(RowCount.of(3.5)).isEqualTo(1);
    }
}
