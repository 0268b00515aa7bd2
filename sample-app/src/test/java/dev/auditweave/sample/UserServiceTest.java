package dev.auditweave.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
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
        assertThat(app.users().blockUser("u-1", "spam", "admin@example.com")).isEqualTo(1);
        assertThat(app.users().blockUser("u-1", "spam", "admin@example.com")).isZero();
        assertThat(app.users().blockUser("u-unknown", "spam", null)).isZero();
    }

    @Test
    void unblockChangesOnlyABlockedUser() throws SQLException {
        assertThat(app.users().unblockUser("u-1", "appeal", null)).isZero();
        app.users().blockUser("u-1", "spam", null);
        assertThat(app.users().unblockUser("u-1", "appeal", null)).isEqualTo(1);
        assertThat(app.users().unblockUser("u-1", "appeal", null)).isZero();
    }

    @Test
    void changeEmailReturnsThePreviousAddress() throws SQLException {
        assertThat(app.users().changeEmail("u-1", "new@example.com"))
                .isEqualTo(new EmailChange("u-1", "one@example.com", "new@example.com"));
        assertThat(app.users().changeEmail("u-1", "newer@example.com").previousEmail()).isEqualTo("new@example.com");
    }

    @Test
    void deleteOfAnOrganizationOwnerThrowsAndRollsEverythingBack() throws SQLException {
        app.organizations().createOrganization(new NewOrganization("o-1", "One", "u-1", "team", false, false));
        app.organizations().addMember("o-1", "u-2", "member");
        app.billing().purchaseCredits("u-1", 1_000);

        assertThatThrownBy(() -> app.users().deleteUser("u-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("owns organization o-1");

        // the memberships, credits and subscription deleted before the precondition failed are back
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
        assertThat(app.organizations().memberCount("o-1")).isEqualTo(1);
    }
}
