package dev.auditweave.sample.woven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.sample.EventTypes;
import dev.auditweave.sample.NewEmail;
import dev.auditweave.sample.NewOrganization;
import dev.auditweave.sample.SampleServices;
import dev.auditweave.sample.demo.Received;
import dev.auditweave.sample.demo.ReceivedEvent;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Field notes, bug class 3, on the woven services: an event of a method that returned inside
 * {@code Database.inTransaction} waits for the commit, and is dropped when the transaction rolls back.
 */
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
    void bugClass3_aDeleteWhosePreconditionFailsAfterTheDeleteReturnedIsNeverSent() {
        AuditweaveMetrics before = Auditweave.metrics();

        assertThatThrownBy(() -> app.users().deleteUser("u-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("still owns organization o-1");
        assertThat(receivers.flush()).isTrue();

        assertThat(types(receivers.abuse())).doesNotContain(EventTypes.USER_DELETED);
        assertThat(types(receivers.audit())).doesNotContain(EventTypes.USER_DELETED);
        AuditweaveMetrics after = Auditweave.metrics();
        assertThat(after.heldForCommit() - before.heldForCommit()).isEqualTo(1);
        assertThat(after.droppedRollback() - before.droppedRollback()).isEqualTo(1);
    }

    @Test
    void bugClass3_aDeleteThatCommitsIsHeldUntilTheCommitAndThenSent() throws SQLException {
        AuditweaveMetrics before = Auditweave.metrics();

        assertThat(app.users().deleteUser("u-2")).isEqualTo(1);
        assertThat(receivers.flush()).isTrue();

        Received abuse = receivers.abuse();
        assertThat(abuse.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventTypes.USER_DELETED);
            assertThat(event.data().get("kilo_user_id").asText()).isEqualTo("u-2");
        });
        AuditweaveMetrics after = Auditweave.metrics();
        assertThat(after.heldForCommit() - before.heldForCommit()).isEqualTo(1);
        assertThat(after.droppedRollback()).isEqualTo(before.droppedRollback());
    }

    // --- a rename inside an outer transaction ---

    @Test
    void bugClass3_aRenameWhoseOuterTransactionRollsBackIsNeverSent() throws SQLException {
        AuditweaveMetrics before = Auditweave.metrics();

        assertThatThrownBy(() -> app.users().changeEmails(List.of(
                new NewEmail("u-1", "first@example.com"), new NewEmail("u-2", "first@example.com"))))
                .isInstanceOf(SQLException.class);
        assertThat(receivers.flush()).isTrue();

        assertThat(app.users().email("u-1")).contains("one@example.com");
        assertThat(types(receivers.abuse())).doesNotContain(EventTypes.USER_EMAIL_CHANGED);
        assertThat(types(receivers.audit())).doesNotContain(EventTypes.USER_EMAIL_CHANGED);
        AuditweaveMetrics after = Auditweave.metrics();
        assertThat(after.droppedRollback() - before.droppedRollback()).isEqualTo(1);
    }

    @Test
    void bugClass3_theRenamesOfABatchThatCommitsAreSentInOrder() throws SQLException {
        app.users().changeEmails(List.of(
                new NewEmail("u-1", "first@example.com"), new NewEmail("u-2", "one@example.com")));
        assertThat(receivers.flush()).isTrue();

        assertThat(receivers.abuse().events())
                .extracting(event -> event.data().get("kilo_user_id").asText() + " " + event.data().get("email").asText())
                .containsExactly("u-1 first@example.com", "u-2 one@example.com");
    }

    @Test
    void bugClass3_aRenameOnItsOwnIsSentOnceItsOwnTransactionCommitted() throws SQLException {
        AuditweaveMetrics before = Auditweave.metrics();

        app.users().changeEmail("u-1", "first@example.com");
        assertThat(receivers.flush()).isTrue();

        assertThat(types(receivers.abuse())).containsExactly(EventTypes.USER_EMAIL_CHANGED);
        // its transaction is inside the method: it has committed when the method returns, nothing waits
        assertThat(Auditweave.metrics().heldForCommit()).isEqualTo(before.heldForCommit());
    }

    private static List<String> types(Received received) {
        return received.events().stream().map(ReceivedEvent::type).toList();
    }
}
