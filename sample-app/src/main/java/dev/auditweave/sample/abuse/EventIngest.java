package dev.auditweave.sample.abuse;

import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stores and scores what arrives, one event at a time (so an identity's running score is never read by two at
 * once): a duplicate by event id is dropped, an unknown type is accepted and logged once.
 */
public final class EventIngest {

    private final AbuseDatabase database;
    private final Scoring scoring;
    private final UnknownTypes unknownTypes = new UnknownTypes();
    private final AtomicLong duplicates = new AtomicLong();

    public EventIngest(AbuseDatabase database, Scoring scoring) {
        this.database = database;
        this.scoring = scoring;
    }

    /** Stores and scores each entry, in order. */
    public synchronized IngestResult ingest(List<NewEntry> entries) throws SQLException {
        int accepted = 0;
        int dropped = 0;
        for (NewEntry entry : entries) {
            if (store(entry)) {
                accepted++;
            } else {
                dropped++;
            }
        }
        duplicates.addAndGet(dropped);
        return new IngestResult(accepted, dropped);
    }

    /** How many duplicates were dropped so far. */
    public long duplicates() {
        return duplicates.get();
    }

    /** The unknown types seen so far, sorted. */
    public List<String> unknownTypes() {
        return unknownTypes.all();
    }

    private boolean store(NewEntry entry) throws SQLException {
        return database.inTransaction(connection -> {
            if (entry.eventId() != null && AbuseLog.hasEvent(connection, entry.eventId())) {
                return false;
            }
            boolean known = scoring.weights().points(entry.type()).isPresent();
            Assessment assessment = scoring.assess(entry.type(), entry.ipAddress(),
                    AbuseLog.scoreOf(connection, entry.subject()));
            OptionalLong logId = AbuseLog.insert(connection, entry, assessment, known);
            if (logId.isPresent() && !known) {
                unknownTypes.note(entry.type());
            }
            return logId.isPresent();
        });
    }
}
