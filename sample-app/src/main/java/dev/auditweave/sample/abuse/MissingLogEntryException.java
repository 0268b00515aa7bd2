package dev.auditweave.sample.abuse;

/** A write named a log entry that does not exist (the statement changed no row). */
public final class MissingLogEntryException extends RuntimeException {

    public MissingLogEntryException(long logId) {
        super("no log entry " + logId);
    }
}
