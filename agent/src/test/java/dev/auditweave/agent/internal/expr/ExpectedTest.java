package dev.auditweave.agent.internal.expr;

import static dev.auditweave.agent.internal.expr.Compile.fails;
import static dev.auditweave.agent.internal.expr.Compile.scope;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;

class ExpectedTest {

    public record Times(long seconds, Instant instant, Date date, Timestamp timestamp, OffsetDateTime offset,
                        ZonedDateTime zoned, LocalDateTime local, Object any) {
    }

    interface Api {
        int blockUser(String userId, boolean flag, Object any, Boolean boxed, Times times);
    }

    private static final Scope SCOPE = scope(Api.class, "blockUser");

    private static CompiledExpression compile(String source, Expected expected) {
        return ExpressionCompiler.compile(source, SCOPE, expected);
    }

    @Test
    void aGuardMustBeBoolean() {
        assertThat(compile("RETURNED_ROWS > 0", Expected.BOOLEAN).test(new Object[5], 1, 0)).isTrue();
        assertThat(compile("flag", Expected.BOOLEAN)).isNotNull();
        assertThat(compile("boxed", Expected.BOOLEAN).test(new Object[5], 1, 0)).isFalse();
        assertThat(compile("any", Expected.BOOLEAN)).isNotNull();
        assertThat(compile("times.any", Expected.BOOLEAN)).isNotNull();
        fails("RETURNED_ROWS", SCOPE, Expected.BOOLEAN, 0,
                "a guard must be a boolean expression, but RETURNED_ROWS is a number");
        fails("  userId ", SCOPE, Expected.BOOLEAN, 2, "a guard must be a boolean expression, but userId is a String");
        fails("userId + 'x'", SCOPE, Expected.BOOLEAN, 0,
                "a guard must be a boolean expression, but userId + 'x' is a String");
        fails("(RETURNED_ROWS)", SCOPE, Expected.BOOLEAN, 0,
                "a guard must be a boolean expression, but (RETURNED_ROWS) is a number");
        fails("times", SCOPE, Expected.BOOLEAN, 0, "a guard must be a boolean expression, but times is a "
                + Times.class.getName());
        fails("null", SCOPE, Expected.BOOLEAN, 0, "a guard must be a boolean expression, but null is always null");
    }

    @Test
    void aTimeMayBeEpochMillisOrATimeType() {
        for (String source : new String[] {"times.seconds * 1000", "NOW", "times.instant", "times.date",
            "times.timestamp", "times.offset", "times.zoned", "times.any", "any"}) {
            assertThat(compile(source, Expected.EPOCH_MILLIS).source()).isEqualTo(source);
        }
        String allowed = "a time must be a number of epoch milliseconds, an Instant, a Date, an OffsetDateTime or a "
                + "ZonedDateTime, but ";
        fails("userId", SCOPE, Expected.EPOCH_MILLIS, 0, allowed + "userId is a String");
        fails("times.local", SCOPE, Expected.EPOCH_MILLIS, 0, allowed + "times.local is a java.time.LocalDateTime");
        fails("flag", SCOPE, Expected.EPOCH_MILLIS, 0, allowed + "flag is a boolean");
    }

    @Test
    void anythingGoesForAny() {
        for (String source : new String[] {"userId", "flag", "times", "times.local", "null", "RETURNED_ROWS"}) {
            assertThat(compile(source, Expected.ANY).source()).isEqualTo(source);
        }
    }
}
