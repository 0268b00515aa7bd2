package dev.auditweave.it.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every run does through the app's HTTP API, and the events that must come of it. Each change is done twice
 * (or redelivered): the second time changes nothing in the database (checked from the app's answer) and must emit
 * nothing; only the redelivered webhook emits again, with the same event id.
 */
final class ModerationScenario {

    static final String USER = "u-1";
    static final String MEMBER = "u-2";
    static final String ORGANIZATION = "org-1";
    static final String DISPUTE_EVENT_ID = "evt_dispute_1";
    static final long DISPUTE_CREATED_SECONDS = 1_716_000_000L;

    static final String DISPUTE_WEBHOOK = """
            {"id":"evt_dispute_1","object":"event","type":"charge.dispute.created","created":1716000000,
             "data":{"object":{"id":"dp_1","object":"dispute","charge":"ch_1","amount":4200,
                               "reason":"fraudulent","status":"needs_response"}}}""";
    /** A webhook the dispute annotation's guard must let pass without an event. */
    static final String PAYMENT_METHOD_WEBHOOK = """
            {"id":"evt_pm_1","object":"event","type":"payment_method.attached","created":1716000100,
             "data":{"object":{"id":"pm_1","object":"payment_method","customer":"cus_1"}}}""";

    private ModerationScenario() {
    }

    /** Drives the app; {@code context} describes the child for failure messages. */
    static void drive(SampleAppSession session, Supplier<String> context) throws IOException, InterruptedException {
        assertThat(session.block(USER, "spam")).as("first block of %s\n%s", USER, context.get()).isEqualTo(1);
        assertThat(session.block(USER, "spam again")).as("block of the already blocked %s\n%s", USER, context.get())
                .isZero();
        assertThat(session.unblock(USER)).as("unblock of %s\n%s", USER, context.get()).isEqualTo(1);
        assertThat(session.unblock(USER)).as("unblock of the no longer blocked %s\n%s", USER, context.get()).isZero();

        assertThat(session.addMember(ORGANIZATION, MEMBER, "admin")).as("first add\n%s", context.get()).isTrue();
        assertThat(session.addMember(ORGANIZATION, MEMBER, "admin")).as("duplicate add\n%s", context.get()).isFalse();
        assertThat(session.removeMember(ORGANIZATION, MEMBER)).as("remove\n%s", context.get()).isEqualTo(1);
        assertThat(session.removeMember(ORGANIZATION, MEMBER)).as("remove of a non-member\n%s", context.get())
                .isZero();

        assertThat(session.stripeWebhook(DISPUTE_WEBHOOK)).as("dispute webhook\n%s", context.get()).isEqualTo(1);
        assertThat(session.stripeWebhook(DISPUTE_WEBHOOK)).as("redelivered dispute webhook\n%s", context.get())
                .isEqualTo(2);
        assertThat(session.stripeWebhook(PAYMENT_METHOD_WEBHOOK)).as("payment method webhook\n%s", context.get())
                .isEqualTo(1);
    }

    /** Exactly what the receiver must get, in any order: each once, but the dispute twice (it was redelivered). */
    static List<TypedData> expectedEvents() {
        String admin = SampleAppSession.ADMIN_EMAIL;
        TypedData dispute = new TypedData("stripe.charge.dispute.created", Map.of("id", DISPUTE_EVENT_ID,
                "type", "charge.dispute.created", "charge", "ch_1", "amount", 4200, "reason", "fraudulent"));
        return List.of(
                new TypedData("user.blocked", Map.of("kilo_user_id", USER, "reason", "spam", "actor_email", admin)),
                new TypedData("user.unblocked", Map.of("kilo_user_id", USER, "actor_email", admin)),
                new TypedData("org.member_added", Map.of("kilo_user_id", MEMBER, "organization_id", ORGANIZATION,
                        "role", "admin")),
                new TypedData("org.member_removed", Map.of("kilo_user_id", MEMBER, "organization_id", ORGANIZATION)),
                dispute,
                dispute);
    }

    /** An event as compared: its type and its {@code data}. */
    record TypedData(String type, Map<String, Object> data) {
    }
}
