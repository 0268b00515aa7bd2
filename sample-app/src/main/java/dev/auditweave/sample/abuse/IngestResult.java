package dev.auditweave.sample.abuse;

/**
 * What became of one batch.
 *
 * @param accepted   events stored
 * @param duplicates events dropped because an event with the same id was already stored
 */
public record IngestResult(int accepted, int duplicates) {
}
