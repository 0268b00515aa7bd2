package dev.auditweave.sample.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.sample.NewOrganization;
import dev.auditweave.sample.SampleServices;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-up, sign-in and the auth enricher's look-ups on H2, without auditweave. */
class AuthServiceTest {

    private static final Instant SIGNED_UP = Instant.parse("2024-05-18T09:00:00Z");

    private SampleServices app;

    @BeforeEach
    void setUp() throws Exception {
        app = SampleServices.inMemory("auth-" + UUID.randomUUID(), Clock.fixed(SIGNED_UP, ZoneOffset.UTC));
        app.auth().signUp(new SignUp("u-1", "one@example.com", "google", "203.0.113.7", null));
    }

    @Test
    void signUpCreatesTheAccountAtTheClocksTime() throws Exception {
        Account account = app.auth().signUp(new SignUp("u-2", "two@example.com", "email", null, null));

        assertThat(account).isEqualTo(new Account("u-2", "two@example.com", SIGNED_UP, false, false, List.of()));
        assertThat(app.users().email("u-2")).contains("two@example.com");
    }

    @Test
    void signInReturnsTheAccountAsItIsNow() throws Exception {
        app.users().addCohort("u-1", "beta");
        app.users().addCohort("u-1", "beta");
        app.users().addCohort("u-1", "power");

        Account account = app.auth().signIn(new SignIn("one@example.com", "google", null, null));

        assertThat(account.cohorts()).containsExactly("beta", "power");
        assertThat(account.createdAt()).isEqualTo(SIGNED_UP);
    }

    @Test
    void signInOfABlockedAccountThrowsWithTheReason() throws Exception {
        app.users().blockUser("u-1", "fraud score 91");

        assertThatThrownBy(() -> app.auth().signIn(new SignIn("one@example.com", "google", null, null)))
                .isInstanceOf(AccountBlockedException.class)
                .hasMessage("fraud score 91");
    }

    @Test
    void signInOfAnUnknownEmailThrows() {
        assertThatThrownBy(() -> app.auth().signIn(new SignIn("nobody@example.com", "email", null, null)))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("no account for nobody@example.com");
    }

    @Test
    void theEnricherLooksUpProvidersAndMemberships() throws Exception {
        app.auth().signIn(new SignIn("one@example.com", "github", null, null));
        app.organizations().createOrganization(new NewOrganization("o-1", "One", "u-1", "team", true, false));

        Map<String, Object> fields = Map.copyOf(new AuthEnricher().enrich("auth.signin", Map.of("kilo_user_id", "u-1")));

        assertThat(fields).containsEntry("auth_providers", List.of("github", "google"))
                .containsEntry("org_memberships", List.of(Map.of("organization_id", "o-1", "role", "owner",
                        "plan", "team", "has_sso", true, "in_free_trial", false)));
    }

    @Test
    void theEnricherNamesWhatIsMissingFromTheEvent() {
        assertThatThrownBy(() -> new AuthEnricher().enrich("auth.signin", Map.of("email", "one@example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event auth.signin has no kilo_user_id to look up, it has [email]");
        assertThat(new AuthEnricher().name()).isEqualTo(AuthEnricher.NAME);
    }

    @Test
    void aRequestNamesWhatItLacks() {
        assertThatThrownBy(() -> new SignUp("u-3", null, "email", null, null)).hasMessage("email");
        assertThatThrownBy(() -> new SignIn("x@example.com", null, null, null)).hasMessage("authMethod");
    }
}
