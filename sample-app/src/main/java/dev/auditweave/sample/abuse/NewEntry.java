package dev.auditweave.sample.abuse;

import java.util.Objects;

/**
 * One received event as it is about to be stored.
 *
 * @param eventId        the event's id ({@code null} for an auth payload, which has none)
 * @param type           the event type
 * @param subject        the identity it is about: {@code kilo_user_id}, else the Stripe {@code customer}
 * @param organizationId the organisation it belongs to ({@code data.organization_id}), or {@code null}
 * @param ipAddress      {@code data.ip_address}, or {@code null}
 * @param occurredAt     epoch ms: {@code occurred_at}, else the receipt time
 * @param receivedAt     epoch ms
 * @param payload        the {@code data} object, as JSON
 */
public record NewEntry(String eventId, String type, String subject, String organizationId, String ipAddress,
                       long occurredAt, long receivedAt, String payload) {

    public NewEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(payload, "payload");
    }
}
