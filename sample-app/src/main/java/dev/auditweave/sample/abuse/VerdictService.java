package dev.auditweave.sample.abuse;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * Feedback verdicts on log entries: one per entry, an upsert keyed by the log id, refused for an entry that does not
 * exist and for an entry of another organisation than the editor's. It emits {@code abuse.verdict_recorded} for a
 * first verdict ({@code INSERTED}) and {@code abuse.verdict_changed} when a later one differs, after the commit.
 */
public class VerdictService {

    private final AbuseDatabase database;
    private final Clock clock;

    public VerdictService(AbuseDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Records {@code verdict} on the entry {@code logId}, for {@code editor}.
     *
     * @throws MissingLogEntryException   when there is no such entry
     * @throws CrossOrganizationException when the entry belongs to an organisation the editor may not mark
     */
    @EmitsAbuseEvent(type = AbuseEventTypes.VERDICT_RECORDED, when = "INSERTED", data = {
            @Field(name = "log_id", value = "logId"),
            @Field(name = "verdict", value = "result.verdict"),
            @Field(name = "organization_id", value = "result.organizationId"),
            @Field(name = "actor_email", value = "editor.email")})
    @EmitsAbuseEvent(type = AbuseEventTypes.VERDICT_CHANGED, when = "!INSERTED && result.changed", data = {
            @Field(name = "log_id", value = "logId"),
            @Field(name = "verdict", value = "result.verdict"),
            @Field(name = "previous_verdict", value = "result.previous"),
            @Field(name = "organization_id", value = "result.organizationId"),
            @Field(name = "actor_email", value = "editor.email")})
    public VerdictWrite record(long logId, Verdict verdict, Editor editor) throws SQLException {
        return database.inTransaction(connection -> {
            Optional<Optional<String>> owner = AbuseLog.organizationOf(connection, logId);
            if (owner.isEmpty()) {
                throw new MissingLogEntryException(logId);
            }
            String organization = owner.get().orElse(null);
            if (!editor.mayMark(organization)) {
                throw new CrossOrganizationException(editor, logId, organization);
            }
            String previous = AbuseLog.verdictOf(connection, logId).orElse(null);
            long now = clock.millis();
            boolean inserted = AbuseLog.updateVerdict(connection, logId, verdict.label(), editor.email(), now) == 0;
            if (inserted) {
                AbuseLog.insertVerdict(connection, logId, verdict.label(), editor.email(), now);
            }
            return new VerdictWrite(logId, verdict.label(), previous, organization, inserted);
        });
    }
}
