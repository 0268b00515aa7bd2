package dev.auditweave.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditweave.it.fixtures.EventTypes;
import dev.auditweave.it.fixtures.MisconfiguredService;
import dev.auditweave.it.fixtures.PaymentService;
import dev.auditweave.it.fixtures.SubscriptionService;
import dev.auditweave.it.fixtures.actors.ActorTypes;
import dev.auditweave.it.fixtures.outcomes.OutcomeMisconfigured;
import dev.auditweave.it.fixtures.outcomes.OutcomeTypes;
import dev.auditweave.it.fixtures.reactor.ReactorTypes;
import dev.auditweave.it.fixtures.tx.TxTypes;
import dev.auditweave.testing.LoopbackReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every behaviour of the contract, asserted on one run of the main scenario per weaving mode (plus a few runs
 * of the burst scenario for delivery failures). The concrete classes only say how to start the child JVM, so
 * both modes are held to exactly the same tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractEmitSuite {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String MISCONFIGURED = MisconfiguredService.class.getSimpleName();

    /** The events the main scenario must deliver, by type. */
    static final Map<String, Integer> EXPECTED_EVENT_COUNTS = Map.ofEntries(
            Map.entry(EventTypes.USER_BLOCKED, 1),
            Map.entry(EventTypes.USER_UNBLOCKED, 1),
            Map.entry(EventTypes.USERS_BLOCKED_BATCH, 1),
            Map.entry(EventTypes.USER_DELETED, 1),
            Map.entry(EventTypes.SESSION_LOGOUT, 1),
            Map.entry(EventTypes.USER_EMAIL_CHANGED, 1),
            Map.entry(EventTypes.ORG_MEMBER_ADDED, 2),
            Map.entry(EventTypes.ORG_CREATED, 1),
            Map.entry(EventTypes.SUBSCRIPTION_UPGRADED, 1),
            Map.entry(EventTypes.SUBSCRIPTION_DOWNGRADED, 1),
            Map.entry(EventTypes.CHARGE_SUCCEEDED, 1),
            Map.entry(EventTypes.CREDIT_PURCHASED, 3),
            Map.entry(EventTypes.DISPUTE_RECORDED, 2),
            Map.entry(EventTypes.STRIPE_DISPUTE_CREATED, 2),
            Map.entry(EventTypes.STRIPE_PAYMENT_METHOD_ATTACHED, 1));
    static final int EXPECTED_EVENTS = EXPECTED_EVENT_COUNTS.values().stream().mapToInt(Integer::intValue).sum();

    /** Types whose id derives from an idempotency key, and whose occurred_at comes from the payload. */
    static final Set<String> KEYED_TYPES = Set.of(EventTypes.STRIPE_DISPUTE_CREATED,
            EventTypes.STRIPE_PAYMENT_METHOD_ATTACHED);

    private ChildJvm jvm;
    /** The main scenario's run: stdout, stderr, exit and what the receiver got. */
    ScenarioRun run;

    /** How to start the child JVM of this mode. */
    abstract ChildJvm jvm();

    @BeforeAll
    void launchMainScenarioOnce() {
        jvm = jvm();
        run = Scenarios.main(jvm);
    }

    ChildJvm childJvm() {
        return jvm;
    }

    // ---------------------------------------------------------------- the run itself

    @Test
    void scenarioRunsToCompletionAndEveryCallReturnedAsScripted() {
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(0);
        assertThat(run.stepFailures()).as(run.describe()).isEmpty();
        assertThat(run.done()).as(run.describe()).isTrue();
        assertThat(run.check("flush")).as("Auditweave.flush(10 s) returned in time\n" + run.describe())
                .isEqualTo("true");
    }

    @Test
    void everyCapturedEventIsDeliveredAndCounted() {
        Map<String, Long> metrics = run.metrics();
        assertThat(countByType(run.events())).as(run.describe()).isEqualTo(EXPECTED_EVENT_COUNTS);
        assertThat(metrics.get("captured")).as(run.describe()).isEqualTo(EXPECTED_EVENTS);
        assertThat(metrics.get("enqueued")).as(run.describe()).isEqualTo(EXPECTED_EVENTS);
        assertThat(metrics.get("delivered")).as(run.describe()).isEqualTo(EXPECTED_EVENTS);
        assertThat(metrics.get("dropped")).isZero();
        assertThat(metrics.get("failed")).isZero();
        assertThat(metrics.get("lost")).isZero();
    }

    @Test
    void exitSummaryLineReportsTheCounts() {
        Map<String, Long> summary = run.summary().orElseThrow(() -> new AssertionError(
                "no 'auditweave stopped in N ms: ...' line on stderr\n" + run.describe()));
        assertThat(summary.get("captured")).isEqualTo(EXPECTED_EVENTS);
        assertThat(summary.get("delivered")).isEqualTo(EXPECTED_EVENTS);
        assertThat(summary.get("failed")).isZero();
        assertThat(summary.get("dropped")).isZero();
        assertThat(summary.get("lost")).isZero();
    }

    // ---------------------------------------------------------------- guards: RETURNED_ROWS and INSERTED

    @Test
    void bugClass1_noEventWhenUpdateChangedNoRow() {
        assertThat(run.check("block-u-1")).isEqualTo("1");
        assertThat(run.check("block-u-missing")).isEqualTo("0");
        assertThat(run.check("block-u-1-again")).isEqualTo("0");
        assertThat(dataOf(run.events(EventTypes.USER_BLOCKED))).as(run.describe())
                .containsExactly(json("{\"kilo_user_id\":\"u-1\",\"reason\":\"spam\"}"));

        assertThat(run.check("unblock-u-1")).isEqualTo("1");
        assertThat(run.check("unblock-u-1-again")).isEqualTo("0");
        assertThat(dataOf(run.events(EventTypes.USER_UNBLOCKED))).as("long rows affected\n" + run.describe())
                .containsExactly(json("{\"kilo_user_id\":\"u-1\"}"));
    }

    @Test
    void returnedRows_jdbcBatchSumsRowsAndCountsSuccessNoInfoAsOne() {
        assertThat(run.check("block-all")).isEqualTo("[1, -2, 0]");
        assertThat(run.check("block-all-nothing")).isEqualTo("[0, -3]");
        assertThat(dataOf(run.events(EventTypes.USERS_BLOCKED_BATCH))).as(run.describe())
                .containsExactly(json("{\"rows\":2,\"user_ids\":[\"u-2\",\"legacy-7\",\"u-404\"]}"));
    }

    @Test
    void returnedRows_booleanTrueIsOneRow() {
        assertThat(run.check("delete-u-3")).isEqualTo("true");
        assertThat(run.check("delete-u-3-again")).isEqualTo("false");
        assertThat(dataOf(run.events(EventTypes.USER_DELETED))).as(run.describe())
                .containsExactly(json("{\"kilo_user_id\":\"u-3\"}"));
    }

    @Test
    void returnedRows_voidIsZeroRows_soAGuardOnItIsReported_andAFieldReadsZero() {
        assertThat(run.check("touch-u-2")).isEqualTo("returned");
        assertReportedOnce("touchUser", "RETURNED_ROWS is always 0", MisconfiguredService.VOID_ROWS_GUARD, 1);
        assertThat(run.events(EventTypes.USER_TOUCHED)).as("guard RETURNED_ROWS > 0 on a void method\n"
                + run.describe()).isEmpty();
        assertThat(dataOf(run.events(EventTypes.SESSION_LOGOUT))).as("unguarded void method\n" + run.describe())
                .containsExactly(json("{\"kilo_user_id\":\"u-2\",\"rows\":0}"));
    }

    @Test
    void bugClass2_noEventForDuplicateInsert() {
        assertThat(run.check("add-member-first")).isEqualTo("true");
        assertThat(run.check("add-member-duplicate")).isEqualTo("false");
        assertThat(run.check("accept-invitation-first")).contains("inserted=true");
        assertThat(run.check("accept-invitation-again")).contains("inserted=false");
        assertThat(dataOf(run.events(EventTypes.ORG_MEMBER_ADDED))).as(run.describe()).containsExactlyInAnyOrder(
                json("{\"kilo_user_id\":\"u-2\",\"organization_id\":\"org-1\",\"role\":\"admin\"}"),
                json("{\"kilo_user_id\":\"u-4\",\"organization_id\":\"org-2\",\"role\":\"member\"}"));
    }

    // ---------------------------------------------------------------- bug class 3: events wait for their transaction

    /**
     * Every event the transaction scenario must deliver, as {@code type kilo_user_id}: the one outside any
     * transaction, the committed ones, and the {@code phase = IMMEDIATE} one whose transaction rolled back.
     */
    static final List<String> TX_DELIVERED = List.of(
            TxTypes.USER_DELETED + " h-0", TxTypes.USER_DELETED + " h-1", TxTypes.USER_DELETED + " s-1",
            TxTypes.USER_RENAMED + " s-5", TxTypes.USER_RENAMED + " s-6", TxTypes.USER_RENAMED + " s-8",
            TxTypes.USER_RENAMED + " s-10", TxTypes.DELETION_REQUESTED + " s-12", TxTypes.MEMBER_ADDED + " s-14");
    /**
     * The events captured inside a transaction that did not commit (or in a savepoint rolled back to): h-2, h-3,
     * h-4, s-2, s-3, s-4, s-7, s-9, s-11, s-12 (deleted), s-13.
     */
    static final int TX_DROPPED_ROLLBACK = 11;
    /** Every event of the scenario but the one outside a transaction and the immediate one waited for an outcome. */
    static final int TX_HELD_FOR_COMMIT = TX_DELIVERED.size() - 2 + TX_DROPPED_ROLLBACK;

    /** The transaction scenario's run in this mode, shared by the bugClass3 tests. */
    ScenarioRun transactions() {
        ScenarioRun tx = Scenarios.transactions(childJvm());
        assertThat(tx.exitCode()).as(tx.describe()).isEqualTo(0);
        assertThat(tx.stepFailures()).as(tx.describe()).isEmpty();
        assertThat(tx.check("flush")).as(tx.describe()).isEqualTo("true");
        return tx;
    }

    @Test
    void bugClass3_onlyCommittedAndImmediateEventsArrive_theOthersAreCountedAsDroppedRollback() {
        ScenarioRun tx = transactions();
        assertThat(typeAndUser(tx.events())).as(tx.describe()).containsExactlyInAnyOrderElementsOf(TX_DELIVERED);
        Map<String, Long> metrics = tx.metrics();
        assertThat(metrics.get("droppedRollback")).as(tx.describe()).isEqualTo(TX_DROPPED_ROLLBACK);
        assertThat(metrics.get("dropped")).as("a rollback is not a loss").isZero();
        assertThat(metrics.get("heldForCommit")).isEqualTo(TX_HELD_FOR_COMMIT);
        assertThat(metrics.get("captured")).isEqualTo(TX_DELIVERED.size() + TX_DROPPED_ROLLBACK);
        assertThat(metrics.get("delivered")).isEqualTo(TX_DELIVERED.size());
    }

    @Test
    void bugClass3_hookTransaction_sendsOnCommitOnly() {
        ScenarioRun tx = transactions();
        assertThat(tx.check("hook-no-transaction")).as("outside any transaction").isEqualTo("1");
        assertThat(tx.check("hook-commit")).isEqualTo("1");
        assertThat(tx.check("hook-rollback")).isEqualTo("threw IllegalStateException");
        assertThat(tx.check("hook-rollback-kept")).as("the database rolled back").isEqualTo("name of h-2");
        assertThat(usersOf(tx, TxTypes.USER_DELETED, "h-")).as("sent at once, and on commit\n" + tx.describe())
                .containsExactly("h-0", "h-1");
    }

    @Test
    void bugClass3_springCommitSends_rollbackByExceptionAndSetRollbackOnlyDrop() {
        ScenarioRun tx = transactions();
        assertThat(tx.check("spring-commit")).isEqualTo("1");
        assertThat(tx.check("spring-rollback")).isEqualTo("threw IllegalStateException");
        assertThat(tx.check("spring-rollback-kept")).isEqualTo("name of s-2");
        assertThat(tx.check("spring-rollback-only")).as("the rename returned its row").isEqualTo("1");
        assertThat(tx.check("spring-rollback-only-kept")).isEqualTo("name of s-3");
        assertThat(usersOf(tx, TxTypes.USER_DELETED, "s-")).as(tx.describe()).containsExactly("s-1");
        assertThat(usersOf(tx, TxTypes.USER_RENAMED, "s-")).as("rollback-only").doesNotContain("s-3");
    }

    @Test
    void bugClass3_requiresNew_innerCommitIsSentWhileTheOuterRollbackIsDropped() {
        ScenarioRun tx = transactions();
        assertThat(tx.check("requires-new-inner")).isEqualTo("1");
        assertThat(tx.check("requires-new")).isEqualTo("threw IllegalStateException");
        assertThat(tx.check("requires-new-kept")).isEqualTo("name of s-4,inner");
        assertThat(usersOf(tx, TxTypes.USER_RENAMED, "s-")).as(tx.describe()).contains("s-5").doesNotContain("s-4");
    }

    @Test
    void bugClass3_nestedSavepointRolledBack_dropsOnlyTheEventsAfterTheSavepoint() {
        ScenarioRun tx = transactions();
        assertThat(tx.check("nested")).isEqualTo("2");
        assertThat(tx.check("nested-kept")).isEqualTo("before,name of s-7,after");
        assertThat(tx.check("nested-first")).isEqualTo("1");
        assertThat(tx.check("nested-first-kept")).as("the savepoint held the transaction's first event")
                .isEqualTo("name of s-9,after");
        assertThat(usersOf(tx, TxTypes.USER_RENAMED, "s-")).as("Spring 6.2+ reports savepoints\n" + tx.describe())
                .containsExactlyInAnyOrder("s-5", "s-6", "s-8", "s-10");
    }

    @Test
    void bugClass3_preconditionFailingAfterTheDeleteReturned_sendsNothing() {
        ScenarioRun tx = transactions();
        for (String user : List.of("h-3", "s-11")) {
            assertThat(tx.check(user + "-deleted-rows")).as("the annotated delete returned its row").isEqualTo("1");
        }
        assertThat(tx.check("hook-precondition")).isEqualTo("threw PreconditionFailed");
        assertThat(tx.check("spring-precondition")).isEqualTo("threw PreconditionFailed");
        assertThat(tx.check("hook-precondition-kept")).isEqualTo("name of h-3");
        assertThat(tx.check("spring-precondition-kept")).isEqualTo("name of s-11");
        assertThat(usersOf(tx, TxTypes.USER_DELETED, "")).as(tx.describe()).doesNotContain("h-3", "s-11");
    }

    @Test
    void bugClass3_immediatePhase_isSentDespiteTheRollback() {
        ScenarioRun tx = transactions();
        assertThat(tx.check("immediate-requested")).isEqualTo("1");
        assertThat(tx.check("immediate")).isEqualTo("threw IllegalStateException");
        assertThat(tx.check("immediate-kept")).isEqualTo("name of s-12");
        assertThat(usersOf(tx, TxTypes.DELETION_REQUESTED, "")).as(tx.describe()).containsExactly("s-12");
        assertThat(usersOf(tx, TxTypes.USER_DELETED, "")).as("the same transaction's default phase")
                .doesNotContain("s-12");
    }

    @Test
    void bugClass3_failedCommit_sendsNothing() {
        ScenarioRun tx = transactions();
        assertThat(tx.check("hook-commit-fails")).isEqualTo("threw SQLException");
        assertThat(tx.check("hook-commit-fails-kept")).isEqualTo("name of h-4");
        assertThat(tx.check("spring-commit-fails")).isEqualTo("threw TransactionSystemException");
        assertThat(tx.check("spring-commit-fails-kept")).isEqualTo("name of s-13");
        assertThat(usersOf(tx, TxTypes.USER_DELETED, "")).as(tx.describe()).doesNotContain("h-4", "s-13");
    }

    @Test
    void bugClass3_onConflictDoNothing_emitsOnlyForTheInsertedRow() {
        ScenarioRun tx = transactions();
        assertThat(tx.check("on-conflict")).isEqualTo("1,0");
        assertThat(dataOf(tx.events(TxTypes.MEMBER_ADDED))).as(tx.describe())
                .containsExactly(json("{\"kilo_user_id\":\"s-14\",\"organization_id\":\"org-1\"}"));
    }

    /** Each event as {@code type kilo_user_id}. */
    static List<String> typeAndUser(List<JsonNode> events) {
        return events.stream().map(event -> event.path("type").asText() + " "
                + event.path("data").path("kilo_user_id").asText()).toList();
    }

    /** The {@code kilo_user_id} of each event of {@code type} whose id starts with {@code prefix}. */
    static List<String> usersOf(ScenarioRun run, String type, String prefix) {
        return run.events(type).stream().map(event -> event.path("data").path("kilo_user_id").asText())
                .filter(user -> user.startsWith(prefix)).toList();
    }

    // ---------------------------------------------------------------- data

    @Test
    void positionalArgumentsAndTheResultAreFieldSources() {
        assertThat(run.check("change-email")).isEqualTo("new-u-2@example.com");
        assertThat(dataOf(run.events(EventTypes.USER_EMAIL_CHANGED))).as(run.describe()).containsExactly(json(
                "{\"kilo_user_id\":\"u-2\",\"previous_email\":\"u-2@example.com\",\"email\":\"new-u-2@example.com\"}"));
    }

    @Test
    void nestedRecordsMapsAndListsArriveAsNestedJson() {
        assertThat(run.check("create-organization")).contains("id=org-3");
        assertThat(dataOf(run.events(EventTypes.ORG_CREATED))).as(run.describe()).containsExactly(json("{"
                + "\"kilo_user_id\":\"u-5\",\"organization_id\":\"org-3\","
                + "\"plan\":{\"tier\":\"team\",\"hasSso\":true,\"seats\":3},\"has_sso\":true,\"region\":\"eu\","
                + "\"settings\":{\"region\":\"eu\",\"seats\":10,\"features\":[\"sso\",\"audit\"]}}"));
    }

    @Test
    void repeatableAnnotations_upgradeAndDowngradeByRank_sameTierEmitsNothing() {
        assertThat(run.check("tier-up")).contains("previousTier=free", "newTier=pro");
        assertThat(run.check("tier-down")).contains("previousTier=team", "newTier=free");
        assertThat(run.check("tier-same")).contains("previousTier=pro", "newTier=pro");
        assertThat(dataOf(run.events(EventTypes.SUBSCRIPTION_UPGRADED))).as(run.describe())
                .containsExactly(json("{\"kilo_user_id\":\"u-6\",\"from\":\"free\",\"to\":\"pro\"}"));
        assertThat(dataOf(run.events(EventTypes.SUBSCRIPTION_DOWNGRADED))).as(run.describe())
                .containsExactly(json("{\"kilo_user_id\":\"u-7\",\"from\":\"team\",\"to\":\"free\"}"));
    }

    // ---------------------------------------------------------------- success only, fail-open

    @Test
    void successOnly_throwingMethodEmitsNothingAndItsExceptionPassesUntouched() {
        assertThat(run.check("charge-ok")).isEqualTo("rcpt-1");
        assertThat(run.check("charge-declined-threw")).isEqualTo("dev.auditweave.it.fixtures.CardDeclinedException");
        assertThat(run.check("same-exception-instance")).isEqualTo("true");
        assertThat(run.check("exception-stack-trace-untouched")).isEqualTo("true");
        assertThat(run.check("exception-top-frame")).isEqualTo(PaymentService.class.getName() + ".chargeCard");
        assertThat(run.check("exception-no-cause-no-suppressed")).isEqualTo("true");
        assertThat(run.check("exception-message")).isEqualTo("card declined for u-2: 999999");
        assertThat(dataOf(run.events(EventTypes.CHARGE_SUCCEEDED))).as("only the call that returned\n" + run.describe())
                .containsExactly(json("{\"kilo_user_id\":\"u-2\",\"amount\":500}"));
    }

    @Test
    void failOpen_throwingGetterLeavesResultUnchangedIsCountedAndTheSiblingAnnotationStillEmits() {
        assertThat(run.check("getter-throws-result-unchanged")).isEqualTo("true");
        assertThat(run.check("getter-throws-amounts")).isEqualTo("1000000,2000000,3000000");
        assertThat(run.events(EventTypes.CREDIT_TOTAL_CHANGED)).as(run.describe()).isEmpty();
        assertThat(dataOf(run.events(EventTypes.CREDIT_PURCHASED))).as("the other annotation of the method\n"
                + run.describe()).containsExactly(
                json("{\"kilo_user_id\":\"u-2\",\"microdollars_acquired\":1000000}"),
                json("{\"kilo_user_id\":\"u-2\",\"microdollars_acquired\":2000000}"),
                json("{\"kilo_user_id\":\"u-2\",\"microdollars_acquired\":3000000}"));
        assertThat(run.metrics().get("captureErrors")).as("one per call whose getter threw\n" + run.describe())
                .isEqualTo(3);
    }

    @Test
    void failOpen_throwingGetterIsLoggedRateLimited() {
        assertThat(run.warningsOrErrorsMentioning(EventTypes.CREDIT_TOTAL_CHANGED))
                .as("three failing calls, logged once (rate-limited)\n" + run.describe()).hasSize(1);
    }

    // ---------------------------------------------------------------- bad expressions

    @Test
    void bugClass4_wrongFieldSourceReportedAtRunTime() {
        assertThat(run.check("missing-property-result")).as("the method still worked")
                .isEqualTo("recorded:dp_1,recorded:dp_2");
        assertReportedOnce("recordDispute", "customer", MisconfiguredService.MISSING_PROPERTY, 9);
        assertThat(run.events(EventTypes.DISPUTE_CUSTOMER)).as("the bad annotation is disabled").isEmpty();
        assertThat(dataOf(run.events(EventTypes.DISPUTE_RECORDED))).as("only that annotation is disabled\n"
                + run.describe()).containsExactly(
                json("{\"charge\":\"ch_1\",\"amount\":1500}"), json("{\"charge\":\"ch_2\",\"amount\":2500}"));
    }

    @Test
    void badSyntax_reportedOnceWithItsColumnAndTheMethodStillWorks() {
        assertThat(run.check("bad-syntax-result")).isEqualTo("7,7");
        assertReportedOnce("blockWithBrokenGuard", "when", MisconfiguredService.BAD_SYNTAX, 17);
        assertThat(run.events(EventTypes.MISCONFIGURED_GUARD)).isEmpty();
    }

    @Test
    void unknownParameter_reportedOnceWithItsColumnAndTheMethodStillWorks() {
        assertThat(run.check("unknown-parameter-result")).isEqualTo("11,11");
        assertReportedOnce("blockWithUnknownParameter", "kilo_user_id", MisconfiguredService.UNKNOWN_PARAMETER, 1);
        assertThat(run.events(EventTypes.MISCONFIGURED_PARAMETER)).isEmpty();
    }

    /**
     * One ERROR record on stderr for {@code method} (called twice), naming the class, the method, the attribute,
     * the expression and the column (1-based) of the problem.
     */
    private void assertReportedOnce(String method, String attribute, String expression, int column) {
        List<String> records = run.errorRecordsMentioning(MISCONFIGURED, method);
        assertThat(records).as("ERROR records naming " + MISCONFIGURED + " and " + method
                + " (the method was called twice, reported once)\n" + run.describe()).hasSize(1);
        String record = records.get(0);
        assertThat(record).as("names the attribute, the expression").contains(attribute, expression);
        assertThat(columnsIn(record)).as("the column of the problem in: " + record).contains(column);
    }

    static List<Integer> columnsIn(String text) {
        Matcher matcher = Pattern.compile("(?i)\\bcolumn\\s*:?\\s*(\\d+)").matcher(text);
        List<Integer> columns = new ArrayList<>();
        while (matcher.find()) {
            columns.add(Integer.parseInt(matcher.group(1)));
        }
        return columns;
    }

    // ---------------------------------------------------------------- time and ids

    @Test
    void bugClass5_occurredAtFromExplicitSourceElseReturnTime() {
        for (JsonNode event : run.events(EventTypes.STRIPE_DISPUTE_CREATED)) {
            assertThat(event.path("occurred_at").asLong()).as("event.created * 1000").isEqualTo(1_716_000_000_000L);
        }
        assertThat(run.events(EventTypes.STRIPE_PAYMENT_METHOD_ATTACHED)).singleElement()
                .satisfies(event -> assertThat(event.path("occurred_at").asLong()).isEqualTo(1_716_000_100_000L));

        long[] blocked = run.window(EventTypes.USER_BLOCKED);
        assertThat(run.events(EventTypes.USER_BLOCKED)).singleElement().satisfies(event ->
                assertThat(event.path("occurred_at").asLong()).as("between the method's return and the caller's next"
                        + " line").isBetween(blocked[0], blocked[1]));

        long[] upgraded = run.window(EventTypes.SUBSCRIPTION_UPGRADED);
        assertThat(run.events(EventTypes.SUBSCRIPTION_UPGRADED)).singleElement().satisfies(event -> {
            long occurredAt = event.path("occurred_at").asLong();
            assertThat(occurredAt).as("the transition's time, not the subscription's creation")
                    .isNotEqualTo(SubscriptionService.SUBSCRIPTION_CREATED_AT).isBetween(upgraded[0], upgraded[1]);
        });
    }

    @Test
    void bugClass7_redeliveredWebhookKeepsItsId() {
        assertThat(run.check("webhook-deliveries")).isEqualTo("2");
        List<JsonNode> disputes = run.events(EventTypes.STRIPE_DISPUTE_CREATED);
        assertThat(disputes).as(run.describe()).hasSize(2);
        assertThat(disputes.get(0).path("id").asText()).as("the redelivery's id")
                .isEqualTo(disputes.get(1).path("id").asText());
        assertThat(dataOf(disputes)).containsOnly(json("{\"id\":\"evt_dispute_1\",\"type\":\"charge.dispute.created\","
                + "\"charge\":\"ch_9\",\"amount\":4200}"));
        JsonNode attached = run.events(EventTypes.STRIPE_PAYMENT_METHOD_ATTACHED).get(0);
        assertThat(attached.path("data")).isEqualTo(json("{\"id\":\"evt_pm_1\",\"type\":\"payment_method.attached\","
                + "\"customer\":\"cus_1\"}"));
        assertThat(attached.path("id").asText()).as("another webhook, another id")
                .isNotEqualTo(disputes.get(0).path("id").asText());
        for (JsonNode event : List.of(disputes.get(0), attached)) {
            assertThat(UUID.fromString(event.path("id").asText()).version()).as("a name-based UUID").isIn(3, 5);
        }
    }

    @Test
    void eventIdsAreUniqueUuidsUnlessIdempotencyKeyed() {
        Set<String> ids = new HashSet<>();
        for (JsonNode event : run.events()) {
            String id = event.path("id").asText();
            assertThat(UUID.fromString(id).toString()).isEqualTo(id.toLowerCase());
            if (!KEYED_TYPES.contains(event.path("type").asText())) {
                assertThat(ids.add(id)).as("unique id " + id).isTrue();
            }
        }
        assertThat(ids).hasSize(EXPECTED_EVENTS - 3);
    }

    // ---------------------------------------------------------------- the wire

    @Test
    void wireFormat_postsAJsonEnvelopeWithContentTypeApplicationJson() {
        assertThat(run.requests()).as(run.describe()).isNotEmpty();
        for (LoopbackReceiver.Request request : run.requests()) {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/events");
            assertThat(request.headers().get("content-type")).as("Content-Type").startsWith("application/json");
            JsonNode envelope = request.json();
            assertThat(fieldNames(envelope)).containsExactly("events");
            assertThat(envelope.path("events").isArray()).isTrue();
            for (JsonNode event : envelope.path("events")) {
                assertThat(fieldNames(event)).containsExactlyInAnyOrder("id", "type", "occurred_at", "data");
                assertThat(event.path("occurred_at").isIntegralNumber()).as("epoch ms: " + event).isTrue();
                assertThat(event.path("data").isObject()).isTrue();
            }
        }
    }

    @Test
    void headersConfiguredWithEnvironmentReferencesArriveOnEveryRequest() {
        assertThat(run.requests()).as("several batches of at most " + Scenarios.MAIN_BATCH_MAX_EVENTS + " events\n"
                + run.describe()).hasSizeGreaterThan(1);
        for (LoopbackReceiver.Request request : run.requests()) {
            assertThat(request.headers().get("cf-access-client-id")).isEqualTo(Scenarios.CLIENT_ID);
            assertThat(request.headers().get("cf-access-client-secret")).isEqualTo(Scenarios.CLIENT_SECRET);
        }
    }

    @Test
    void headerValuesNeverAppearInTheLog() {
        assertThat(run.stderr()).doesNotContain(Scenarios.CLIENT_SECRET).doesNotContain(Scenarios.CLIENT_ID);
    }

    // ---------------------------------------------------------------- isolation

    @Test
    void theApplicationsOldJacksonWorksUnchangedBesideTheAgent() {
        assertThat(run.check("jackson-version")).startsWith("2.10.5");
        assertThat(run.check("jackson-core-version")).isEqualTo("2.10.5");
        assertThat(run.check("jackson-databind-jar")).isEqualTo("jackson-databind-2.10.5.1.jar");
        assertThat(run.check("jackson-core-jar")).isEqualTo("jackson-core-2.10.5.jar");
        assertThat(run.check("jackson-roundtrip")).isEqualTo("true");
        assertThat(run.check("webhook-dispute")).as("the webhook parsed by Jackson 2.10").isEqualTo("evt_dispute_1");
    }

    @Test
    void theAgentsBundledLibrariesStayHiddenFromTheApplication() {
        assertThat(run.check("bytebuddy-visible")).isEqualTo("false");
        assertThat(run.check("jctools-visible")).isEqualTo("false");
    }

    // ---------------------------------------------------------------- ACTOR and bounded snapshots

    @Test
    void actor_comesFromTheApplicationsServiceLoaderResolver_userSystemOrAnonymous() {
        ScenarioRun actors = Scenarios.actors(childJvm());
        assertThat(actors.exitCode()).as(actors.describe()).isEqualTo(0);
        assertThat(actors.stepFailures()).as(actors.describe()).isEmpty();
        assertThat(countByType(actors.events())).as(actors.describe()).isEqualTo(Map.of(
                ActorTypes.USER_BLOCKED_BY, 4, ActorTypes.SYSTEM_ACTED, 1, ActorTypes.NOTE_ADDED, 1,
                ActorTypes.GRAPH_RECORDED, 1));
        assertThat(dataOf(actors.events(ActorTypes.USER_BLOCKED_BY))).as("a user, a system, nobody, a resolver"
                + " that threw\n" + actors.describe()).containsExactly(
                json("{\"kilo_user_id\":\"u-1\",\"actor_email\":\"admin@example.com\",\"actor_label\":\"Ada Admin\"}"),
                json("{\"kilo_user_id\":\"u-2\",\"actor_email\":null,\"actor_label\":\"Admin API\"}"),
                json("{\"kilo_user_id\":\"u-3\",\"actor_email\":null,\"actor_label\":null}"),
                json("{\"kilo_user_id\":\"u-4\",\"actor_email\":null,\"actor_label\":null}"));
        assertThat(dataOf(actors.events(ActorTypes.SYSTEM_ACTED))).as("a guard on ACTOR\n" + actors.describe())
                .containsExactly(json("{\"kilo_user_id\":\"u-2\",\"system\":\"Admin API\"}"));
    }

    @Test
    void actor_isResolvedOncePerCallAndOnlyWhereAnExpressionReadsIt() {
        ScenarioRun actors = Scenarios.actors(childJvm());
        assertThat(actors.check("resolver-asked-for-four-calls")).as("two annotations read ACTOR, one look-up per"
                + " call\n" + actors.describe()).isEqualTo("4");
        assertThat(actors.check("resolver-asked-without-actor")).as(actors.describe()).isEqualTo("0");
    }

    @Test
    void actor_aResolverThatThrowsIsCountedAndLoggedAndTheEventIsStillSent() {
        ScenarioRun actors = Scenarios.actors(childJvm());
        assertThat(actors.check("block-resolver-throws")).isEqualTo("1");
        assertThat(actors.metrics().get("captureErrors")).as(actors.describe()).isEqualTo(1);
        assertThat(actors.warningsOrErrorsMentioning("FixtureActorResolver", "security layer unavailable"))
                .as(actors.describe()).hasSize(1);
    }

    @Test
    void snapshots_valuesThatContainThemselvesArriveWithACycleMarker() {
        ScenarioRun actors = Scenarios.actors(childJvm());
        assertThat(actors.check("record-graph")).isEqualTo("2");
        assertThat(dataOf(actors.events(ActorTypes.GRAPH_RECORDED))).as(actors.describe()).containsExactly(json("{"
                + "\"kilo_user_id\":\"u-6\",\"members\":[\"u-6\",\"<cycle: java.util.ArrayList>\"],"
                + "\"settings\":{\"region\":\"eu\",\"self\":\"<cycle: java.util.LinkedHashMap>\"},"
                + "\"team\":{\"name\":\"core\",\"members\":[\"u-7\","
                + "\"<cycle: dev.auditweave.it.fixtures.actors.AdminActions$Team>\"]}}"));
    }

    // ---------------------------------------------------------------- configuration

    @Test
    void disabledByConfiguration_emitsNothingAndChangesNoResult() {
        ScenarioRun disabled = Scenarios.disabled(childJvm());
        assertThat(disabled.exitCode()).as(disabled.describe()).isEqualTo(0);
        assertThat(disabled.checks()).as("every call returned what it returns with auditweave enabled\n"
                + disabled.describe()).isEqualTo(run.checks());
        assertThat(disabled.requests()).as(disabled.describe()).isEmpty();
        assertThat(disabled.metrics().get("captured")).isZero();
    }

    // ---------------------------------------------------------------- delivery under failure, shutdown

    @Test
    void bugClass8_deadOrSlowEndpointNeverBlocksOrBreaksTheCaller() {
        ScenarioRun held = Scenarios.heldEndpointBurst(childJvm());
        assertBurstCallerUnharmed(held, Scenarios.HELD_BURST_CALLS);
        assertThat(held.requests()).as("the endpoint was reached and held\n" + held.describe()).isNotEmpty();
        assertThat(held.events()).as("it never answered").isEmpty();
        Map<String, Long> heldSummary = held.summary().orElseThrow(() -> new AssertionError(
                "no shutdown summary\n" + held.describe()));
        assertThat(heldSummary.get("delivered")).isZero();
        assertThat(heldSummary.get("lost") + heldSummary.get("failed")).as("counted as lost or failed\n"
                + held.describe()).isPositive();
        assertThat(heldSummary.get("delivered") + heldSummary.get("failed") + heldSummary.get("dropped")
                + heldSummary.get("lost")).as("every captured event accounted for\n" + held.describe())
                .isEqualTo(heldSummary.get("captured"));

        ScenarioRun dead = Scenarios.deadEndpointBurst(childJvm());
        assertBurstCallerUnharmed(dead, Scenarios.DEAD_BURST_CALLS);
        Map<String, Long> deadSummary = dead.summary().orElseThrow(() -> new AssertionError(
                "no shutdown summary\n" + dead.describe()));
        assertThat(deadSummary.get("captured")).isEqualTo(Scenarios.DEAD_BURST_CALLS);
        assertThat(deadSummary.get("delivered")).isZero();
        assertThat(deadSummary.get("lost") + deadSummary.get("failed")).as("counted as lost or failed\n"
                + dead.describe()).isEqualTo(Scenarios.DEAD_BURST_CALLS - deadSummary.get("dropped"));
    }

    /** Every call returned its own result, main returned, and the JVM then exited by itself. */
    private static void assertBurstCallerUnharmed(ScenarioRun burst, int calls) {
        assertThat(burst.exitedInTime()).as("exited by itself within " + Scenarios.BURST_EXIT_BOUND_SECONDS
                + " s\n" + burst.describe()).isTrue();
        assertThat(burst.exitCode()).as(burst.describe()).isEqualTo(0);
        assertThat(burst.check("burst-calls")).isEqualTo(String.valueOf(calls));
        assertThat(burst.check("burst-results-unchanged")).isEqualTo("true");
        assertThat(burst.done()).as("main returned normally\n" + burst.describe()).isTrue();
    }

    @Test
    void queueFull_dropsAndCountsInsteadOfBlocking() {
        ScenarioRun held = Scenarios.heldEndpointBurst(childJvm());
        assertThat(held.check("burst-results-unchanged")).isEqualTo("true");
        Map<String, Long> metrics = held.metrics();
        assertThat(metrics.get("captured")).as(held.describe()).isEqualTo(Scenarios.HELD_BURST_CALLS);
        assertThat(metrics.get("dropped")).as("a queue of " + Scenarios.HELD_QUEUE_CAPACITY + " overflowed\n"
                + held.describe()).isPositive();
        assertThat(metrics.get("enqueued") + metrics.get("dropped")).isEqualTo(metrics.get("captured"));
        held.summary().ifPresent(summary ->
                assertThat(summary.get("dropped")).as("the summary line agrees").isEqualTo(metrics.get("dropped")));
    }

    @Test
    void exitDrainsWhatIsStillQueuedWhenMainReturns() {
        ScenarioRun drain = Scenarios.drainAtExit(childJvm());
        assertBurstCallerUnharmed(drain, Scenarios.DRAIN_BURST_CALLS);
        assertThat(drain.metrics().get("delivered")).as("nothing delivered before main returned (batch delay"
                + " 10 min, no flush)").isZero();
        assertThat(drain.events(EventTypes.BURST)).as("delivered by the shutdown drain\n" + drain.describe())
                .hasSize(Scenarios.DRAIN_BURST_CALLS);
        Map<String, Long> summary = drain.summary().orElseThrow(() -> new AssertionError(
                "no shutdown summary\n" + drain.describe()));
        assertThat(summary.get("delivered")).isEqualTo(Scenarios.DRAIN_BURST_CALLS);
        assertThat(summary.get("lost")).isZero();
    }

    @Test
    void transientFailures_5xxAnd429AreRetriedWithTheSameBatch() {
        ScenarioRun retried = Scenarios.transientFailures(childJvm());
        assertThat(retried.exitCode()).as(retried.describe()).isEqualTo(0);
        assertThat(retried.check("burst-results-unchanged")).isEqualTo("true");
        assertThat(retried.check("flush")).isEqualTo("true");
        Map<String, Long> metrics = retried.metrics();
        assertThat(metrics.get("delivered")).as(retried.describe()).isEqualTo(Scenarios.RETRY_BURST_CALLS);
        assertThat(metrics.get("retried")).as("503, then 429, then 200").isEqualTo(2);
        assertThat(metrics.get("failed")).isZero();
        assertThat(retried.requests()).as(retried.describe()).hasSize(3);
        assertThat(retried.requests()).extracting(request -> request.json())
                .as("a retry re-sends the same events, ids included").containsOnly(retried.requests().get(0).json());
        assertThat(retried.events(EventTypes.BURST)).hasSize(Scenarios.RETRY_BURST_CALLS);
    }

    @Test
    void clientError_isNotRetriedAndCountsAsFailed() {
        ScenarioRun rejected = Scenarios.rejected(childJvm());
        assertThat(rejected.exitCode()).as(rejected.describe()).isEqualTo(0);
        assertThat(rejected.check("burst-results-unchanged")).isEqualTo("true");
        Map<String, Long> metrics = rejected.metrics();
        assertThat(rejected.requests()).as("400 is not worth a retry\n" + rejected.describe()).hasSize(1);
        assertThat(metrics.get("retried")).isZero();
        assertThat(metrics.get("failed")).as(rejected.describe()).isEqualTo(Scenarios.RETRY_BURST_CALLS);
        assertThat(metrics.get("delivered")).isZero();
        assertThat(rejected.warningsOrErrorsMentioning("400")).as("the rejection is reported\n" + rejected.describe())
                .isNotEmpty();
    }

    @Test
    void invalidConfiguration_isReportedByKeyAndTheApplicationRunsOn() {
        ScenarioRun invalid = Scenarios.invalidConfiguration(childJvm());
        assertThat(invalid.exitCode()).as(invalid.describe()).isEqualTo(0);
        assertThat(invalid.check("burst-results-unchanged")).isEqualTo("true");
        assertThat(invalid.errorRecordsMentioning(Scenarios.INVALID_KEY)).as("an ERROR naming the key\n"
                + invalid.describe()).isNotEmpty();
        assertThat(invalid.requests()).as("nothing is sent with a broken configuration").isEmpty();
        assertThat(invalid.metrics().get("captured")).isZero();
    }

    // ---------------------------------------------------------------- Reactor Mono and Flux results

    @Test
    void reactor_firesWhenASubscriptionCompletes_onceForEach_withWhatTheSubscriberSaw() {
        ScenarioRun reactor = Scenarios.reactor(childJvm());
        assertThat(reactor.exitCode()).as(reactor.describe()).isEqualTo(0);
        assertThat(reactor.stepFailures()).as(reactor.describe()).isEmpty();
        assertThat(reactor.check("flush")).isEqualTo("true");
        assertThat(reactor.check("mono-not-run-at-return")).as("the Mono is still cold").isEqualTo("0");
        assertThat(reactor.check("mono-value")).isEqualTo("1");
        assertThat(reactor.check("mono-again-no-rows")).isEqualTo("0");
        assertThat(reactor.check("mono-twice")).isEqualTo("1,0");
        assertThat(reactor.check("mono-error")).isEqualTo("no user ghost");
        assertThat(reactor.check("mono-sync-throw")).isEqualTo("userId is required");
        assertThat(reactor.check("flux-elements")).isEqualTo("[u-3, u-4, u-5]");
        assertThat(reactor.check("flux-cut-short")).isEqualTo("[u-6]");
        assertThat(reactor.check("flux-empty")).isEqualTo("[]");

        assertThat(dataOf(reactor.events(ReactorTypes.USER_BLOCKED))).as("u-1 and u-2 once (their second"
                + " subscriptions changed no row), never the unsubscribed one, u-8 after its commit, not u-9\n"
                + reactor.describe()).containsExactlyInAnyOrder(
                json("{\"kilo_user_id\":\"u-1\",\"rows\":1}"), json("{\"kilo_user_id\":\"u-2\",\"rows\":1}"),
                json("{\"kilo_user_id\":\"u-8\",\"rows\":1}"));
        assertThat(dataOf(reactor.events(ReactorTypes.BLOCK_FAILED))).as("the failed subscription and the"
                + " synchronous throw\n" + reactor.describe()).containsExactlyInAnyOrder(
                json("{\"kilo_user_id\":\"ghost\",\"error\":\"IllegalStateException\","
                        + "\"reason\":\"no user ghost\"}"),
                json("{\"kilo_user_id\":null,\"error\":\"IllegalArgumentException\","
                        + "\"reason\":\"userId is required\"}"));
        assertThat(dataOf(reactor.events(ReactorTypes.USERS_BLOCKED))).as("the completed Flux only, with its"
                + " element count; not the one cut short, not the empty one\n" + reactor.describe())
                .containsExactly(json("{\"reason\":\"spam wave\",\"count\":3}"));
        Map<String, Long> metrics = reactor.metrics();
        assertThat(metrics.get("droppedRollback")).as("u-9's rolled-back transaction").isEqualTo(1);
        assertThat(metrics.get("captured")).isEqualTo(7);
        assertThat(metrics.get("delivered")).isEqualTo(6);
        assertThat(metrics.get("captureErrors")).isZero();
    }

    // ---------------------------------------------------------------- on = THROWN, CompletionStage results

    /** The events the outcomes scenario must deliver, by type (one more is captured and rolled back). */
    static final Map<String, Integer> EXPECTED_OUTCOME_COUNTS = Map.of(
            OutcomeTypes.CHARGED, 1, OutcomeTypes.DECLINED, 1, OutcomeTypes.CANCEL_FAILED, 1,
            OutcomeTypes.COUPON_REJECTED, 1, OutcomeTypes.SHIPMENT_FAILED, 1, OutcomeTypes.REFUND_COMPLETED, 2,
            OutcomeTypes.REFUND_FAILED, 3, OutcomeTypes.REFUND_RECEIPTED, 1);

    private ScenarioRun outcomes() {
        return Scenarios.outcomes(childJvm());
    }

    @Test
    void outcomes_runToCompletionAndEveryDeliveredEventIsCounted() {
        ScenarioRun outcomes = outcomes();
        assertThat(outcomes.exitCode()).as(outcomes.describe()).isEqualTo(0);
        assertThat(outcomes.stepFailures()).as(outcomes.describe()).isEmpty();
        assertThat(outcomes.done()).as(outcomes.describe()).isTrue();
        assertThat(outcomes.check("flush")).isEqualTo("true");
        assertThat(countByType(outcomes.events())).as(outcomes.describe()).isEqualTo(new java.util.TreeMap<>(
                EXPECTED_OUTCOME_COUNTS));
        int delivered = EXPECTED_OUTCOME_COUNTS.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Long> metrics = outcomes.metrics();
        assertThat(metrics.get("captured")).as("the rolled-back refund is captured too\n" + outcomes.describe())
                .isEqualTo(delivered + 1);
        assertThat(metrics.get("delivered")).isEqualTo(delivered);
        assertThat(metrics.get("droppedRollback")).as("the rolled-back refund").isEqualTo(1);
        assertThat(metrics.get("dropped")).as("a rollback is not a loss").isZero();
        assertThat(metrics.get("captureErrors")).isZero();
    }

    @Test
    void onThrown_firesOnAThrowOnly_andTheExceptionPassesUntouched() {
        ScenarioRun outcomes = outcomes();
        assertThat(outcomes.check("charge-ok")).isEqualTo("rcpt-u-1-500");
        assertThat(outcomes.check("charge-declined")).isEqualTo("CardDeclinedException");
        assertThat(outcomes.check("charge-declined-same-instance")).isEqualTo("true");
        assertThat(outcomes.check("charge-declined-untouched")).isEqualTo("true");
        assertThat(outcomes.check("charge-negative")).isEqualTo("negative amount -5");
        assertThat(outcomes.check("charge-negative-same-instance")).isEqualTo("true");
        assertThat(dataOf(outcomes.events(OutcomeTypes.CHARGED))).as("the return only\n" + outcomes.describe())
                .containsExactly(json("{\"kilo_user_id\":\"u-1\",\"amount\":500}"));
        assertThat(dataOf(outcomes.events(OutcomeTypes.DECLINED))).as("THROWN.type guard: not the"
                + " IllegalArgumentException\n" + outcomes.describe()).containsExactly(json("{\"kilo_user_id\":\"u-1\","
                + "\"amount\":999999,\"reason\":\"card declined for u-1: 999999\","
                + "\"error\":\"dev.auditweave.it.fixtures.CardDeclinedException\"}"));
    }

    @Test
    void onThrown_theWholeExceptionStaticMethodsAndSevenParameters() {
        ScenarioRun outcomes = outcomes();
        assertThat(outcomes.check("cancel-order")).isEqualTo("order o-1 already shipped");
        assertThat(dataOf(outcomes.events(OutcomeTypes.CANCEL_FAILED))).as(outcomes.describe()).containsExactly(json(
                "{\"order_id\":\"o-1\",\"error\":{\"type\":\"IllegalStateException\","
                        + "\"className\":\"java.lang.IllegalStateException\","
                        + "\"message\":\"order o-1 already shipped\"}}"));
        assertThat(outcomes.check("coupon-ok")).isEqualTo("10");
        assertThat(dataOf(outcomes.events(OutcomeTypes.COUPON_REJECTED))).as(outcomes.describe())
                .containsExactly(json("{\"code\":\"FREE\",\"reason\":\"unknown coupon FREE\"}"));
        assertThat(outcomes.check("shipment-ok")).isEqualTo("shp-o-2");
        assertThat(dataOf(outcomes.events(OutcomeTypes.SHIPMENT_FAILED))).as(outcomes.describe())
                .containsExactly(json("{\"order_id\":\"o-3\",\"grams\":40000,"
                        + "\"error\":\"UnsupportedOperationException\"}"));
    }

    @Test
    void completionStage_firesWhenItCompletes_withTheValue_onTheSameFuture() {
        ScenarioRun outcomes = outcomes();
        assertThat(outcomes.check("refund-same-future")).isEqualTo("true");
        assertThat(outcomes.check("refund-pending")).isEqualTo("true");
        assertThat(outcomes.check("refund-done")).isEqualTo("2");
        assertThat(outcomes.check("refund-no-rows")).isEqualTo("0");
        assertThat(outcomes.check("refund-null")).isEqualTo("null");
        assertThat(dataOf(outcomes.events(OutcomeTypes.REFUND_COMPLETED))).as("rows > 0 only; after the commit;"
                + " not after the rollback; not for a null future\n" + outcomes.describe()).containsExactlyInAnyOrder(
                json("{\"kilo_user_id\":\"u-2\",\"rows\":2}"), json("{\"kilo_user_id\":\"u-7\",\"rows\":1}"));
        assertThat(outcomes.check("receipt-first")).contains("inserted=true");
        assertThat(outcomes.check("receipt-again")).contains("inserted=false");
        assertThat(dataOf(outcomes.events(OutcomeTypes.REFUND_RECEIPTED))).as("completed on another thread, INSERTED"
                + " read from the completed record\n" + outcomes.describe())
                .containsExactly(json("{\"kilo_user_id\":\"u-9\",\"receipt_id\":\"rr-rf-1\"}"));
    }

    @Test
    void completionStage_failingOrCancelledFiresTheThrownAnnotationWithTheCause() {
        ScenarioRun outcomes = outcomes();
        assertThat(outcomes.check("refund-failed")).isEqualTo("true");
        assertThat(outcomes.check("refund-cancelled")).isEqualTo("true");
        assertThat(outcomes.check("refund-negative")).isEqualTo("negative refund -1");
        assertThat(outcomes.events(OutcomeTypes.REFUND_FAILED)).as(outcomes.describe())
                .extracting(event -> event.path("data").path("kilo_user_id").asText() + " "
                        + event.path("data").path("error").asText())
                .containsExactlyInAnyOrder("u-4 IllegalStateException", "u-5 CancellationException",
                        "u-6 IllegalArgumentException");
        assertThat(outcomes.events(OutcomeTypes.REFUND_FAILED)).filteredOn(
                event -> event.path("data").path("kilo_user_id").asText().equals("u-4"))
                .singleElement().satisfies(event -> assertThat(event.path("data").path("reason").asText())
                        .as("unwrapped from the CompletionException").isEqualTo("gateway down"));
    }

    @Test
    void outcomeMismatches_areReportedOnceAndTheMethodsStillWork() {
        ScenarioRun outcomes = outcomes();
        assertThat(outcomes.check("thrown-on-return")).isEqualTo("7,7");
        assertThat(outcomes.check("result-on-throw-threw")).isEqualTo("2");
        String service = OutcomeMisconfigured.class.getSimpleName();
        assertThat(outcomes.errorRecordsMentioning(service, "readsThrownOnReturn")).as(outcomes.describe())
                .singleElement().asString().contains("when", OutcomeMisconfigured.THROWN_ON_RETURN,
                        "THROWN is only available with on = Outcome.THROWN");
        assertThat(outcomes.errorRecordsMentioning(service, "readsResultOnThrow")).as(outcomes.describe())
                .singleElement().asString().contains("data field 'rows'",
                        "result (the return value) is not available with on = Outcome.THROWN");
        assertThat(outcomes.events(OutcomeTypes.MISCONFIGURED_THROWN)).isEmpty();
        assertThat(outcomes.events(OutcomeTypes.MISCONFIGURED_RESULT)).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> dataOf(List<JsonNode> events) {
        return events.stream().map(event -> event.path("data")).toList();
    }

    static Map<String, Integer> countByType(List<JsonNode> events) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        events.forEach(event -> counts.merge(event.path("type").asText(), 1, Integer::sum));
        return counts;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> iterator = node.fieldNames();
        iterator.forEachRemaining(names::add);
        return names;
    }
}
