package dev.auditweave.sample;

import dev.auditweave.annotations.EventCatalog;
import dev.auditweave.annotations.EventSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Every event type the sample app emits, in one place. Emit sites ({@code @EmitsAbuseEvent(type = ...)})
 * and the demo's expectations refer to these constants, never to re-typed string literals, so a coverage
 * check can compare what is declared with what is emitted: {@code @EventCatalog} has auditweave-processor do it
 * when the module is built ({@code -Aauditweave.catalog=error} in the pom), and check user.blocked's fields
 * against its schema.
 */
@EventCatalog
public final class EventTypes {

    @EventSchema("schemas/user.blocked.json")
    public static final String USER_BLOCKED = "user.blocked";
    public static final String USER_UNBLOCKED = "user.unblocked";
    public static final String USER_DELETED = "user.deleted";
    public static final String USER_EMAIL_CHANGED = "user.email_changed";

    public static final String ORG_CREATED = "org.created";
    public static final String ORG_DELETED = "org.deleted";
    public static final String ORG_MEMBER_ADDED = "org.member_added";
    public static final String ORG_MEMBER_REMOVED = "org.member_removed";

    public static final String BILLING_CREDIT_PURCHASED = "billing.credit_purchased";
    public static final String BILLING_KILO_PASS_CHANGED = "billing.kilo_pass_changed";

    public static final String SUBSCRIPTION_UPGRADED = "subscription.upgraded";
    public static final String SUBSCRIPTION_DOWNGRADED = "subscription.downgraded";
    /** One l: the consumer's spelling, though the payment provider writes "cancelled". */
    public static final String SUBSCRIPTION_CANCELED = "subscription.canceled";

    public static final String ONBOARDING_CLAIMED = "onboarding.claimed";

    /** A sign-up, for the abuse service's {@code POST /api/auth-event} (event_type 'signup'). */
    public static final String AUTH_SIGNUP = "auth.signup";
    /** A sign-in, for the abuse service's {@code POST /api/auth-event} (event_type 'signin'). */
    public static final String AUTH_SIGNIN = "auth.signin";
    /** A sign-in refused because the account is blocked: the audit log's session lifecycle (field notes §3). */
    public static final String SESSION_SIGNIN_BLOCKED = "session.signin_blocked";
    /** A file handed out, to a user or an anonymous visitor: the audit log's exfiltration trail. */
    public static final String FILE_DOWNLOADED = "file.downloaded";

    public static final String STRIPE_PAYMENT_METHOD_ATTACHED = "stripe.payment_method.attached";
    public static final String STRIPE_PAYMENT_METHOD_DETACHED = "stripe.payment_method.detached";
    public static final String STRIPE_CHARGE_DISPUTE_CREATED = "stripe.charge.dispute.created";
    public static final String STRIPE_CHARGE_DISPUTE_FUNDS_WITHDRAWN = "stripe.charge.dispute.funds_withdrawn";
    public static final String STRIPE_RADAR_EARLY_FRAUD_WARNING_CREATED = "stripe.radar.early_fraud_warning.created";
    public static final String STRIPE_CHARGE_FAILED = "stripe.charge.failed";
    public static final String STRIPE_PAYMENT_INTENT_SUCCEEDED = "stripe.payment_intent.succeeded";

    /** The 17 types of the abuse service's {@code POST /api/events} (field notes §1). */
    public static final List<String> ABUSE_SERVICE = List.of(
            USER_BLOCKED, USER_UNBLOCKED, USER_DELETED, USER_EMAIL_CHANGED,
            ORG_MEMBER_ADDED, ORG_MEMBER_REMOVED, ORG_CREATED, ORG_DELETED,
            BILLING_CREDIT_PURCHASED, BILLING_KILO_PASS_CHANGED,
            STRIPE_PAYMENT_METHOD_ATTACHED, STRIPE_PAYMENT_METHOD_DETACHED, STRIPE_CHARGE_DISPUTE_CREATED,
            STRIPE_CHARGE_DISPUTE_FUNDS_WITHDRAWN, STRIPE_RADAR_EARLY_FRAUD_WARNING_CREATED, STRIPE_CHARGE_FAILED,
            STRIPE_PAYMENT_INTENT_SUCCEEDED);

    /** The auth events of the abuse service's {@code POST /api/auth-event}, one flat payload each (field notes §1). */
    public static final List<String> AUTH_EVENTS = List.of(AUTH_SIGNUP, AUTH_SIGNIN);

    /**
     * The audit-log kinds that neither abuse-service endpoint takes: the lifecycle-email forwarder's (field notes
     * §2), a blocked sign-in and a download (§3).
     */
    public static final List<String> AUDIT_LOG_ONLY = List.of(
            SUBSCRIPTION_UPGRADED, SUBSCRIPTION_DOWNGRADED, SUBSCRIPTION_CANCELED, ONBOARDING_CLAIMED,
            SESSION_SIGNIN_BLOCKED, FILE_DOWNLOADED);

    /** All of the above, for coverage checks. */
    public static final List<String> ALL = concat(concat(ABUSE_SERVICE, AUTH_EVENTS), AUDIT_LOG_ONLY);

    private EventTypes() {
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
