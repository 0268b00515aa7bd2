package dev.auditweave.sample.script;

import static dev.auditweave.sample.EventTypes.AUTH_SIGNIN;
import static dev.auditweave.sample.EventTypes.BILLING_CREDIT_PURCHASED;
import static dev.auditweave.sample.EventTypes.BILLING_KILO_PASS_CHANGED;
import static dev.auditweave.sample.EventTypes.FILE_DOWNLOADED;
import static dev.auditweave.sample.EventTypes.ONBOARDING_CLAIMED;
import static dev.auditweave.sample.EventTypes.ORG_CREATED;
import static dev.auditweave.sample.EventTypes.ORG_DELETED;
import static dev.auditweave.sample.EventTypes.ORG_MEMBER_ADDED;
import static dev.auditweave.sample.EventTypes.ORG_MEMBER_REMOVED;
import static dev.auditweave.sample.EventTypes.SESSION_SIGNIN_BLOCKED;
import static dev.auditweave.sample.EventTypes.STRIPE_CHARGE_DISPUTE_CREATED;
import static dev.auditweave.sample.EventTypes.STRIPE_CHARGE_DISPUTE_FUNDS_WITHDRAWN;
import static dev.auditweave.sample.EventTypes.STRIPE_CHARGE_FAILED;
import static dev.auditweave.sample.EventTypes.STRIPE_PAYMENT_INTENT_SUCCEEDED;
import static dev.auditweave.sample.EventTypes.STRIPE_PAYMENT_METHOD_ATTACHED;
import static dev.auditweave.sample.EventTypes.STRIPE_PAYMENT_METHOD_DETACHED;
import static dev.auditweave.sample.EventTypes.STRIPE_RADAR_EARLY_FRAUD_WARNING_CREATED;
import static dev.auditweave.sample.EventTypes.SUBSCRIPTION_CANCELED;
import static dev.auditweave.sample.EventTypes.SUBSCRIPTION_DOWNGRADED;
import static dev.auditweave.sample.EventTypes.SUBSCRIPTION_UPGRADED;
import static dev.auditweave.sample.EventTypes.USER_BLOCKED;
import static dev.auditweave.sample.EventTypes.USER_DELETED;
import static dev.auditweave.sample.EventTypes.USER_EMAIL_CHANGED;
import static dev.auditweave.sample.EventTypes.USER_UNBLOCKED;
import static dev.auditweave.sample.script.Actions.as;
import static dev.auditweave.sample.script.Actions.settled;
import static dev.auditweave.sample.script.Expected.event;
import static dev.auditweave.sample.script.ExpectedAuthEvents.signIn;
import static dev.auditweave.sample.script.ExpectedAuthEvents.signUp;
import static dev.auditweave.sample.script.Step.emits;
import static dev.auditweave.sample.script.Step.emitsNothing;
import static dev.auditweave.sample.script.Step.fails;
import static dev.auditweave.sample.script.Step.failsEmitting;
import static dev.auditweave.sample.script.StripePayloads.CHARGE_FAILED;
import static dev.auditweave.sample.script.StripePayloads.DISPUTE_CREATED;
import static dev.auditweave.sample.script.StripePayloads.DISPUTE_FUNDS_WITHDRAWN;
import static dev.auditweave.sample.script.StripePayloads.EARLY_FRAUD_WARNING_CREATED;
import static dev.auditweave.sample.script.StripePayloads.PAYMENT_INTENT_SUCCEEDED;
import static dev.auditweave.sample.script.StripePayloads.PAYMENT_METHOD_ATTACHED;
import static dev.auditweave.sample.script.StripePayloads.PAYMENT_METHOD_DETACHED;
import static dev.auditweave.sample.script.StripePayloads.dataOf;

import dev.auditweave.sample.NewEmail;
import dev.auditweave.sample.NewOrganization;
import dev.auditweave.sample.Tier;
import dev.auditweave.sample.auth.SignIn;
import dev.auditweave.sample.auth.SignUp;
import dev.auditweave.sample.context.Caller;
import dev.auditweave.sample.context.RequestContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The sample app's scripted run: the operations of shared/field-notes.md, including the cases where a
 * hand-written emitter went wrong (nothing changed, a duplicate, a same-tier renewal, a delete and a batch of
 * email changes that returned inside a transaction which then rolled back, a redelivered webhook), each with the
 * events it must and must not produce. Sign-ups and sign-ins are auth events with looked-up fields (enrichment); who
 * acts comes from the {@link RequestContext} (a signed-in admin, the Admin API, an anonymous visitor). {@code
 * SampleApp} runs it; {@code DemoLauncher} checks what the receivers got against it.
 */
public final class Script {

    public static final String ALICE = "u-1001";
    public static final String BOB = "u-1002";
    public static final String CAROL = "u-1003";
    public static final String DAVE = "u-1004";
    public static final String ACME = "o-acme";
    public static final String ADMIN_EMAIL = "admin@kilo.example";
    public static final String ADMIN_NAME = "Ada Admin";
    public static final String REPORT = "f-3001";

    /** The clock of the scripted run: every sign-up happens at {@link #SIGNED_UP_AT}. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-18T09:00:00Z"), ZoneOffset.UTC);
    /** {@code account_created_at} of every scripted account, ISO 8601. */
    public static final String SIGNED_UP_AT = "2024-05-18T09:00:00Z";
    public static final String USER_AGENT = "Mozilla/5.0 (auditweave demo)";

    private static final Caller ADMIN = Caller.user(ADMIN_EMAIL, ADMIN_NAME);

    private Script() {
    }

    /** The steps, in the order they run. */
    public static List<Step> steps() {
        Expected disputeCreated = event(STRIPE_CHARGE_DISPUTE_CREATED,
                "id", "evt_1DisputeCreated01", "type", "charge.dispute.created",
                "charge", "ch_3Charge0001", "amount", 2000, "reason", "fraudulent")
                .idempotentAt(1716000600L * 1000);
        return List.of(
                emits("alice (google), bob, dave (email) and carol (github) sign up",
                        settled(app -> {
                            app.auth().signUp(new SignUp(ALICE, "alice@example.com", "google", "203.0.113.7",
                                    USER_AGENT));
                            app.auth().signUp(new SignUp(BOB, "bob@example.com", "email", "198.51.100.23",
                                    USER_AGENT));
                            app.auth().signUp(new SignUp(CAROL, "carol@example.com", "github", "192.0.2.44",
                                    USER_AGENT));
                            app.auth().signUp(new SignUp(DAVE, "dave@example.com", "email", "198.51.100.99",
                                    USER_AGENT));
                            return "4 accounts";
                        }),
                        signUp(ALICE, "alice@example.com", "google", "203.0.113.7"),
                        signUp(BOB, "bob@example.com", "email", "198.51.100.23"),
                        signUp(CAROL, "carol@example.com", "github", "192.0.2.44"),
                        signUp(DAVE, "dave@example.com", "email", "198.51.100.99")),

                emits("signed in as " + ADMIN_EMAIL + ", block alice for 'chargeback abuse'",
                        as(ADMIN, app -> app.users().blockUser(ALICE, "chargeback abuse")),
                        event(USER_BLOCKED, "kilo_user_id", ALICE, "reason", "chargeback abuse",
                                "actor_email", ADMIN_EMAIL, "actor_label", ADMIN_NAME)),
                emitsNothing("block alice again", "no row changed (already blocked)",
                        as(ADMIN, app -> app.users().blockUser(ALICE, "chargeback abuse")),
                        event(USER_BLOCKED, "kilo_user_id", ALICE)),
                emits("signed in as " + ADMIN_EMAIL + ", unblock alice: 'appeal accepted'",
                        as(ADMIN, app -> app.users().unblockUser(ALICE, "appeal accepted")),
                        event(USER_UNBLOCKED, "kilo_user_id", ALICE, "reason", "appeal accepted",
                                "actor_email", ADMIN_EMAIL, "actor_label", ADMIN_NAME)),
                emitsNothing("unblock bob, who is not blocked", "no row changed (not blocked)",
                        as(ADMIN, app -> app.users().unblockUser(BOB, "cleanup")),
                        event(USER_UNBLOCKED, "kilo_user_id", BOB)),
                emitsNothing("support puts alice into the cohort 'appeal-granted'",
                        "cohorts are no event of their own: the next sign-in re-sends them",
                        app -> app.users().addCohort(ALICE, "appeal-granted")),
                emits("alice signs in with google (her cohorts have changed since the sign-up)",
                        settled(app -> app.auth().signIn(new SignIn("alice@example.com", "google", "203.0.113.7",
                                USER_AGENT))),
                        signIn(ALICE, "alice@example.com", "google", "203.0.113.7")
                                .with("cohorts", List.of("appeal-granted"))
                                .with("auth_providers", List.of("google"))),

                emits("bob changes his email to robert@example.com",
                        app -> app.users().changeEmail(BOB, "robert@example.com"),
                        event(USER_EMAIL_CHANGED, "kilo_user_id", BOB, "previous_email", "bob@example.com",
                                "email", "robert@example.com")),

                fails("an admin renames alice to alice@corp.example and dave to carol@example.com, in one batch",
                        "carol@example.com is taken: the batch rolled back, with alice's rename that had returned",
                        app -> app.users().changeEmails(List.of(new NewEmail(ALICE, "alice@corp.example"),
                                new NewEmail(DAVE, "carol@example.com"))),
                        event(USER_EMAIL_CHANGED, "kilo_user_id", ALICE, "email", "alice@corp.example"),
                        event(USER_EMAIL_CHANGED, "kilo_user_id", DAVE, "email", "carol@example.com")),
                emits("an admin renames alice to alice@acme.example and dave to dave@acme.example, in one batch",
                        app -> app.users().changeEmails(List.of(new NewEmail(ALICE, "alice@acme.example"),
                                new NewEmail(DAVE, "dave@acme.example"))),
                        event(USER_EMAIL_CHANGED, "kilo_user_id", ALICE, "previous_email", "alice@example.com",
                                "email", "alice@acme.example"),
                        event(USER_EMAIL_CHANGED, "kilo_user_id", DAVE, "previous_email", "dave@example.com",
                                "email", "dave@acme.example")),

                emits("bob creates organization o-acme on the team plan, in a free trial",
                        app -> {
                            app.organizations().createOrganization(
                                    new NewOrganization(ACME, "Acme", BOB, "team", false, true));
                            return "created";
                        },
                        event(ORG_CREATED, "kilo_user_id", BOB, "organization_id", ACME, "role", "owner",
                                "plan", "team", "has_sso", false, "in_free_trial", true)),
                emits("an admin adds carol to o-acme as member",
                        app -> app.organizations().addMember(ACME, CAROL, "member"),
                        event(ORG_MEMBER_ADDED, "kilo_user_id", CAROL, "organization_id", ACME, "role", "member",
                                "plan", "team")),
                emitsNothing("bob invites dave@example.com to o-acme as admin (inv-2001)",
                        "an invitation is not a membership",
                        app -> {
                            app.organizations().createInvitation("inv-2001", ACME, "dave@example.com", "admin");
                            return "invited";
                        }),
                emits("dave accepts invitation inv-2001",
                        app -> app.organizations().acceptInvitation("inv-2001", DAVE),
                        event(ORG_MEMBER_ADDED, "kilo_user_id", DAVE, "organization_id", ACME, "role", "admin",
                                "plan", "team")),
                emitsNothing("dave accepts inv-2001 again (double click)", "already a member, nothing inserted",
                        app -> app.organizations().acceptInvitation("inv-2001", DAVE),
                        event(ORG_MEMBER_ADDED, "kilo_user_id", DAVE)),
                emits("bob removes carol from o-acme",
                        app -> app.organizations().removeMember(ACME, CAROL),
                        event(ORG_MEMBER_REMOVED, "kilo_user_id", CAROL, "organization_id", ACME, "role", "member",
                                "plan", "team")),
                emits("dave signs in with github: a new auth provider, and now an admin of o-acme",
                        settled(app -> app.auth().signIn(new SignIn("dave@acme.example", "github", "198.51.100.99",
                                USER_AGENT))),
                        signIn(DAVE, "dave@acme.example", "github", "198.51.100.99")
                                .with("auth_providers", List.of("email", "github"))
                                .with("org_memberships", List.of(Map.of("organization_id", ACME, "role", "admin",
                                        "plan", "team", "has_sso", false, "in_free_trial", true)))),
                emitsNothing("bob shares report.pdf as " + REPORT + " by public link", "publishing is not a download",
                        as(Caller.user("bob@example.com", "Bob"), app -> {
                            app.downloads().publish(REPORT, BOB, "report.pdf");
                            return "published";
                        })),
                emits("an anonymous visitor downloads " + REPORT + " through the public link",
                        app -> app.downloads().download(REPORT),
                        event(FILE_DOWNLOADED, "file_id", REPORT, "owner_id", BOB, "actor", null,
                                "actor_label", null)),
                emits("carol, signed in, downloads " + REPORT,
                        as(Caller.user("carol@example.com", "Carol"), app -> app.downloads().download(REPORT)),
                        event(FILE_DOWNLOADED, "file_id", REPORT, "owner_id", BOB, "actor", "carol@example.com",
                                "actor_label", "Carol")),
                emitsNothing("bob removes carol again", "not a member any more, no row changed",
                        app -> app.organizations().removeMember(ACME, CAROL),
                        event(ORG_MEMBER_REMOVED, "kilo_user_id", CAROL)),

                emits("bob buys 5,000,000 microdollars of credits",
                        app -> app.billing().purchaseCredits(BOB, 5_000_000L),
                        event(BILLING_CREDIT_PURCHASED, "kilo_user_id", BOB, "microdollars_acquired", 5_000_000L,
                                "total_microdollars_acquired", 5_000_000L)),
                emits("bob buys 20,000,000 more",
                        app -> app.billing().purchaseCredits(BOB, 20_000_000L),
                        event(BILLING_CREDIT_PURCHASED, "kilo_user_id", BOB, "microdollars_acquired", 20_000_000L,
                                "total_microdollars_acquired", 25_000_000L)),

                emits("bob pays his first Kilo Pass month, on plus",
                        app -> app.kiloPass().renew(BOB, "plus"),
                        event(BILLING_KILO_PASS_CHANGED, "kilo_user_id", BOB, "tier", "plus", "status", "active",
                                "streak_months", 1)),
                emits("bob pays his second month, on max",
                        app -> app.kiloPass().renew(BOB, "max"),
                        event(BILLING_KILO_PASS_CHANGED, "kilo_user_id", BOB, "tier", "max", "status", "active",
                                "streak_months", 2)),
                emits("bob's third month is not paid: his pass lapses",
                        app -> app.kiloPass().lapse(BOB),
                        event(BILLING_KILO_PASS_CHANGED, "kilo_user_id", BOB, "tier", "max", "status", "lapsed",
                                "streak_months", 0)),
                emitsNothing("the lapse is processed again", "no active pass left, no row changed",
                        app -> app.kiloPass().lapse(BOB),
                        event(BILLING_KILO_PASS_CHANGED, "kilo_user_id", BOB, "status", "lapsed")),

                emits("bob moves from free to pro",
                        app -> app.subscriptions().changeTier(BOB, Tier.PRO),
                        event(SUBSCRIPTION_UPGRADED, "kilo_user_id", BOB, "previous_tier", "free", "tier", "pro")),
                emitsNothing("bob's pro plan renews (pro to pro)", "same tier, neither upgrade nor downgrade",
                        app -> app.subscriptions().changeTier(BOB, Tier.PRO),
                        event(SUBSCRIPTION_UPGRADED, "kilo_user_id", BOB, "tier", "pro", "previous_tier", "pro"),
                        event(SUBSCRIPTION_DOWNGRADED, "kilo_user_id", BOB, "tier", "pro")),
                emits("bob moves from pro to starter",
                        app -> app.subscriptions().changeTier(BOB, Tier.STARTER),
                        event(SUBSCRIPTION_DOWNGRADED, "kilo_user_id", BOB, "previous_tier", "pro",
                                "tier", "starter")),
                emits("bob cancels: 'too expensive'",
                        app -> app.subscriptions().cancelSubscription(BOB, "too expensive"),
                        event(SUBSCRIPTION_CANCELED, "kilo_user_id", BOB, "reason", "too expensive")),
                emitsNothing("bob cancels again", "no active subscription left, no row changed",
                        app -> app.subscriptions().cancelSubscription(BOB, "too expensive"),
                        event(SUBSCRIPTION_CANCELED, "kilo_user_id", BOB)),

                emits("carol claims her onboarding offer",
                        app -> app.onboarding().claim(CAROL),
                        event(ONBOARDING_CLAIMED, "kilo_user_id", CAROL)),
                emitsNothing("carol claims it again", "already claimed, no row changed",
                        app -> app.onboarding().claim(CAROL),
                        event(ONBOARDING_CLAIMED, "kilo_user_id", CAROL)),

                emits("Stripe webhook evt_1PmAttached0001: payment_method.attached",
                        app -> app.stripe().handle(PAYMENT_METHOD_ATTACHED).id(),
                        event(STRIPE_PAYMENT_METHOD_ATTACHED, "id", "evt_1PmAttached0001",
                                "type", "payment_method.attached", "customer", "cus_QBob0001",
                                "data", dataOf(PAYMENT_METHOD_ATTACHED))
                                .idempotentAt(1716000000L * 1000)),
                emits("Stripe webhook evt_1DisputeCreated01: charge.dispute.created",
                        app -> app.stripe().handle(DISPUTE_CREATED).id(),
                        disputeCreated),
                emits("Stripe redelivers evt_1DisputeCreated01 (at-least-once); the app processes it again",
                        app -> app.stripe().handle(DISPUTE_CREATED).id() + " delivered "
                                + app.stripe().deliveries("evt_1DisputeCreated01") + " times",
                        disputeCreated.redelivered()),
                emits("Stripe webhook evt_1PmDetached0001: payment_method.detached (the customer is in "
                                + "previous_attributes)",
                        app -> app.stripe().handle(PAYMENT_METHOD_DETACHED).id(),
                        event(STRIPE_PAYMENT_METHOD_DETACHED, "id", "evt_1PmDetached0001",
                                "type", "payment_method.detached", "customer", "cus_QBob0001",
                                "data", dataOf(PAYMENT_METHOD_DETACHED))
                                .idempotentAt(1716001200L * 1000)),
                emits("Stripe webhook evt_1DisputeFunds001: charge.dispute.funds_withdrawn",
                        app -> app.stripe().handle(DISPUTE_FUNDS_WITHDRAWN).id(),
                        event(STRIPE_CHARGE_DISPUTE_FUNDS_WITHDRAWN, "id", "evt_1DisputeFunds001",
                                "type", "charge.dispute.funds_withdrawn", "charge", "ch_3Charge0001", "amount", 2000,
                                "reason", "fraudulent", "status", "needs_response")
                                .idempotentAt(1716001800L * 1000)),
                emits("Stripe webhook evt_1EarlyFraud0001: radar.early_fraud_warning.created",
                        app -> app.stripe().handle(EARLY_FRAUD_WARNING_CREATED).id(),
                        event(STRIPE_RADAR_EARLY_FRAUD_WARNING_CREATED, "id", "evt_1EarlyFraud0001",
                                "type", "radar.early_fraud_warning.created", "charge", "ch_3Charge0002",
                                "fraud_type", "made_with_stolen_card", "actionable", true)
                                .idempotentAt(1716002400L * 1000)),
                emits("Stripe webhook evt_1ChargeFailed01: charge.failed (decline code from outcome.reason)",
                        app -> app.stripe().handle(CHARGE_FAILED).id(),
                        event(STRIPE_CHARGE_FAILED, "id", "evt_1ChargeFailed01", "type", "charge.failed",
                                "customer", "cus_QBob0001", "amount", 5000, "decline_code", "insufficient_funds")
                                .idempotentAt(1716003000L * 1000)),
                emits("Stripe webhook evt_1PiSucceeded001: payment_intent.succeeded",
                        app -> app.stripe().handle(PAYMENT_INTENT_SUCCEEDED).id(),
                        event(STRIPE_PAYMENT_INTENT_SUCCEEDED, "id", "evt_1PiSucceeded001",
                                "type", "payment_intent.succeeded", "customer", "cus_QBob0001", "amount", 2500)
                                .idempotentAt(1716003600L * 1000)),

                fails("delete bob, who still owns o-acme",
                        "the precondition, checked after the delete returned, failed: the transaction rolled back",
                        app -> app.users().deleteUser(BOB),
                        event(USER_DELETED, "kilo_user_id", BOB)),
                emits("bob deletes o-acme",
                        app -> app.organizations().deleteOrganization(ACME, BOB),
                        event(ORG_DELETED, "kilo_user_id", BOB, "organization_id", ACME)),
                emitsNothing("bob deletes o-acme again", "no such organization, no row changed",
                        app -> app.organizations().deleteOrganization(ACME, BOB),
                        event(ORG_DELETED, "organization_id", ACME)),
                emits("delete bob, now that o-acme is gone",
                        app -> app.users().deleteUser(BOB),
                        event(USER_DELETED, "kilo_user_id", BOB)),

                emits("the fraud system, through the Admin API, blocks dave: 'fraud score 91' (no user acts)",
                        as(Caller.adminApiKey(), app -> app.users().blockUser(DAVE, "fraud score 91")),
                        event(USER_BLOCKED, "kilo_user_id", DAVE, "reason", "fraud score 91", "actor_email", null,
                                "actor_label", Caller.ADMIN_API)),
                failsEmitting("dave tries to sign in with github, blocked", "the account is blocked: no sign-in",
                        app -> app.auth().signIn(new SignIn("dave@acme.example", "github", "198.51.100.99",
                                USER_AGENT)),
                        List.of(event(SESSION_SIGNIN_BLOCKED, "email", "dave@acme.example", "auth_method", "github",
                                "ip_address", "198.51.100.99", "reason", "fraud score 91")),
                        event(AUTH_SIGNIN, "kilo_user_id", DAVE)),
                emits("delete carol",
                        app -> app.users().deleteUser(CAROL),
                        event(USER_DELETED, "kilo_user_id", CAROL)));
    }
}
