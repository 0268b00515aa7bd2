package dev.auditweave.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditweave.it.fixtures.inherited.InheritedTypes;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Annotations on interface, abstract and superclass methods, under the agent (Java 17, 25, and on top of woven
 * classes): each implementation emits, a JDK proxy of an annotated interface emits (as a Spring Data repository
 * would), a method's own annotation wins, and a call emits once whether it goes through a bridge method or an
 * override calling {@code super}. Compile-time weaving alone covers only methods that carry the annotation
 * themselves, which the last test pins down.
 */
class InheritedAnnotationsIT {

    static Stream<Arguments> agentModes() {
        return Stream.of(
                Arguments.of("agent-17", (Supplier<ChildJvm>) ChildJvm::agentModeOnCurrentJava),
                Arguments.of("agent-25", (Supplier<ChildJvm>) ChildJvm::agentModeOnJava25),
                Arguments.of("agent-on-woven", (Supplier<ChildJvm>) ChildJvm::agentOnCompileTimeWoven));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agentModes")
    void theAgentAppliesInheritedAnnotationsOncePerCall(String mode, Supplier<ChildJvm> jvm) {
        ScenarioRun run = Scenarios.inherited(jvm.get());

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(0);
        assertThat(run.stepFailures()).as(run.describe()).isEmpty();
        assertThat(ids(run.events(InheritedTypes.MEMBER_REMOVED), "kilo_user_id"))
                .as("implementation and override calling super, once each; the guard holds for u- only\n"
                        + run.describe())
                .containsExactly("u-1", "u-2");
        assertThat(ids(run.events(InheritedTypes.OWN_ANNOTATION_WINS), "kilo_user_id")).as(run.describe())
                .containsExactly("u-3");
        assertThat(ids(run.events(InheritedTypes.FOUND), "id")).as("through the bridge and directly, once each")
                .containsExactlyInAnyOrder("a-1", "a-2");
        assertThat(ids(run.events(InheritedTypes.REPOSITORY_BLOCK), "kilo_user_id")).as("the JDK proxy\n"
                + run.describe()).containsExactly("u-4");
        assertThat(ids(run.events(InheritedTypes.NOTIFIED), "channel")).containsExactly("email");
        assertThat(run.check("find-through-bridge")).isEqualTo("account-a-1");
        assertThat(run.check("proxy-u-4")).isEqualTo("1");
    }

    @Test
    void compileTimeWeavingAloneCoversOnlyOwnAnnotations() {
        ScenarioRun run = Scenarios.inherited(ChildJvm.compileTimeWoven());

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(0);
        assertThat(ids(run.events(InheritedTypes.OWN_ANNOTATION_WINS), "kilo_user_id")).containsExactly("u-3");
        assertThat(run.events(InheritedTypes.MEMBER_REMOVED)).isEmpty();
        assertThat(run.events(InheritedTypes.REPOSITORY_BLOCK)).isEmpty();
    }

    private static List<String> ids(List<JsonNode> events, String field) {
        return events.stream().map(event -> event.path("data").path(field).asText()).toList();
    }
}
