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
        assertThat(session.block(USER, "spam")).as(about("first block of " + USER, context)).isEqualTo(1);
        assertThat(session.block(USER, "spam again")).as(about("block of the already blocked " + USER, context))
                .isZero();
        assertThat(session.unblock(USER)).as(about("unblock of " + USER, context)).isEqualTo(1);
        assertThat(session.unblock(USER)).as(about("unblock of the no longer blocked " + USER, context)).isZero();

        assertThat(session.addMember(ORGANIZATION, MEMBER, "admin")).as(about("first add", context)).isTrue();
        assertThat(session.addMember(ORGANIZATION, MEMBER, "admin")).as(about("duplicate add", context)).isFalse();
        assertThat(session.removeMember(ORGANIZATION, MEMBER)).as(about("remove", context)).isEqualTo(1);
        assertThat(session.removeMember(ORGANIZATION, MEMBER)).as(about("remove of a non-member", context)).isZero();

        assertThat(session.stripeWebhook(DISPUTE_WEBHOOK)).as(about("dispute webhook", context)).isEqualTo(1);
        assertThat(session.stripeWebhook(DISPUTE_WEBHOOK)).as(about("redelivered dispute webhook", context))
                .isEqualTo(2);
        assertThat(session.stripeWebhook(PAYMENT_METHOD_WEBHOOK)).as(about("payment method webhook", context))
                .isEqualTo(1);
    }

    /** A failure description computed only when the assertion fails. */
    private static Supplier<String> about(String step, Supplier<String> context) {
        return () -> step + "\n" + context.get();
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
