package dev.auditweave.sample.demo;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event as the receiver got it.
 *
 * @param id         the event id ({@code null} when missing)
 * @param type       the event type ({@code null} when missing)
 * @param occurredAt {@code occurred_at} in epoch ms ({@code null} when absent)
 * @param data       the {@code data} object (an empty object when absent)
 */
public record ReceivedEvent(String id, String type, Long occurredAt, JsonNode data) {
}
