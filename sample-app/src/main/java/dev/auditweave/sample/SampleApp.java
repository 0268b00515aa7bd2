package dev.auditweave.sample;

import dev.auditweave.sample.script.Script;
import dev.auditweave.sample.script.Step;
import java.util.List;

/**
 * The sample application: runs {@link Script} against the services on a fresh in-memory database and prints,
 * for each operation, what it did and which event it expects. Run it under the {@code -javaagent}, or use the
 * build-time woven classes of sample-app-woven; auditweave reads its configuration from system properties
 * ({@code -Dauditweave.sink=http ...}). Without either, it runs the same and emits nothing.
 *
 * <p>Exits 1 when an operation did not behave as scripted (threw when it should not, or did not throw when
 * it should).
 */
public final class SampleApp {

    private SampleApp() {
    }

    public static void main(String[] args) {
        SampleServices services = SampleServices.inMemory("sample-" + ProcessHandle.current().pid(), Script.CLOCK);
        List<Step> steps = Script.steps();
        int deviations = 0;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String outcome;
            boolean asScripted;
            try {
                outcome = describe(step.action().run(services));
                asScripted = !step.failure();
            } catch (Exception e) {
                outcome = "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
                asScripted = step.failure();
            }
            if (!asScripted) {
                deviations++;
            }
            System.out.printf("[%02d] %s: %s -> %s%s%n", i + 1, step.description(), outcome, step.expectation(),
                    asScripted ? "" : "   !! NOT AS SCRIPTED");
        }
        System.out.printf("%d operations, %d not as scripted%n", steps.size(), deviations);
        if (deviations > 0) {
            System.exit(1);
        }
    }

    private static String describe(Object result) {
        if (result instanceof Integer rows) {
            return rows + (rows == 1 ? " row changed" : " rows changed");
        }
        return String.valueOf(result);
    }
}
