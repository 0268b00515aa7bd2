package dev.auditweave.sample.abuse;

/**
 * One stored log entry, with its verdict.
 *
 * @param logId          the entry's key
 * @param eventId        the event's id, or {@code null}
 * @param type           the event type
 * @param subject        the identity
 * @param organizationId the organisation, or {@code null}
 * @param ipAddress      the IP address, or {@code null}
 * @param occurredAt     epoch ms
 * @param receivedAt     epoch ms
 * @param known          whether the type is one the service knows
 * @param points         the points scoring gave it
 * @param band           its band when it arrived
 * @param manualScore    an analyst's score that replaces {@code points}, or {@code null}
 * @param payload        the {@code data} object, as JSON
 * @param verdict        the feedback verdict, or {@code null}
 */
public record LogEntry(long logId, String eventId, String type, String subject, String organizationId,
                       String ipAddress, long occurredAt, long receivedAt, boolean known, int points, Band band,
                       Integer manualScore, String payload, String verdict) {
}
