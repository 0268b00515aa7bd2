package dev.auditweave.samplespring;

/**
 * Every event type this application emits, in one place: emit sites and consumers refer to these constants,
 * never to re-typed string literals (shared/field-notes.md, section 2).
 */
public final class EventTypes {

    public static final String USER_BLOCKED = "user.blocked";
    public static final String USER_UNBLOCKED = "user.unblocked";
    public static final String USER_RENAMED = "user.renamed";
    public static final String USER_RENAME_REQUESTED = "user.rename_requested";
    public static final String ORG_MEMBER_ADDED = "org.member_added";
    public static final String ORG_MEMBER_REMOVED = "org.member_removed";
    /** A sign-up, for the abuse service's auth events (field notes §1), with the user's organization memberships. */
    public static final String AUTH_SIGNUP = "auth.signup";
    /**
     * A successful form login, for the abuse service's auth events: declared in application.properties on Spring
     * Security's {@code AuthenticationEventPublisher} ({@code auditweave.emit.signin.*}), not annotated.
     */
    public static final String AUTH_SIGNIN = "auth.signin";
    public static final String STRIPE_CHARGE_DISPUTE_CREATED = "stripe.charge.dispute.created";

    private EventTypes() {
    }
}
