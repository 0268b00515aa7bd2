package dev.auditweave.sample.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.sample.Database;
import dev.auditweave.sample.EventTypes;
import dev.auditweave.sample.Jdbc;
import dev.auditweave.sample.SubscriptionService;
import dev.auditweave.sample.Tier;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Handles Stripe webhooks. Stripe delivers at least once: a redelivery is processed again (the handler's
 * writes are idempotent), and its event carries the same idempotency key, so it gets the same event id
 * and the receiver drops the duplicate. {@code occurred_at} is when Stripe created the event, not when
 * the webhook arrived. {@link #receive} is what the webhook endpoint answers Stripe.
 */
public class StripeWebhookHandler {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Database database;
    private final SubscriptionService subscriptions;

    public StripeWebhookHandler(Database database, SubscriptionService subscriptions) {
        this.database = database;
        this.subscriptions = subscriptions;
    }

    /**
     * The webhook endpoint's answer, as an HTTP status: 200 once the event is processed, 400 for a payload that
     * is not a Stripe event (Stripe gives up on it), 500 when processing failed (Stripe delivers it again).
     */
    public int receive(String payload) {
        try {
            handle(payload);
            return 200;
        } catch (JsonProcessingException e) {
            return 400;
        } catch (IOException | SQLException | RuntimeException e) {
            return 500;
        }
    }

    /** Parses the payload, records the delivery and dispatches on the event type. Returns the parsed event. */
    public StripeEvent handle(String payload) throws IOException, SQLException {
        StripeEvent event = JSON.readValue(payload, StripeEvent.class);
        recordDelivery(event);
        switch (event.type()) {
            case "payment_method.attached" -> paymentMethodAttached(event);
            case "payment_method.detached" -> paymentMethodDetached(event);
            case "charge.dispute.created" -> disputeCreated(event);
            case "charge.dispute.funds_withdrawn" -> disputeFundsWithdrawn(event);
            case "radar.early_fraud_warning.created" -> earlyFraudWarningCreated(event);
            case "charge.failed" -> chargeFailed(event);
            case "payment_intent.succeeded" -> paymentIntentSucceeded(event);
            case "customer.subscription.updated" -> subscriptionUpdated(event);
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

    /**
     * Forgets the payment method. Once detached, Stripe's object has no customer any more: the customer it
     * belonged to is in {@code previous_attributes}.
     */
    @EmitsAbuseEvent(type = EventTypes.STRIPE_PAYMENT_METHOD_DETACHED,
            occurredAt = "event.created * 1000", idempotencyKey = "event.id", data = {
            @Field(name = "id", value = "event.id"),
            @Field(name = "type", value = "event.type"),
            @Field(name = "customer", value = "event.data.previous_attributes.customer"),
            @Field(name = "data", value = "event.data")})
    public void paymentMethodDetached(StripeEvent event) throws SQLException {
        database.update("DELETE FROM payment_methods WHERE id = ?", event.objectString("id"));
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
        recordDispute(event);
    }

    /** The disputed amount was taken back from the balance: the dispute's new status is recorded. */
    @EmitsAbuseEvent(type = EventTypes.STRIPE_CHARGE_DISPUTE_FUNDS_WITHDRAWN,
            occurredAt = "event.created * 1000", idempotencyKey = "event.id", data = {
            @Field(name = "id", value = "event.id"),
            @Field(name = "type", value = "event.type"),
            @Field(name = "charge", value = "event.data.object.charge"),
            @Field(name = "amount", value = "event.data.object.amount"),
            @Field(name = "reason", value = "event.data.object.reason"),
            @Field(name = "status", value = "event.data.object.status")})
    public void disputeFundsWithdrawn(StripeEvent event) throws SQLException {
        recordDispute(event);
    }

    /** Records Radar's early fraud warning about a charge (the card issuer reported it as fraudulent). */
    @EmitsAbuseEvent(type = EventTypes.STRIPE_RADAR_EARLY_FRAUD_WARNING_CREATED,
            occurredAt = "event.created * 1000", idempotencyKey = "event.id", data = {
            @Field(name = "id", value = "event.id"),
            @Field(name = "type", value = "event.type"),
            @Field(name = "charge", value = "event.data.object.charge"),
            @Field(name = "fraud_type", value = "event.data.object.fraud_type"),
            @Field(name = "actionable", value = "event.data.object.actionable")})
    public void earlyFraudWarningCreated(StripeEvent event) throws SQLException {
        database.update("MERGE INTO early_fraud_warnings(id, charge_id, fraud_type) KEY(id) VALUES (?, ?, ?)",
                event.objectString("id"), event.objectString("charge"), event.objectString("fraud_type"));
    }

    /**
     * Records the failed charge. {@code failure_code} only says {@code card_declined}; the issuer's decline code
     * ({@code insufficient_funds}, {@code stolen_card}, ...) is the charge's {@code outcome.reason}.
     */
    @EmitsAbuseEvent(type = EventTypes.STRIPE_CHARGE_FAILED,
            occurredAt = "event.created * 1000", idempotencyKey = "event.id", data = {
            @Field(name = "id", value = "event.id"),
            @Field(name = "type", value = "event.type"),
            @Field(name = "customer", value = "event.data.object.customer"),
            @Field(name = "amount", value = "event.data.object.amount"),
            @Field(name = "decline_code", value = "event.data.object.outcome.reason")})
    public void chargeFailed(StripeEvent event) throws SQLException {
        database.update("MERGE INTO payments(id, customer, amount, status, decline_code) KEY(id) "
                        + "VALUES (?, ?, ?, 'failed', ?)", event.objectString("id"), event.objectString("customer"),
                event.objectLong("amount"), event.objectString("outcome", "reason"));
    }

    /** Records the successful payment. */
    @EmitsAbuseEvent(type = EventTypes.STRIPE_PAYMENT_INTENT_SUCCEEDED,
            occurredAt = "event.created * 1000", idempotencyKey = "event.id", data = {
            @Field(name = "id", value = "event.id"),
            @Field(name = "type", value = "event.type"),
            @Field(name = "customer", value = "event.data.object.customer"),
            @Field(name = "amount", value = "event.data.object.amount_received")})
    public void paymentIntentSucceeded(StripeEvent event) throws SQLException {
        database.update("MERGE INTO payments(id, customer, amount, status) KEY(id) VALUES (?, ?, ?, 'succeeded')",
                event.objectString("id"), event.objectString("customer"), event.objectLong("amount_received"));
    }

    /**
     * The subscription moved to another tier, named with the user in its {@code metadata}: the tier change of
     * {@link SubscriptionService#changeTier}, whose events are the audit log's.
     */
    public void subscriptionUpdated(StripeEvent event) throws SQLException {
        String userId = event.objectString("metadata", "kilo_user_id");
        String tier = event.objectString("metadata", "tier");
        if (userId == null || tier == null) {
            throw new IllegalArgumentException("subscription " + event.objectString("id")
                    + " has no metadata.kilo_user_id or metadata.tier");
        }
        subscriptions.changeTier(userId, Tier.valueOf(tier.toUpperCase(Locale.ROOT)));
    }

    /** How many times the webhook with this event id was delivered (0 when never). */
    public long deliveries(String eventId) throws SQLException {
        try (var connection = database.connection()) {
            return Jdbc.queryLong(connection, "SELECT deliveries FROM processed_webhooks WHERE id = ?", eventId);
        }
    }

    private void recordDispute(StripeEvent event) throws SQLException {
        database.update("MERGE INTO disputes(id, charge_id, amount, reason, status) KEY(id) VALUES (?, ?, ?, ?, ?)",
                event.objectString("id"), event.objectString("charge"), event.objectLong("amount"),
                event.objectString("reason"), event.objectString("status"));
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
