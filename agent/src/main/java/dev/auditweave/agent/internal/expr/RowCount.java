package dev.auditweave.agent.internal.expr;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The rows a method affected or returned, read from its result: the value of {@code RETURNED_ROWS}.
 *
 * <pre>{@code
 * RowCount.of(3)                        // 3   an update count
 * RowCount.of(-1)                       // 0
 * RowCount.of(new int[] {1, -2, -3})    // 2   a JDBC batch: SUCCESS_NO_INFO counts one, EXECUTE_FAILED none
 * RowCount.of(true)                     // 1
 * RowCount.of(Optional.empty())         // 0
 * RowCount.of(List.of(a, b))            // 2   also Map size and array length
 * RowCount.of(null)                     // 0   also a void method
 * RowCount.of(user)                     // 1   a single returned row
 * }</pre>
 */
public final class RowCount {

    /**
     * {@code java.sql.Statement.SUCCESS_NO_INFO}, copied so that the agent does not need the {@code java.sql}
     * module.
     */
    private static final int SUCCESS_NO_INFO = -2;

    private RowCount() {
    }

    /** The row count of {@code result}, never negative. */
    public static long of(Object result) {
        if (result == null) {
            return 0;
        }
        if (result instanceof Integer || result instanceof Long || result instanceof Short || result instanceof Byte) {
            return Math.max(0, ((Number) result).longValue());
        }
        if (result instanceof Boolean flag) {
            return flag ? 1 : 0;
        }
        if (result instanceof int[] counts) {
            long rows = 0;
            for (int count : counts) {
                rows += batchEntry(count);
            }
            return rows;
        }
        if (result instanceof long[] counts) {
            long rows = 0;
            for (long count : counts) {
                rows += batchEntry(count);
            }
            return rows;
        }
        if (result instanceof Optional<?> optional) {
            return optional.isPresent() ? 1 : 0;
        }
        if (result instanceof Collection<?> collection) {
            return collection.size();
        }
        if (result instanceof Map<?, ?> map) {
            return map.size();
        }
        if (result.getClass().isArray()) {
            return Array.getLength(result);
        }
        return 1;
    }

    private static long batchEntry(long count) {
        if (count > 0) {
            return count;
        }
        // Drivers that do not report batch counts say SUCCESS_NO_INFO; counting one keeps RETURNED_ROWS > 0 firing.
        return count == SUCCESS_NO_INFO ? 1 : 0;
    }
}
