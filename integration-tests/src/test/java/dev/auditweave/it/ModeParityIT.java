package dev.auditweave.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Both modes behave identically: the main scenario (shared with {@link AgentModeIT} and
 * {@link CompileTimeWovenIT}, run once each) yields the same events, results, counters and reported problems.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModeParityIT {

    private ScenarioRun agent;
    private ScenarioRun woven;

    @BeforeAll
    void runBothModes() {
        agent = Scenarios.main(ChildJvm.agentModeOnCurrentJava());
        woven = Scenarios.main(ChildJvm.compileTimeWoven());
    }

    @Test
    void bothModesDeliverTheSameEvents() {
        assertThat(comparable(woven.events())).as("woven vs agent\n" + agent.describe() + "\n" + woven.describe())
                .isEqualTo(comparable(agent.events()));
    }

    @Test
    void bothModesReturnTheSameResults() {
        assertThat(woven.checks()).isEqualTo(agent.checks());
    }

    @Test
    void bothModesCountTheSame() {
        Map<String, Long> agentMetrics = agent.metrics();
        assertThat(woven.metrics()).isEqualTo(agentMetrics);
        assertThat(agentMetrics.get("captured")).isPositive();
    }

    @Test
    void bothModesReportTheSameBadExpressions() {
        assertThat(reportedMethods(woven)).as(woven.describe()).isEqualTo(reportedMethods(agent))
                .containsExactly("blockWithBrokenGuard", "blockWithUnknownParameter", "recordDispute");
    }

    @Test
    void bothModesAreEquallyInertWhenDisabled() {
        ScenarioRun agentDisabled = Scenarios.disabled(ChildJvm.agentModeOnCurrentJava());
        ScenarioRun wovenDisabled = Scenarios.disabled(ChildJvm.compileTimeWoven());
        assertThat(wovenDisabled.checks()).isEqualTo(agentDisabled.checks());
        assertThat(wovenDisabled.requests()).isEmpty();
        assertThat(agentDisabled.requests()).isEmpty();
        assertThat(reportedMethods(wovenDisabled))
                .as("with auditweave.enabled=false, annotations are evaluated (and bad ones reported) in neither mode,"
                        + " or in both\n" + agentDisabled.describe() + "\n" + wovenDisabled.describe())
                .isEqualTo(reportedMethods(agentDisabled));
    }

    /**
     * The events as comparable text, sorted: type and data always; the id only where it is deterministic (an
     * idempotency key), occurred_at only where it comes from the payload.
     */
    private static List<String> comparable(List<JsonNode> events) {
        return events.stream().map(event -> {
            ObjectNode node = AbstractEmitSuite.JSON.createObjectNode();
            String type = event.path("type").asText();
            node.put("type", type);
            node.set("data", sorted(event.path("data")));
            if (AbstractEmitSuite.KEYED_TYPES.contains(type)) {
                node.set("id", event.path("id"));
                node.set("occurred_at", event.path("occurred_at"));
            }
            return node.toString();
        }).sorted(Comparator.naturalOrder()).toList();
    }

    /** Object fields in name order, recursively, so that the text compares equal whatever the field order. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = AbstractEmitSuite.JSON.createObjectNode();
            new TreeSet<>(AbstractEmitSuite.fieldNames(node)).forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            var copy = AbstractEmitSuite.JSON.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    private static TreeSet<String> reportedMethods(ScenarioRun run) {
        TreeSet<String> methods = new TreeSet<>();
        Pattern method = Pattern.compile("\\b(blockWithBrokenGuard|blockWithUnknownParameter|recordDispute)\\b");
        for (String record : run.errorRecordsMentioning(AbstractEmitSuite.MISCONFIGURED)) {
            Matcher matcher = method.matcher(record);
            if (matcher.find()) {
                methods.add(matcher.group(1));
            }
        }
        return methods;
    }
}
