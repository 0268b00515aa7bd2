package dev.auditweave.sample.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.sample.SampleServices;
import dev.auditweave.sample.script.Script;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Parsing and processing Stripe webhooks, redeliveries included, without auditweave. */
class StripeWebhookHandlerTest {

    private final StripeWebhookHandler stripe = SampleServices.inMemory("stripe-" + UUID.randomUUID()).stripe();

    @Test
    void parsesTheEventIgnoringFieldsItDoesNotModel() throws Exception {
        StripeEvent event = stripe.handle(Script.DISPUTE_CREATED);

        assertThat(event.id()).isEqualTo("evt_1DisputeCreated01");
        assertThat(event.type()).isEqualTo("charge.dispute.created");
        assertThat(event.created()).isEqualTo(1716000600L);
        assertThat(event.data().object()).containsEntry("charge", "ch_3Charge0001").containsEntry("amount", 2000);
        assertThat(event.objectString("customer")).isNull();
    }

    @Test
    void aRedeliveryIsProcessedAgainAndCounted() throws Exception {
        stripe.handle(Script.DISPUTE_CREATED);
        stripe.handle(Script.DISPUTE_CREATED);
        stripe.handle(Script.PAYMENT_METHOD_ATTACHED);

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
}
