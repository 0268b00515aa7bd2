package dev.auditweave.it.spring;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.auditweave.it.ChildJvm;
import dev.auditweave.testing.LoopbackReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Start-up time of the sample Spring Boot fat jar on Java 17, JVM launch to the first HTTP 200, with and without
 * the agent: {@code -Dspring.it.startups=N} starts each N times (alternating) and prints every figure and the
 * medians. Measured, never asserted; skipped unless N > 0, so {@code mvn verify} does not pay for it:
 * <pre>
 * mvn -B -pl integration-tests -am verify -Dit.test=SpringAppStartupIT -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dspring.it.startups=5
 * </pre>
 */
class SpringAppStartupIT {

    @Test
    void medianStartUpWithAndWithoutTheAgent() throws Exception {
        int starts = Integer.getInteger("spring.it.startups", 0);
        assumeTrue(starts > 0, "set -Dspring.it.startups=N (N > 0) to time N starts with and without the agent");
        List<Long> plain = new ArrayList<>();
        List<Long> agent = new ArrayList<>();
        try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
            for (int i = 1; i <= starts; i++) {
                plain.add(timeStart(BootLaunch.plain("startup-plain-" + i)));
                agent.add(timeStart(BootLaunch.agent("startup-agent-" + i, ChildJvm.currentJava())
                        .with(SpringRun.httpSink(receiver))));
            }
        }
        System.out.printf("spring-app start-up on Java 17, %d starts each: without agent %s ms, median %d ms;"
                + " with agent %s ms, median %d ms; agent adds %d ms (median)%n", starts, plain, median(plain), agent,
                median(agent), median(agent) - median(plain));
    }

    private static long timeStart(BootLaunch launch) throws Exception {
        try (BootApp app = BootApp.launch(launch)) {
            app.awaitServing(SpringRun.START_TIMEOUT);
            app.stop(SpringRun.STOP_TIMEOUT);
            return app.startupMillis();
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
