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
    public static final String STRIPE_CHARGE_DISPUTE_CREATED = "stripe.charge.dispute.created";

    private EventTypes() {
    }
}
