package dev.auditweave.sample.stripe;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.sample.Database;
import dev.auditweave.sample.EventTypes;
import dev.auditweave.sample.Jdbc;
import java.io.IOException;
import java.sql.SQLException;

/**
 * Handles Stripe webhooks. Stripe delivers at least once: a redelivery is processed again (the handler's
 * writes are idempotent), and its event carries the same idempotency key, so it gets the same event id
 * and the receiver drops the duplicate. {@code occurred_at} is when Stripe created the event, not when
 * the webhook arrived.
 */
public class StripeWebhookHandler {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Database database;

    public StripeWebhookHandler(Database database) {
        this.database = database;
    }

    /** Parses the payload, records the delivery and dispatches on the event type. Returns the parsed event. */
    public StripeEvent handle(String payload) throws IOException, SQLException {
        StripeEvent event = JSON.readValue(payload, StripeEvent.class);
        recordDelivery(event);
        switch (event.type()) {
            case "payment_method.attached" -> paymentMethodAttached(event);
            case "charge.dispute.created" -> disputeCreated(event);
            default -> {
                // not handled by this app: acknowledged and ignored
            }
        }
        return event;
    }

    /** Remembers the payment method of the customer. */
    @EmitsAbuseEvent(type = EventTypes.STRIPE_PAYMENT_METHOD_ATTACHED,
            occurredAt = "event.created * 1000", idempotencyKey = "event.id", data = {
            @Field(name = "id", value = "event.id"),
            @Field(name = "type", value = "event.type"),
            @Field(name = "customer", value = "event.data.object.customer"),
            @Field(name = "data", value = "event.data")})
    public void paymentMethodAttached(StripeEvent event) throws SQLException {
        database.update("MERGE INTO payment_methods(id, customer) KEY(id) VALUES (?, ?)",
                event.objectString("id"), event.objectString("customer"));
    }

    /** Records the dispute. A dispute names a charge, not a customer: {@code charge} is the charge id. */
    @EmitsAbuseEvent(type = EventTypes.STRIPE_CHARGE_DISPUTE_CREATED,
            occurredAt = "event.created * 1000", idempotencyKey = "event.id", data = {
            @Field(name = "id", value = "event.id"),
            @Field(name = "type", value = "event.type"),
            @Field(name = "charge", value = "event.data.object.charge"),
            @Field(name = "amount", value = "event.data.object.amount"),
            @Field(name = "reason", value = "event.data.object.reason")})
    public void disputeCreated(StripeEvent event) throws SQLException {
        database.update("MERGE INTO disputes(id, charge_id, amount, reason) KEY(id) VALUES (?, ?, ?, ?)",
                event.objectString("id"), event.objectString("charge"), event.objectLong("amount"),
                event.objectString("reason"));
    }

    /** How many times the webhook with this event id was delivered (0 when never). */
    public long deliveries(String eventId) throws SQLException {
        try (var connection = database.connection()) {
            return Jdbc.queryLong(connection, "SELECT deliveries FROM processed_webhooks WHERE id = ?", eventId);
        }
    }

    private void recordDelivery(StripeEvent event) throws SQLException {
        database.inTransaction(connection -> {
            int updated = Jdbc.update(connection,
                    "UPDATE processed_webhooks SET deliveries = deliveries + 1 WHERE id = ?", event.id());
            if (updated == 0) {
                Jdbc.update(connection, "INSERT INTO processed_webhooks(id, type, deliveries) VALUES (?, ?, 1)",
                        event.id(), event.type());
            }
            return null;
        });
    }
}
