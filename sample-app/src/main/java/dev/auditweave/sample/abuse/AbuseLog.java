package dev.auditweave.sample.abuse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The SQL of the abuse log and its verdicts; each method works on the connection it is given. */
final class AbuseLog {

    /** SQLSTATE of a unique-constraint violation, in H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** An entry's contribution to its identity's score. */
    private static final String EFFECTIVE_POINTS = "CASE WHEN v.verdict = '" + Verdict.FALSE_POSITIVE.label()
            + "' THEN 0 WHEN l.manual_score IS NOT NULL THEN l.manual_score ELSE l.points END";

    private static final String ENTRY_COLUMNS = "l.log_id, l.event_id, l.type, l.subject, l.organization_id, "
            + "l.ip_address, l.occurred_at, l.received_at, l.known, l.points, l.band, l.manual_score, l.payload, v.verdict";

    private AbuseLog() {
    }

    /** Inserts the entry; returns its log id, or empty when an entry with the same event id is already there. */
    static OptionalLong insert(Connection connection, NewEntry entry, Assessment assessment, boolean known)
            throws SQLException {
        String sql = "INSERT INTO abuse_log(event_id, type, subject, organization_id, ip_address, occurred_at, "
                + "received_at, known, points, band, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"log_id"})) {
            statement.setString(1, entry.eventId());
            statement.setString(2, entry.type());
            statement.setString(3, entry.subject());
            statement.setString(4, entry.organizationId());
            statement.setString(5, entry.ipAddress());
            statement.setLong(6, entry.occurredAt());
            statement.setLong(7, entry.receivedAt());
            statement.setBoolean(8, known);
            statement.setInt(9, assessment.points());
            statement.setString(10, assessment.band().label());
            statement.setString(11, entry.payload());
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return OptionalLong.of(keys.getLong(1));
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    /** Whether an entry with this event id is stored. */
    static boolean hasEvent(Connection connection, String eventId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM abuse_log WHERE event_id = ?")) {
            statement.setString(1, eventId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The identity's score now. */
    static int scoreOf(Connection connection, String subject) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COALESCE(SUM(" + EFFECTIVE_POINTS
                + "), 0) FROM abuse_log l LEFT JOIN abuse_verdict v ON v.log_id = l.log_id WHERE l.subject = ?")) {
            statement.setString(1, subject);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return Score.clamp(rows.getLong(1));
            }
        }
    }

    /** Sets an analyst's score on an entry: the rows changed, 0 when there is no such entry. */
    static int applyScore(Connection connection, long logId, int score) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE abuse_log SET manual_score = ? WHERE log_id = ?")) {
            statement.setInt(1, score);
            statement.setLong(2, logId);
            return statement.executeUpdate();
        }
    }

    /**
     * The organisation of an entry, read for update: empty when there is no such entry; a present but empty inner
     * value when the entry belongs to no organisation.
     */
    static Optional<Optional<String>> organizationOf(Connection connection, long logId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT organization_id FROM abuse_log WHERE log_id = ? FOR UPDATE")) {
            statement.setLong(1, logId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(Optional.ofNullable(rows.getString(1))) : Optional.empty();
            }
        }
    }

    /** The entry's verdict, or empty. */
    static Optional<String> verdictOf(Connection connection, long logId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT verdict FROM abuse_verdict WHERE log_id = ?")) {
            statement.setLong(1, logId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** Updates the entry's verdict: the rows changed, 0 when it has none yet. */
    static int updateVerdict(Connection connection, long logId, String verdict, String editor, long now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE abuse_verdict SET verdict = ?, editor = ?, updated_at = ? WHERE log_id = ?")) {
            statement.setString(1, verdict);
            statement.setString(2, editor);
            statement.setLong(3, now);
            statement.setLong(4, logId);
            return statement.executeUpdate();
        }
    }

    static void insertVerdict(Connection connection, long logId, String verdict, String editor, long now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO abuse_verdict(log_id, verdict, editor, updated_at) VALUES (?, ?, ?, ?)")) {
            statement.setLong(1, logId);
            statement.setString(2, verdict);
            statement.setString(3, editor);
            statement.setLong(4, now);
            statement.executeUpdate();
        }
    }

    /** The latest {@code limit} entries, newest first. */
    static List<LogEntry> recent(Connection connection, int limit) throws SQLException {
        List<LogEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + ENTRY_COLUMNS
                + " FROM abuse_log l LEFT JOIN abuse_verdict v ON v.log_id = l.log_id ORDER BY l.log_id DESC")) {
            statement.setMaxRows(limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
        }
        return entries;
    }

    /** Every identity's score, the highest first. */
    static List<IdentityScore> identities(Connection connection) throws SQLException {
        List<IdentityScore> scores = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT l.subject, SUM(" + EFFECTIVE_POINTS
                + "), COUNT(*), MAX(l.received_at) FROM abuse_log l LEFT JOIN abuse_verdict v ON v.log_id = l.log_id "
                + "GROUP BY l.subject");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                scores.add(new IdentityScore(rows.getString(1), Score.clamp(rows.getLong(2)), rows.getInt(3),
                        rows.getLong(4)));
            }
        }
        scores.sort(java.util.Comparator.comparingInt(IdentityScore::score).reversed()
                .thenComparing(IdentityScore::subject));
        return scores;
    }

    private static LogEntry entry(ResultSet rows) throws SQLException {
        int manual = rows.getInt(12);
        Integer manualScore = rows.wasNull() ? null : manual;
        return new LogEntry(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getLong(7), rows.getLong(8), rows.getBoolean(9),
                rows.getInt(10), Band.valueOf(rows.getString(11).toUpperCase(java.util.Locale.ROOT)), manualScore,
                rows.getString(13), rows.getString(14));
    }
}
