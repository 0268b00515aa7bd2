package dev.auditweave.sample.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.sample.EventTypes;
import dev.auditweave.sample.script.Script;
import dev.auditweave.sample.script.Step;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's script run by SampleApp in a child JVM under the {@code -javaagent} (this module's classes, woven at
 * start-up), sending to the demo's stand-ins through the demo's three sinks, and checked as the demo checks a run:
 * every payload whole, so the enriched fields of the auth events ({@code auth_providers}, {@code org_memberships})
 * and the actors (a signed-in admin, the Admin API, an anonymous download) are asserted with the rest. Needs the
 * agent jar of the agent module ({@code mvn -pl sample-app -am verify} builds it first).
 */
class AgentScriptTest {

    private static final String CLIENT_ID = "agent-test-client";
    private static final String CLIENT_SECRET = "agent-test-secret";

    @Test
    void theWholeScriptArrivesAtEveryDestinationUnderTheAgent() throws Exception {
        Path root = RepoRoot.locate();
        Path agentJar = root.resolve(Mode.AGENT_JAR);
        assertThat(agentJar).as("build the agent first").exists();
        List<Path> classPath = Arrays.stream(System.getProperty("java.class.path")
                .split(System.getProperty("path.separator"))).map(Path::of).filter(Files::exists).toList();
        Mode mode = new Mode("javaagent", "test", List.of("-javaagent:" + agentJar), classPath);
        List<Step> steps = Script.steps();
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        RunResult abuse;
        RunResult audit;
        RunResult auth;
        ChildRun child;
        try (AbuseServiceReceiver abuseService = AbuseServiceReceiver.start(CLIENT_ID, CLIENT_SECRET);
             AuditLogReceiver auditLog = AuditLogReceiver.start()) {
            Map<String, String> properties = DemoLauncher.childProperties(abuseService.eventsUrl(),
                    auditLog.eventsUrl(), abuseService.authEventUrl());
            child = ChildJvm.run(ChildJvm.command(mode, properties),
                    Map.of(DemoLauncher.CLIENT_ID_VARIABLE, CLIENT_ID, DemoLauncher.CLIENT_SECRET_VARIABLE,
                            CLIENT_SECRET),
                    root, new PrintStream(output, true, StandardCharsets.UTF_8));
            abuse = RunCheck.check(only(steps, Destination.ABUSE), abuseService.takeAll(), child.startMillis(),
                    child.endMillis());
            audit = RunCheck.check(only(steps, Destination.AUDIT), auditLog.takeAll(), child.startMillis(),
                    child.endMillis());
            auth = RunCheck.checkFlat(only(steps, Destination.AUTH), abuseService.takeAuthEvents());
        }

        String log = output.toString(StandardCharsets.UTF_8);
        assertThat(child.exitCode()).as(log).isZero();
        assertThat(abuse.problems()).as(log).isEmpty();
        assertThat(audit.problems()).as(log).isEmpty();
        assertThat(auth.problems()).as(log).isEmpty();
        assertThat(auth.matches()).extracting(match -> match.event().type())
                .containsExactly(EventTypes.AUTH_SIGNUP, EventTypes.AUTH_SIGNUP, EventTypes.AUTH_SIGNUP,
                        EventTypes.AUTH_SIGNUP, EventTypes.AUTH_SIGNIN, EventTypes.AUTH_SIGNIN);
        assertThat(auth.matches().get(5).event().data().get("org_memberships").get(0).get("organization_id")
                .asText()).isEqualTo(Script.ACME);
        assertThat(audit.matches().stream().map(match -> match.expected().type()).distinct())
                .containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
    }

    private static List<Step> only(List<Step> steps, Destination destination) {
        return steps.stream().map(step -> step.only(destination::receives)).toList();
    }
}
