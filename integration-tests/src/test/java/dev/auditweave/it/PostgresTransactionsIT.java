package dev.auditweave.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.it.fixtures.tx.TxTypes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events wait for real PostgreSQL transactions, under the agent and woven at build time: one server for the class
 * ({@link PostgresServer}), one database and one run of the {@code postgres} scenario per mode, Spring's
 * {@code DataSourceTransactionManager} and the public hook. What H2 cannot show: a row that
 * {@code INSERT ... ON CONFLICT DO NOTHING RETURNING id} gave back (or not), and a commit that fails on a
 * {@code DEFERRABLE INITIALLY DEFERRED} constraint after the annotated delete returned its row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresTransactionsIT {

    /** The events the scenario must deliver, as {@code type kilo_user_id}. */
    static final List<String> DELIVERED = List.of(TxTypes.MEMBER_ADDED + " p-1", TxTypes.USER_DELETED + " p-4");
    /** p-2 (precondition), p-3 (Spring's commit failed), p-5 (the hook's commit failed). */
    static final int DROPPED_ROLLBACK = 3;

    private PostgresServer server;
    private final Map<String, ScenarioRun> runs = new HashMap<>();

    static Stream<Arguments> modes() {
        return Stream.of(
                Arguments.of("agent-17", (Supplier<ChildJvm>) ChildJvm::agentModeOnCurrentJava),
                Arguments.of("woven", (Supplier<ChildJvm>) ChildJvm::compileTimeWoven));
    }

    @BeforeAll
    void startServer() {
        server = PostgresServer.startOrSkip();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** The run of {@code mode}, in a database of its own; once per mode. */
    private ScenarioRun run(String mode, Supplier<ChildJvm> jvm) {
        ScenarioRun run = runs.computeIfAbsent(mode, name ->
                Scenarios.postgres(jvm.get(), server.createDatabase(name.replace('-', '_'))));
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(0);
        assertThat(run.stepFailures()).as(run.describe()).isEmpty();
        assertThat(run.check("flush")).as(run.describe()).isEqualTo("true");
        return run;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void bugClass3_onlyCommittedEventsArrive_theOthersAreCountedAsDroppedRollback(String mode,
                                                                                  Supplier<ChildJvm> jvm) {
        ScenarioRun run = run(mode, jvm);
        assertThat(AbstractEmitSuite.typeAndUser(run.events())).as(run.describe())
                .containsExactlyInAnyOrderElementsOf(DELIVERED);
        Map<String, Long> metrics = run.metrics();
        assertThat(metrics.get("droppedRollback")).as(run.describe()).isEqualTo(DROPPED_ROLLBACK);
        assertThat(metrics.get("dropped")).as("a rollback is not a loss").isZero();
        assertThat(metrics.get("heldForCommit")).isEqualTo(DELIVERED.size() + DROPPED_ROLLBACK);
        assertThat(metrics.get("delivered")).isEqualTo(DELIVERED.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void bugClass3_insertOnConflictDoNothingReturningId_emitsOnlyWhenARowCameBack(String mode,
                                                                                   Supplier<ChildJvm> jvm) {
        ScenarioRun run = run(mode, jvm);
        assertThat(run.check("pg-returning")).as("the second insert returned no row")
                .isEqualTo("MemberRow[id=1, userId=p-1, organizationId=org-1],null");
        assertThat(AbstractEmitSuite.dataOf(run.events(TxTypes.MEMBER_ADDED))).as(run.describe()).containsExactly(
                AbstractEmitSuite.json("{\"kilo_user_id\":\"p-1\",\"organization_id\":\"org-1\",\"membership_id\":1}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void bugClass3_preconditionFailingAfterTheDeleteReturned_sendsNothing(String mode, Supplier<ChildJvm> jvm) {
        ScenarioRun run = run(mode, jvm);
        assertThat(run.check("p-2-deleted-rows")).as("the annotated delete returned its row").isEqualTo("1");
        assertThat(run.check("pg-precondition")).isEqualTo("threw PreconditionFailed");
        assertThat(run.check("pg-precondition-kept")).as("PostgreSQL rolled back").isEqualTo("name of p-2");
        assertThat(AbstractEmitSuite.usersOf(run, TxTypes.USER_DELETED, "")).as(run.describe())
                .doesNotContain("p-2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void bugClass3_commitFailingOnADeferredConstraint_sendsNothing(String mode, Supplier<ChildJvm> jvm) {
        ScenarioRun run = run(mode, jvm);
        assertThat(run.check("pg-commit-fails")).as("Spring's commit").isEqualTo("threw TransactionSystemException");
        assertThat(run.check("pg-commit-fails-kept")).isEqualTo("name of p-3");
        assertThat(run.check("pg-hook-commit-fails")).as("the hook's commit").isEqualTo("threw PSQLException");
        assertThat(run.check("pg-hook-commit-fails-kept")).isEqualTo("name of p-5");
        assertThat(AbstractEmitSuite.usersOf(run, TxTypes.USER_DELETED, "")).as(run.describe())
                .doesNotContain("p-3", "p-5");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void bugClass3_committedDelete_isSent(String mode, Supplier<ChildJvm> jvm) {
        ScenarioRun run = run(mode, jvm);
        assertThat(run.check("pg-commit")).isEqualTo("1");
        assertThat(run.check("pg-commit-kept")).as("deleted for good").isEqualTo("null");
        assertThat(AbstractEmitSuite.usersOf(run, TxTypes.USER_DELETED, "")).as(run.describe())
                .containsExactly("p-4");
    }
}
