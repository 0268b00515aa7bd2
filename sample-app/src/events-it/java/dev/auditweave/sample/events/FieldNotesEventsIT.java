package dev.auditweave.sample.events;

import static dev.auditweave.test.AuditweaveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.sample.EventTypes;
import dev.auditweave.sample.NewEmail;
import dev.auditweave.sample.NewOrganization;
import dev.auditweave.sample.SampleServices;
import dev.auditweave.sample.auth.SignIn;
import dev.auditweave.test.AuditweaveExtension;
import dev.auditweave.test.EmittedEvents;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The field notes' bug classes, asserted on the events the sample's services emit, with the test kit
 * ({@code auditweave-test}). One source, two runs: sample-app runs it under the {@code -javaagent} (failsafe's
 * {@code argLine}), sample-app-woven over the same services woven at build time.
 */
@ExtendWith(AuditweaveExtension.class)
class FieldNotesEventsIT {

    private SampleServices app;

    @BeforeEach
    void setUp() throws SQLException {
        app = SampleServices.inMemory("events-" + UUID.randomUUID());
        app.users().register("u-1", "one@example.com");
        app.users().register("u-2", "two@example.com");
        app.organizations().createOrganization(new NewOrganization("o-1", "One", "u-1", "team", false, false));
    }

    @Test
    void theServicesAreInstrumentedInTheModeThisRunIsFor() {
        assertThat(Auditweave.agentAttached()).isEqualTo(Boolean.getBoolean("sample.events.agent"));
    }

    @Test
    void bugClass1_blockingEmitsOnlyWhenTheUpdateChangedARow(EmittedEvents events) throws SQLException {
        app.users().blockUser("u-2", "spam");
        app.users().blockUser("u-2", "spam");          // already blocked: no row changed
        app.users().blockUser("u-unknown", "spam");    // no such user

        assertThat(events).containsExactlyTypes(EventTypes.USER_BLOCKED);
        assertThat(events).containsEvent(EventTypes.USER_BLOCKED)
                .withData("kilo_user_id", "u-2").withData("reason", "spam");
    }

    @Test
    void bugClass2_acceptingAnInvitationTwiceAddsTheMemberOnce(EmittedEvents events) throws SQLException {
        app.organizations().createInvitation("inv-1", "o-1", "two@example.com", "admin");

        app.organizations().acceptInvitation("inv-1", "u-2");
        app.organizations().acceptInvitation("inv-1", "u-2");

        assertThat(events).containsExactlyTypes(EventTypes.ORG_MEMBER_ADDED);
        assertThat(events).containsEvent(EventTypes.ORG_MEMBER_ADDED)
                .withData("kilo_user_id", "u-2").withData("organization_id", "o-1").withData("role", "admin");
    }

    @Test
    void bugClass3_aDeleteWhoseTransactionRollsBackEmitsNothing(EmittedEvents events) {
        assertThatThrownBy(() -> app.users().deleteUser("u-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("still owns organization o-1");

        assertThat(events).doesNotContainEvent(EventTypes.USER_DELETED);
    }

    @Test
    void bugClass3_aDeleteThatCommitsEmitsUserDeletedAfterTheCommit(EmittedEvents events) throws SQLException {
        app.users().deleteUser("u-2");

        assertThat(events).containsEvent(EventTypes.USER_DELETED).withData("kilo_user_id", "u-2");
    }

    @Test
    void bugClass3_theRenamesOfABatchThatRollsBackAreNeverEmitted(EmittedEvents events) {
        assertThatThrownBy(() -> app.users().changeEmails(List.of(
                new NewEmail("u-1", "first@example.com"), new NewEmail("u-2", "first@example.com"))))
                .isInstanceOf(SQLException.class);

        assertThat(events).containsNoEvents();
    }

    @Test
    void bugClass6_aSignInIsSentWithWhatTheEnricherLookedUpOffTheCallingThread(EmittedEvents events)
            throws Exception {
        app.auth().signIn(new SignIn("one@example.com", "google", "203.0.113.7", "curl/8"));

        assertThat(events).containsEvent(EventTypes.AUTH_SIGNIN)
                .withData("kilo_user_id", "u-1")
                .withData("auth_providers", List.of("google"))
                .satisfies(signin -> assertThat((List<?>) signin.data().get("org_memberships"))
                        .singleElement().isInstanceOfSatisfying(Map.class, membership ->
                                assertThat(membership).containsEntry("organization_id", "o-1")));
        assertThat(events).doesNotContainEvent(EventTypes.SESSION_SIGNIN_BLOCKED);
    }
}
