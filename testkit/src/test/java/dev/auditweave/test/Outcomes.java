package dev.auditweave.test;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs test classes that use the kit on the Jupiter engine, in this JVM, and reads what became of each test. */
final class Outcomes {

    private final EngineExecutionResults results;

    private Outcomes(EngineExecutionResults results) {
        this.results = results;
    }

    /** Runs {@code testClass} with the given configuration parameters (key, value, key, value...). */
    static Outcomes run(Class<?> testClass, String... parameters) {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass));
        for (int i = 0; i < parameters.length; i += 2) {
            builder.configurationParameter(parameters[i], parameters[i + 1]);
        }
        return new Outcomes(builder.execute());
    }

    /** Per test method name: {@code "passed"}, or the failure's class and message. */
    Map<String, String> byTest() {
        Map<String, String> outcomes = new LinkedHashMap<>();
        results.testEvents().finished().stream().forEach(event -> outcomes.put(name(event), outcome(event)));
        return outcomes;
    }

    /** What became of the test class itself: {@code "passed"} or the failure of its container. */
    String container() {
        return results.containerEvents().finished().stream()
                .filter(event -> event.getTestDescriptor().getSource().isPresent()
                        && !(event.getTestDescriptor().getSource().get() instanceof MethodSource))
                .map(Outcomes::outcome).filter(outcome -> !outcome.equals("passed")).findFirst().orElse("passed");
    }

    private static String name(Event event) {
        return event.getTestDescriptor().getSource().filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getMethodName()).orElse(event.getTestDescriptor().getDisplayName());
    }

    private static String outcome(Event event) {
        TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
        return result.getThrowable().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse("passed");
    }
}
