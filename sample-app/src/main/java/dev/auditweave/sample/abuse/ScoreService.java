package dev.auditweave.sample.abuse;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.sql.SQLException;

/**
 * An analyst's score on one log entry, which replaces the points scoring gave it. Applying a score to an entry
 * that does not exist is an error: the {@code UPDATE} changed no row. Emits {@code abuse.score_applied} when it
 * changed one.
 */
public class ScoreService {

    private final AbuseDatabase database;

    public ScoreService(AbuseDatabase database) {
        this.database = database;
    }

    /**
     * Applies {@code score} (0 to 100) to the entry {@code logId}; returns the rows changed (1).
     *
     * @throws IllegalArgumentException when the score is out of range
     * @throws MissingLogEntryException when there is no such entry
     */
    @EmitsAbuseEvent(type = AbuseEventTypes.SCORE_APPLIED, when = "RETURNED_ROWS > 0", data = {
            @Field(name = "log_id", value = "logId"),
            @Field(name = "score", value = "score")})
    public int apply(long logId, int score) throws SQLException {
        if (score < 0 || score > Score.MAX) {
            throw new IllegalArgumentException("a score lies between 0 and " + Score.MAX + ", got " + score);
        }
        return database.inTransaction(connection -> {
            int rows = AbuseLog.applyScore(connection, logId, score);
            if (rows == 0) {
                throw new MissingLogEntryException(logId);
            }
            return rows;
        });
    }
}
