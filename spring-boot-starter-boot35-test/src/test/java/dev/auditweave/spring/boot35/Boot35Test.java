package dev.auditweave.spring.boot35;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.internal.capture.MethodCapture;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.spring.AuditweaveAutoConfiguration;
import dev.auditweave.spring.AuditweaveBoot3HealthAutoConfiguration;
import dev.auditweave.spring.AuditweaveBoot3HealthIndicator;
import dev.auditweave.spring.AuditweaveEndpoint;
import dev.auditweave.spring.AuditweaveEndpointAutoConfiguration;
import dev.auditweave.spring.AuditweaveHealthAutoConfiguration;
import dev.auditweave.spring.AuditweaveLifecycle;
import dev.auditweave.spring.AuditweaveMeterBinder;
import dev.auditweave.spring.AuditweaveMetricsAutoConfiguration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Method;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The one starter jar, compiled against Boot 4, on Boot 3.5.7: every auto-configuration loads and works. */
class Boot35Test {

    private static final Duration FLUSH = Duration.ofSeconds(10);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AuditweaveAutoConfiguration.class,
                    AuditweaveMetricsAutoConfiguration.class, AuditweaveHealthAutoConfiguration.class,
                    AuditweaveBoot3HealthAutoConfiguration.class, AuditweaveEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=auditweave",
                    "auditweave.sink=memory", "auditweave.batch.max-delay-ms=0")
            .withBean(Service.class);

    @BeforeEach
    void clear() {
        MemorySink.shared().clear();
    }

    @Test
    void runsOnBoot35() {
        assertThat(SpringBootVersion.getVersion()).isEqualTo("3.5.7");
    }

    @Test
    void autoConfiguration_loads_withTheBoot3HealthIndicator() {
        runner.run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(AuditweaveLifecycle.class)
                .hasSingleBean(AuditweaveMeterBinder.class)
                .hasSingleBean(AuditweaveEndpoint.class)
                .hasSingleBean(AuditweaveBoot3HealthIndicator.class)
                .hasBean("dev.auditweave.spring.AuditweaveBoot3HealthAutoConfiguration")
                .doesNotHaveBean("dev.auditweave.spring.AuditweaveHealthAutoConfiguration"));
    }

    @Test
    void emittedEvent_reachesTheSinkTheMetersAndTheHealth() {
        runner.run(context -> {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(AuditweaveMeterBinder.class).bindTo(registry);
            Method method = Service.class.getMethod("block", String.class);
            MethodCapture.afterReturn(method, new Object[] {"u-1"}, 1, MethodCapture.select(method, 1));
            assertThat(Auditweave.flush(FLUSH)).isTrue();

            assertThat(MemorySink.shared().events()).hasSize(1);
            assertThat(registry.get("auditweave.events").tags("sink", "memory", "outcome", "delivered")
                    .functionCounter().count()).isEqualTo(1.0);
            Health health = context.getBean(AuditweaveBoot3HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(context.getBean(AuditweaveEndpoint.class).report().sites())
                    .anySatisfy(site -> assertThat(site.type()).isEqualTo("user.blocked"));
        });
    }

    @Test
    void badValue_failsTheStart() {
        runner.withPropertyValues("auditweave.queue.capacity=0").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageStartingWith("auditweave.queue.capacity = '0'"));
    }

    public static class Service {
        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0")
        public int block(String userId) {
            return 1;
        }
    }
}
