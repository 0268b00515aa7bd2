package dev.auditweave.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The business behaviour of UserService on H2, without auditweave. */
class UserServiceTest {

    private SampleServices app;

    @BeforeEach
    void setUp() throws SQLException {
        app = SampleServices.inMemory("users-" + UUID.randomUUID());
        app.users().register("u-1", "one@example.com");
        app.users().register("u-2", "two@example.com");
    }

    @Test
    void blockChangesTheRowOnlyOnce() throws SQLException {
        assertThat(app.users().blockUser("u-1", "spam")).isEqualTo(1);
        assertThat(app.users().blockUser("u-1", "spam")).isZero();
        assertThat(app.users().blockUser("u-unknown", "spam")).isZero();
    }

    @Test
    void unblockChangesOnlyABlockedUser() throws SQLException {
        assertThat(app.users().unblockUser("u-1", "appeal")).isZero();
        app.users().blockUser("u-1", "spam");
        assertThat(app.users().unblockUser("u-1", "appeal")).isEqualTo(1);
        assertThat(app.users().unblockUser("u-1", "appeal")).isZero();
    }

    @Test
    void changeEmailReturnsThePreviousAddress() throws SQLException {
        assertThat(app.users().changeEmail("u-1", "new@example.com"))
                .isEqualTo(new EmailChange("u-1", "one@example.com", "new@example.com"));
        assertThat(app.users().changeEmail("u-1", "newer@example.com").previousEmail()).isEqualTo("new@example.com");
    }

    @Test
    void aBatchOfEmailChangesIsAppliedInOrder() throws SQLException {
        List<EmailChange> changes = app.users().changeEmails(List.of(
                new NewEmail("u-1", "first@example.com"), new NewEmail("u-2", "one@example.com")));

        assertThat(changes).containsExactly(new EmailChange("u-1", "one@example.com", "first@example.com"),
                new EmailChange("u-2", "two@example.com", "one@example.com"));
        assertThat(app.users().email("u-2")).contains("one@example.com");
    }

    @Test
    void aBatchOfEmailChangesWithATakenAddressRollsBackTheChangesBeforeIt() throws SQLException {
        assertThatThrownBy(() -> app.users().changeEmails(List.of(
                new NewEmail("u-1", "first@example.com"), new NewEmail("u-2", "first@example.com"))))
                .isInstanceOf(SQLException.class);

        assertThat(app.users().email("u-1")).contains("one@example.com");
        assertThat(app.users().email("u-2")).contains("two@example.com");
    }

    @Test
    void aNewEmailNamesItsUserAndAddress() {
        assertThatThrownBy(() -> new NewEmail(null, "x@example.com")).hasMessage("userId");
        assertThatThrownBy(() -> new NewEmail("u-1", null)).hasMessage("email");
    }

    @Test
    void deleteOfAnOrganizationOwnerThrowsAndRollsEverythingBack() throws SQLException {
        app.organizations().createOrganization(new NewOrganization("o-1", "One", "u-1", "team", false, false));
        app.organizations().addMember("o-1", "u-2", "member");
        app.billing().purchaseCredits("u-1", 1_000);

        assertThatThrownBy(() -> app.users().deleteUser("u-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("owns organization o-1");

        // the user row, memberships, credits and subscription deleted before the precondition failed are back
        assertThat(app.users().email("u-1")).contains("one@example.com");
        assertThat(app.organizations().memberCount("o-1")).isEqualTo(2);
        assertThat(app.billing().purchaseCredits("u-1", 1_000).totalMicrodollarsAcquired()).isEqualTo(2_000);
        assertThat(app.subscriptions().describe("u-1")).isEqualTo("FREE active");
    }

    @Test
    void deleteRemovesTheUserOnce() throws SQLException {
        app.organizations().createOrganization(new NewOrganization("o-1", "One", "u-1", "team", false, false));
        app.organizations().addMember("o-1", "u-2", "member");

        assertThat(app.users().deleteUser("u-2")).isEqualTo(1);
        assertThat(app.users().deleteUser("u-2")).isZero();
        assertThat(app.users().email("u-2")).isEmpty();
        assertThat(app.organizations().memberCount("o-1")).isEqualTo(1);
    }
}
