package dev.auditweave.sample.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.Actor;
import org.junit.jupiter.api.Test;

/** Who acts, as the request context says. */
class SampleActorResolverTest {

    private final SampleActorResolver resolver = new SampleActorResolver();

    @Test
    void aSignedInUserIsAUserActor() throws Exception {
        Actor actor = RequestContext.call(Caller.user("admin@kilo.example", "Ada Admin"), resolver::resolve);

        assertThat(actor).isEqualTo(Actor.user("admin@kilo.example", "Ada Admin"));
    }

    @Test
    void theAdminApiIsASystemActorWithoutId() throws Exception {
        Actor actor = RequestContext.call(Caller.adminApiKey(), resolver::resolve);

        assertThat(actor.id()).isNull();
        assertThat(actor.label()).isEqualTo("Admin API");
        assertThat(actor.isSystem()).isTrue();
    }

    @Test
    void anAnonymousRequestHasNoActorAndTheCallerIsRestoredAfterACall() throws Exception {
        assertThat(resolver.resolve()).isNull();
        Actor inner = RequestContext.call(Caller.user("a@example.com", "A"),
                () -> RequestContext.call(Caller.adminApiKey(), resolver::resolve));
        assertThat(inner.isSystem()).isTrue();
        assertThat(resolver.resolve()).isNull();
    }

    @Test
    void aCallerNeedsAName() {
        assertThatThrownBy(() -> Caller.user("a@example.com", " "))
                .hasMessage("a caller's display name must not be blank");
        assertThatThrownBy(() -> Caller.user(" ", "A")).hasMessageContaining("a user's email must not be blank");
    }
}
