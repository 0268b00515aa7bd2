package dev.auditweave.agent.internal.sink.jdbc;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * What a {@link SQLException} means for a batch: a data error ({@code SQLState} class 22, data exception, or 23,
 * integrity constraint violation) is the fault of one row, which no retry can fix; anything else (no connection,
 * the server going down, a missing table, a timeout) may pass, and is retried.
 *
 * <pre>{@code
 * SqlErrors.isDataError(e);   // true for 22001 "value too long for type character varying(200)"
 * SqlErrors.describe(e);      // SQLState 22001: Value too long for column "TYPE CHARACTER VARYING(200)": "'…' (250)"
 * }</pre>
 */
final class SqlErrors {

    /** A quoted literal in a message: H2 quotes the offending value, which may be personal data. */
    private static final Pattern LITERAL = Pattern.compile("'[^']*'");
    private static final int MAX_DESCRIPTION = 300;
    /** A chain longer than this is cut short (a driver could chain exceptions in a cycle). */
    private static final int MAX_CHAIN = 16;

    private SqlErrors() {
    }

    /** Whether {@code e}, or an exception chained to it ({@code getNextException}, the cause), is a data error. */
    static boolean isDataError(SQLException e) {
        SQLException each = e;
        for (int i = 0; each != null && i < MAX_CHAIN; i++, each = next(each)) {
            String state = each.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The {@code SQLState} and the first line of the message of the most telling exception of the chain (the first
     * with a {@code SQLState}), every quoted literal replaced by {@code '…'}: safe to log and to keep with a dead
     * letter, since it holds no value of the row.
     */
    static String describe(SQLException e) {
        SQLException telling = e;
        SQLException each = e;
        for (int i = 0; each != null && i < MAX_CHAIN; i++, each = next(each)) {
            if (each.getSQLState() != null) {
                telling = each;
                break;
            }
        }
        String message = telling.getMessage() == null ? telling.getClass().getName() : telling.getMessage();
        int end = message.indexOf('\n');
        String line = LITERAL.matcher(end < 0 ? message : message.substring(0, end)).replaceAll("'…'").strip();
        if (line.length() > MAX_DESCRIPTION) {
            line = line.substring(0, MAX_DESCRIPTION) + "…";
        }
        return "SQLState " + telling.getSQLState() + ": " + line;
    }

    private static SQLException next(SQLException e) {
        if (e.getNextException() != null && e.getNextException() != e) {
            return e.getNextException();
        }
        return e.getCause() instanceof SQLException cause && cause != e ? cause : null;
    }
}
