package dev.auditweave.sample.woven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.sample.EventTypes;
import dev.auditweave.sample.SampleServices;
import dev.auditweave.sample.demo.Destination;
import dev.auditweave.sample.demo.DestinationComparison;
import dev.auditweave.sample.demo.RunCheck;
import dev.auditweave.sample.demo.RunResult;
import dev.auditweave.sample.script.Script;
import dev.auditweave.sample.script.Step;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The demo's script on the build-time woven services, in this JVM, checked as the demo checks a run: every payload
 * whole, so the enriched fields of the auth events ({@code auth_providers}, {@code org_memberships}) and the actors
 * (a signed-in admin, the Admin API, an anonymous download) are asserted with the rest.
 */
class WovenScriptTest {

    @Test
    void theWholeScriptArrivesAtBothDestinationsAsTheDemoExpects() throws Exception {
        List<Step> steps = Script.steps();
        SampleServices app = SampleServices.inMemory("woven-script-" + UUID.randomUUID(), Script.CLOCK);
        RunResult abuse;
        RunResult audit;
        RunResult auth;
        try (Receivers receivers = Receivers.start()) {
            long start = System.currentTimeMillis();
            for (Step step : steps) {
                try {
                    step.action().run(app);
                } catch (Exception e) {
                    assertThat(step.failure()).as("%s threw %s", step.description(), e).isTrue();
                }
            }
            assertThat(receivers.flush()).isTrue();
            long end = System.currentTimeMillis();
            abuse = RunCheck.check(only(steps, Destination.ABUSE), receivers.abuse(), start, end);
            audit = RunCheck.check(only(steps, Destination.AUDIT), receivers.audit(), start, end);
            auth = RunCheck.checkFlat(only(steps, Destination.AUTH), receivers.auth());
        }

        assertThat(abuse.problems()).isEmpty();
        assertThat(audit.problems()).isEmpty();
        assertThat(auth.problems()).isEmpty();
        assertThat(auth.matches()).extracting(match -> match.event().type())
                .containsExactly(EventTypes.AUTH_SIGNUP, EventTypes.AUTH_SIGNUP, EventTypes.AUTH_SIGNUP,
                        EventTypes.AUTH_SIGNUP, EventTypes.AUTH_SIGNIN, EventTypes.AUTH_SIGNIN);
        assertThat(auth.matches().get(5).event().data().get("org_memberships").get(0).get("organization_id")
                .asText()).isEqualTo(Script.ACME);
        assertThat(abuse.matches().stream().map(match -> match.expected().type()).distinct())
                .containsExactlyInAnyOrderElementsOf(EventTypes.ABUSE_SERVICE);
        assertThat(audit.matches().stream().map(match -> match.expected().type()).distinct())
                .containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
        DestinationComparison sameAction = DestinationComparison.compare("abuse", abuse, "audit", audit);
        assertThat(sameAction.problems()).isEmpty();
        assertThat(sameAction.both()).isEqualTo(abuse.matches().size());
    }

    private static List<Step> only(List<Step> steps, Destination destination) {
        return steps.stream().map(step -> step.only(destination::receives)).toList();
    }
}
