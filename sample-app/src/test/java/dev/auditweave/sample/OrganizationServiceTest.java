package dev.auditweave.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The business behaviour of OrganizationService on H2, without auditweave. */
class OrganizationServiceTest {

    private SampleServices app;

    @BeforeEach
    void setUp() throws SQLException {
        app = SampleServices.inMemory("orgs-" + UUID.randomUUID());
        app.users().register("u-owner", "owner@example.com");
        app.users().register("u-guest", "guest@example.com");
        app.organizations().createOrganization(new NewOrganization("o-1", "One", "u-owner", "team", true, false));
    }

    @Test
    void theOwnerIsTheFirstMember() throws SQLException {
        assertThat(app.organizations().memberCount("o-1")).isEqualTo(1);
    }

    @Test
    void acceptingAnInvitationInsertsTheMembershipOnlyOnce() throws SQLException {
        app.organizations().createInvitation("inv-1", "o-1", "guest@example.com", "admin");

        InvitationAcceptance first = app.organizations().acceptInvitation("inv-1", "u-guest");
        InvitationAcceptance second = app.organizations().acceptInvitation("inv-1", "u-guest");

        assertThat(first).isEqualTo(new InvitationAcceptance("inv-1", "o-1", "u-guest", "admin", "team", true));
        assertThat(second.inserted()).isFalse();
        assertThat(app.organizations().memberCount("o-1")).isEqualTo(2);
    }

    @Test
    void addingAMemberTwiceFails() throws SQLException {
        assertThat(app.organizations().addMember("o-1", "u-guest", "member"))
                .isEqualTo(new MembershipChange("o-1", "u-guest", "member", "team"));
        assertThatThrownBy(() -> app.organizations().addMember("o-1", "u-guest", "member"))
                .isInstanceOf(SQLException.class);
        assertThat(app.organizations().memberCount("o-1")).isEqualTo(2);
    }

    @Test
    void removingAMemberReturnsItOnceThenNull() throws SQLException {
        app.organizations().addMember("o-1", "u-guest", "member");

        assertThat(app.organizations().removeMember("o-1", "u-guest"))
                .isEqualTo(new MembershipChange("o-1", "u-guest", "member", "team"));
        assertThat(app.organizations().removeMember("o-1", "u-guest")).isNull();
    }

    @Test
    void deletingAnOrganizationChangesOneRowOnce() throws SQLException {
        app.organizations().addMember("o-1", "u-guest", "member");

        assertThat(app.organizations().deleteOrganization("o-1", "u-owner")).isEqualTo(1);
        assertThat(app.organizations().deleteOrganization("o-1", "u-owner")).isZero();
        assertThat(app.organizations().memberCount("o-1")).isZero();
    }
}
