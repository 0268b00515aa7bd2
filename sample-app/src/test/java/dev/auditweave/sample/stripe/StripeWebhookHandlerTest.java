package dev.auditweave.sample.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.sample.SampleServices;
import dev.auditweave.sample.script.StripePayloads;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Parsing and processing Stripe webhooks, redeliveries included, without auditweave. */
class StripeWebhookHandlerTest {

    private final SampleServices app = SampleServices.inMemory("stripe-" + UUID.randomUUID());
    private final StripeWebhookHandler stripe = app.stripe();

    @Test
    void parsesTheEventIgnoringFieldsItDoesNotModel() throws Exception {
        StripeEvent event = stripe.handle(StripePayloads.DISPUTE_CREATED);

        assertThat(event.id()).isEqualTo("evt_1DisputeCreated01");
        assertThat(event.type()).isEqualTo("charge.dispute.created");
        assertThat(event.created()).isEqualTo(1716000600L);
        assertThat(event.data().object()).containsEntry("charge", "ch_3Charge0001").containsEntry("amount", 2000);
        assertThat(event.objectString("customer")).isNull();
    }

    @Test
    void aRedeliveryIsProcessedAgainAndCounted() throws Exception {
        stripe.handle(StripePayloads.DISPUTE_CREATED);
        stripe.handle(StripePayloads.DISPUTE_CREATED);
        stripe.handle(StripePayloads.PAYMENT_METHOD_ATTACHED);

        assertThat(stripe.deliveries("evt_1DisputeCreated01")).isEqualTo(2);
        assertThat(stripe.deliveries("evt_1PmAttached0001")).isEqualTo(1);
        assertThat(stripe.deliveries("evt_never")).isZero();
    }

    @Test
    void unknownTypesAreAcknowledged() throws Exception {
        StripeEvent event = stripe.handle("""
                {"id": "evt_other", "type": "invoice.paid", "created": 1, "data": {"object": {}}}""");

        assertThat(event.type()).isEqualTo("invoice.paid");
        assertThat(stripe.deliveries("evt_other")).isEqualTo(1);
    }

    @Test
    void aDetachedPaymentMethodNamesItsFormerCustomerInPreviousAttributes() throws Exception {
        StripeEvent event = stripe.handle(StripePayloads.PAYMENT_METHOD_DETACHED);

        assertThat(event.objectString("customer")).isNull();
        assertThat(event.data().previous_attributes()).containsEntry("customer", "cus_QBob0001");
    }

    @Test
    void aFailedChargeCarriesTheDeclineCodeInItsOutcome() throws Exception {
        StripeEvent event = stripe.handle(StripePayloads.CHARGE_FAILED);

        assertThat(event.objectString("failure_code")).isEqualTo("card_declined");
        assertThat(event.objectString("outcome", "reason")).isEqualTo("insufficient_funds");
        assertThat(event.objectString("metadata", "reason")).isNull();
    }

    @Test
    void everyScriptedWebhookIsAnswered200() {
        for (String payload : List.of(StripePayloads.PAYMENT_METHOD_ATTACHED,
                StripePayloads.PAYMENT_METHOD_DETACHED, StripePayloads.DISPUTE_CREATED,
                StripePayloads.DISPUTE_FUNDS_WITHDRAWN, StripePayloads.EARLY_FRAUD_WARNING_CREATED,
                StripePayloads.CHARGE_FAILED, StripePayloads.PAYMENT_INTENT_SUCCEEDED)) {
            assertThat(stripe.receive(payload)).as(payload).isEqualTo(200);
        }
    }

    @Test
    void aSubscriptionUpdateChangesTheTierNamedInItsMetadata() throws Exception {
        app.users().register("u-1", "one@example.com");

        assertThat(stripe.receive(subscriptionUpdated("evt_sub_1", "u-1", "pro"))).isEqualTo(200);

        assertThat(app.subscriptions().describe("u-1")).isEqualTo("PRO active");
    }

    @Test
    void aPayloadThatIsNotJsonIsAnswered400() {
        assertThat(stripe.receive("{not json")).isEqualTo(400);
    }

    @Test
    void aWebhookThatCannotBeProcessedIsAnswered500SoThatStripeDeliversItAgain() {
        assertThat(stripe.receive(subscriptionUpdated("evt_sub_2", "u-unknown", "pro"))).isEqualTo(500);
        assertThat(stripe.receive(subscriptionUpdated("evt_sub_3", "u-unknown", "platinum"))).isEqualTo(500);
        assertThat(stripe.receive("""
                {"id": "evt_sub_4", "type": "customer.subscription.updated", "created": 1,
                 "data": {"object": {"id": "sub_1", "metadata": {}}}}""")).isEqualTo(500);
    }

    static String subscriptionUpdated(String eventId, String userId, String tier) {
        return """
                {"id": "%s", "type": "customer.subscription.updated", "created": 1716000000,
                 "data": {"object": {"id": "sub_1", "object": "subscription", "status": "active",
                                     "metadata": {"kilo_user_id": "%s", "tier": "%s"}}}}""".formatted(eventId, userId, tier);
    }
}
