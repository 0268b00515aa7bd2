package dev.auditweave.sample.woven;

import static dev.auditweave.test.AuditweaveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.sample.EventTypes;
import dev.auditweave.sample.NewEmail;
import dev.auditweave.sample.NewOrganization;
import dev.auditweave.sample.SampleServices;
import dev.auditweave.test.AuditweaveExtension;
import dev.auditweave.test.EmittedEvents;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Field notes, bug class 3, on the woven services: an event of a method that returned inside
 * {@code Database.inTransaction} waits for the commit, and is dropped when the transaction rolls back. What was
 * emitted is read with the test kit ({@link EmittedEvents}: every event released to the sinks during the test).
 */
@ExtendWith(AuditweaveExtension.class)
class TransactionTest {

    private Receivers receivers;
    private SampleServices app;

    @BeforeEach
    void setUp() throws Exception {
        receivers = Receivers.start();
        app = SampleServices.inMemory("woven-tx-" + UUID.randomUUID());
        app.users().register("u-1", "one@example.com");
        app.users().register("u-2", "two@example.com");
        app.organizations().createOrganization(new NewOrganization("o-1", "One", "u-1", "team", false, false));
        assertThat(receivers.flush()).isTrue();
        receivers.abuse();
        receivers.audit();
    }

    @AfterEach
    void tearDown() {
        receivers.close();
    }

    // --- the phantom user.deleted ---

    @Test
    void bugClass3_aDeleteWhosePreconditionFailsAfterTheDeleteReturnedIsNeverSent(EmittedEvents events) {
        AuditweaveMetrics before = Auditweave.metrics();

        assertThatThrownBy(() -> app.users().deleteUser("u-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("still owns organization o-1");

        assertThat(events).doesNotContainEvent(EventTypes.USER_DELETED);
        AuditweaveMetrics after = Auditweave.metrics();
        assertThat(after.heldForCommit() - before.heldForCommit()).isEqualTo(1);
        assertThat(after.droppedRollback() - before.droppedRollback()).isEqualTo(1);
    }

    @Test
    void bugClass3_aDeleteThatCommitsIsHeldUntilTheCommitAndThenSent(EmittedEvents events) throws SQLException {
        AuditweaveMetrics before = Auditweave.metrics();

        assertThat(app.users().deleteUser("u-2")).isEqualTo(1);

        assertThat(events).containsExactlyTypes(EventTypes.USER_DELETED);
        assertThat(events).containsEvent(EventTypes.USER_DELETED).withData("kilo_user_id", "u-2");
        assertThat(receivers.flush()).isTrue();
        assertThat(receivers.abuse().events()).as("delivered to the abuse service").hasSize(1);
        AuditweaveMetrics after = Auditweave.metrics();
        assertThat(after.heldForCommit() - before.heldForCommit()).isEqualTo(1);
        assertThat(after.droppedRollback()).isEqualTo(before.droppedRollback());
    }

    // --- a rename inside an outer transaction ---

    @Test
    void bugClass3_aRenameWhoseOuterTransactionRollsBackIsNeverSent(EmittedEvents events) throws SQLException {
        AuditweaveMetrics before = Auditweave.metrics();

        assertThatThrownBy(() -> app.users().changeEmails(List.of(
                new NewEmail("u-1", "first@example.com"), new NewEmail("u-2", "first@example.com"))))
                .isInstanceOf(SQLException.class);

        assertThat(app.users().email("u-1")).contains("one@example.com");
        assertThat(events).doesNotContainEvent(EventTypes.USER_EMAIL_CHANGED);
        AuditweaveMetrics after = Auditweave.metrics();
        assertThat(after.droppedRollback() - before.droppedRollback()).isEqualTo(1);
    }

    @Test
    void bugClass3_theRenamesOfABatchThatCommitsAreSentInOrder(EmittedEvents events) throws SQLException {
        app.users().changeEmails(List.of(
                new NewEmail("u-1", "first@example.com"), new NewEmail("u-2", "one@example.com")));

        assertThat(events).containsExactlyTypes(EventTypes.USER_EMAIL_CHANGED, EventTypes.USER_EMAIL_CHANGED);
        assertThat(events.all())
                .extracting(event -> event.data().get("kilo_user_id") + " " + event.data().get("email"))
                .containsExactly("u-1 first@example.com", "u-2 one@example.com");
    }

    @Test
    void bugClass3_aRenameOnItsOwnIsSentOnceItsOwnTransactionCommitted(EmittedEvents events) throws SQLException {
        AuditweaveMetrics before = Auditweave.metrics();

        app.users().changeEmail("u-1", "first@example.com");

        assertThat(events).containsExactlyTypes(EventTypes.USER_EMAIL_CHANGED);
        // its transaction is inside the method: it has committed when the method returns, nothing waits
        assertThat(Auditweave.metrics().heldForCommit()).isEqualTo(before.heldForCommit());
    }
}
