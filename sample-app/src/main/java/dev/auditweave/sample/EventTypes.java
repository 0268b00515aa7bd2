package dev.auditweave.sample;

import java.util.List;

/**
 * Every event type the sample app emits, in one place. Emit sites ({@code @EmitsAbuseEvent(type = ...)})
 * and the demo's expectations refer to these constants, never to re-typed string literals, so a coverage
 * check can compare what is declared with what is emitted.
 */
public final class EventTypes {

    public static final String USER_BLOCKED = "user.blocked";
    public static final String USER_UNBLOCKED = "user.unblocked";
    public static final String USER_DELETED = "user.deleted";
    public static final String USER_EMAIL_CHANGED = "user.email_changed";

    public static final String ORG_CREATED = "org.created";
    public static final String ORG_DELETED = "org.deleted";
    public static final String ORG_MEMBER_ADDED = "org.member_added";
    public static final String ORG_MEMBER_REMOVED = "org.member_removed";

    public static final String BILLING_CREDIT_PURCHASED = "billing.credit_purchased";

    public static final String SUBSCRIPTION_UPGRADED = "subscription.upgraded";
    public static final String SUBSCRIPTION_DOWNGRADED = "subscription.downgraded";
    /** One l: the consumer's spelling, though the payment provider writes "cancelled". */
    public static final String SUBSCRIPTION_CANCELED = "subscription.canceled";

    public static final String ONBOARDING_CLAIMED = "onboarding.claimed";

    public static final String STRIPE_PAYMENT_METHOD_ATTACHED = "stripe.payment_method.attached";
    public static final String STRIPE_CHARGE_DISPUTE_CREATED = "stripe.charge.dispute.created";

    /** All of the above, for coverage checks. */
    public static final List<String> ALL = List.of(
            USER_BLOCKED, USER_UNBLOCKED, USER_DELETED, USER_EMAIL_CHANGED,
            ORG_CREATED, ORG_DELETED, ORG_MEMBER_ADDED, ORG_MEMBER_REMOVED,
            BILLING_CREDIT_PURCHASED,
            SUBSCRIPTION_UPGRADED, SUBSCRIPTION_DOWNGRADED, SUBSCRIPTION_CANCELED,
            ONBOARDING_CLAIMED,
            STRIPE_PAYMENT_METHOD_ATTACHED, STRIPE_CHARGE_DISPUTE_CREATED);

    private EventTypes() {
    }
}
