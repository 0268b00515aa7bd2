package dev.auditweave.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.ConfigException;
import dev.auditweave.agent.EmitSite;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.agent.metrics.DropReason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

@ExtendWith(OutputCaptureExtension.class)
class AuditweaveAutoConfigurationTest {

    private static final Duration FLUSH = Duration.ofSeconds(10);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AuditweaveAutoConfiguration.class,
                    AuditweaveMetricsAutoConfiguration.class, AuditweaveHealthAutoConfiguration.class,
                    AuditweaveBoot3HealthAutoConfiguration.class, AuditweaveEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=auditweave")
            .withBean(SampleService.class);

    @BeforeEach
    void clearMemorySinks() {
        MemorySink.shared().clear();
        MemorySink.named("abuse").clear();
    }

    // ---- binding ----

    @Test
    void binding_fromProperties() {
        runner.withPropertyValues("auditweave.sinks=abuse,audit", "auditweave.sink.abuse.type=memory",
                "auditweave.sink.audit.type=memory", "auditweave.sink.audit.types=billing.*").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(Auditweave.sinkNames()).containsExactly("abuse", "audit");
                });
    }

    @Test
    void binding_yamlListAndRelaxedNames() {
        runner.withPropertyValues("auditweave.sinks[0]=abuse", "auditweave.sinks[1]=audit",
                "auditweave.sink.abuse.type=memory", "auditweave.sink.audit.type=log",
                "auditweave.batch.maxDelayMs=0").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(Auditweave.sinkNames()).containsExactly("abuse", "audit");
                });
    }

    @Test
    void binding_fromEnvironmentStyleNames() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource("test-env", Map.of("AUDITWEAVE_SINKS", "abuse",
                        "AUDITWEAVE_SINK_ABUSE_TYPE", "memory", "PATH", "/bin")))).run(context -> {
                            assertThat(context).hasNotFailed();
                            assertThat(Auditweave.sinkNames()).containsExactly("abuse");
                        });
    }

    @Test
    void binding_higherSourceWins() {
        runner.withPropertyValues("auditweave.sink=log")
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-env", Map.of("AUDITWEAVE_SINK", "memory"))))
                .run(context -> assertThat(Auditweave.sinkNames()).containsExactly("memory"));
    }

    @Test
    void binding_classPathAuditweavePropertiesIsRead(@TempDir Path classes) throws IOException {
        Files.writeString(classes.resolve("auditweave.properties"), "auditweave.sink=memory\n");

        withContextClassLoader(classes, () -> runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(Auditweave.sinkNames()).containsExactly("memory");
        }));
    }

    @Test
    void binding_classPathAuditweavePropertiesIsBelowEverySpringSource(@TempDir Path classes) throws IOException {
        Files.writeString(classes.resolve("auditweave.properties"), "auditweave.sink=memory\n");

        withContextClassLoader(classes, () -> runner.withPropertyValues("auditweave.sink=log")
                .run(context -> assertThat(Auditweave.sinkNames()).containsExactly("log")));
    }

    private static void withContextClassLoader(Path classes, Runnable action) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(loader);
            action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void binding_lowerSourceLoses() {
        runner.withPropertyValues("auditweave.sink=log")
                .withInitializer(context -> context.getEnvironment().getPropertySources().addLast(
                        new SystemEnvironmentPropertySource("test-env", Map.of("AUDITWEAVE_SINK", "memory"))))
                .run(context -> assertThat(Auditweave.sinkNames()).containsExactly("log"));
    }

    @Test
    void binding_badValue_failsTheStartNamingKeyValueAndOrigin() {
        runner.withInitializer(context -> {
            try {
                new PropertiesPropertySourceLoader().load("bad", new ClassPathResource("bad-auditweave.properties"))
                        .forEach(context.getEnvironment().getPropertySources()::addFirst);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            while (cause.getCause() != null && !(cause instanceof ConfigException)) {
                cause = cause.getCause();
            }
            assertThat(cause).isInstanceOf(ConfigException.class).hasMessage(
                    "auditweave.batch.max-events = 'lots' (class path resource [bad-auditweave.properties] - 2:29):"
                            + " expected a whole number from 1 to 100000");
        });
    }

    @Test
    void binding_badEnvironmentValue_namesTheVariable() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource("test-env", Map.of("AUDITWEAVE_QUEUE_CAPACITY", "0"))))
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining(
                        "auditweave.queue.capacity = '0' (environment variable AUDITWEAVE_QUEUE_CAPACITY)"));
    }

    // ---- lifecycle ----

    @Test
    void lifecycle_stopDrainsTheQueue() {
        runner.withPropertyValues("auditweave.sink=memory", "auditweave.batch.max-delay-ms=600000")
                .run(context -> {
                    SampleService.emit("u-1", 1);
                    assertThat(MemorySink.shared().events()).as("held for the batch delay").isEmpty();
                    context.close();
                    assertThat(MemorySink.shared().events()).extracting(Event::type).containsExactly("user.blocked");
                });
    }

    @Test
    void lifecycle_afterStop_callsAreCountedAsDropped() {
        runner.withPropertyValues("auditweave.sink=memory").run(context -> {
            context.close();
            SampleService.emit("u-2", 1);
            assertThat(Auditweave.metrics("memory").droppedByReason()).containsEntry(DropReason.SHUTDOWN, 1L);
            assertThat(MemorySink.shared().events()).isEmpty();
        });
    }

    // ---- meters ----

    @Test
    void meters_countTheEmittedEvent() {
        runner.withPropertyValues("auditweave.sink=memory", "auditweave.batch.max-delay-ms=0").run(context -> {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(AuditweaveMeterBinder.class).bindTo(registry);
            SampleService.emit("u-3", 1);
            SampleService.emit("u-4", 0);
            assertThat(Auditweave.flush(FLUSH)).isTrue();

            assertThat(registry.get("auditweave.events.captured").functionCounter().count()).isEqualTo(1.0);
            assertThat(registry.get("auditweave.events.guarded.out").functionCounter().count()).isEqualTo(1.0);
            assertThat(registry.get("auditweave.events").tags("sink", "memory", "outcome", "delivered")
                    .functionCounter().count()).isEqualTo(1.0);
            assertThat(registry.get("auditweave.events").tags("sink", "memory", "outcome", "enqueued")
                    .functionCounter().count()).isEqualTo(1.0);
            assertThat(registry.get("auditweave.events").tags("sink", "memory", "outcome", "failed")
                    .functionCounter().count()).isZero();
            assertThat(registry.get("auditweave.events.dropped").tags("sink", "memory", "reason", "queue_full")
                    .functionCounter().count()).isZero();
            assertThat(registry.get("auditweave.batches.retried").tags("sink", "memory").functionCounter().count())
                    .isZero();
        });
    }

    // ---- health ----

    @Test
    void health_upWhenDelivering() {
        runner.withPropertyValues("auditweave.sink=memory", "auditweave.batch.max-delay-ms=0").run(context -> {
            SampleService.emit("u-5", 1);
            assertThat(Auditweave.flush(FLUSH)).isTrue();

            Health health = context.getBean(AuditweaveHealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKey("memory");
        });
    }

    @Test
    void health_downWhenTheSinkFails() {
        // Port 1 of the loopback refuses connections at once; one attempt, so the batch fails without retries.
        runner.withPropertyValues("auditweave.sink=http", "auditweave.http.url=http://127.0.0.1:1/events",
                "auditweave.retry.max-attempts=1", "auditweave.batch.max-delay-ms=0").run(context -> {
                    SampleService.emit("u-6", 1);
                    Auditweave.flush(FLUSH);
                    assertThat(Auditweave.metrics("http").failed()).isEqualTo(1);

                    Health health = context.getBean(AuditweaveHealthIndicator.class).health();

                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails().get("http")).asString().contains("status=failing");
                });
    }

    @Test
    void health_offByProperty() {
        runner.withPropertyValues("auditweave.sink=memory", "management.health.auditweave.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(AuditweaveHealthIndicator.class));
    }

    @Test
    void health_boot3IndicatorAbsentOnBoot4() {
        runner.withPropertyValues("auditweave.sink=memory")
                .run(context -> assertThat(context).hasBean("dev.auditweave.spring.AuditweaveHealthAutoConfiguration")
                        .doesNotHaveBean("dev.auditweave.spring.AuditweaveBoot3HealthAutoConfiguration")
                        .hasSingleBean(AuditweaveHealthIndicator.class));
    }

    // ---- coverage ----

    @Test
    void coverage_annotatedInterfaceMethodOfAPlainBean_isNamedInAWarning(CapturedOutput output) {
        runner.withPropertyValues("auditweave.sink=memory").withBean(Notifier.class, Notifier.Impl::new)
                .run(context -> assertThat(output).contains("@EmitsAbuseEvent on dev.auditweave.spring.Notifier.notifyUser"
                        + " emits nothing: an annotation on an interface method is covered only by the -javaagent"));
    }

    // ---- endpoint ----

    @Test
    void endpoint_listsSitesWithSinksAndTheDisabledOneWithItsReason() {
        runner.withPropertyValues("auditweave.sink=memory").run(context -> {
            List<EmitSite> sites = context.getBean(AuditweaveEndpoint.class).report().sites();

            assertThat(sites).filteredOn(site -> site.className().equals(SampleService.class.getName()))
                    .extracting(EmitSite::method, EmitSite::type, EmitSite::guard, EmitSite::sinks, EmitSite::enabled)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("blockUser(String)", "user.blocked",
                                    "RETURNED_ROWS > 0", List.of("memory"), true),
                            org.assertj.core.groups.Tuple.tuple("broken(String)", "user.broken", "rowz > 0",
                                    List.of(), false));
            EmitSite broken = sites.stream().filter(site -> site.type().equals("user.broken")).findFirst()
                    .orElseThrow();
            assertThat(broken.reason()).contains("rowz");
        });
    }

    @Test
    void endpoint_listsDeclaredAndSwitchedOffSitesWithWhy() {
        runner.withPropertyValues("auditweave.sink=memory", "auditweave.disable.types=user.blocked",
                "auditweave.emit.parse.method=com.fasterxml.jackson.databind.ObjectMapper#readTree(java.lang.String)",
                "auditweave.emit.parse.type=json.parsed").run(context -> {
                    List<EmitSite> sites = context.getBean(AuditweaveEndpoint.class).report().sites();

                    assertThat(sites).filteredOn(site -> site.className().equals(SampleService.class.getName())
                            && site.type().equals("user.blocked")).singleElement()
                            .satisfies(site -> {
                                assertThat(site.enabled()).isFalse();
                                assertThat(site.switchedOff()).isTrue();
                                assertThat(site.reason())
                                        .startsWith("switched off by auditweave.disable.types = 'user.blocked' (");
                                assertThat(site.declaredBy()).isEmpty();
                            });
                    assertThat(sites).filteredOn(site -> site.type().equals("json.parsed")).singleElement()
                            .satisfies(site -> {
                                assertThat(site.className()).isEqualTo("com.fasterxml.jackson.databind.ObjectMapper");
                                assertThat(site.method()).isEqualTo("readTree(String)");
                                assertThat(site.declaredBy()).isEqualTo("auditweave.emit.parse.method");
                                assertThat(site.switchedOff()).isFalse();
                                assertThat(site.enabled()).as("no -javaagent in this test").isFalse();
                                assertThat(site.reason()).contains("honoured by the -javaagent only");
                            });
                    assertThat(sites).filteredOn(site -> site.type().equals("user.broken")).singleElement()
                            .satisfies(site -> assertThat(site.switchedOff()).isFalse());
                });
    }

    @Test
    void endpoint_disabledAuditweave_listsEverySiteAsDisabled() {
        runner.withPropertyValues("auditweave.enabled=false").run(context -> {
            List<EmitSite> sites = context.getBean(AuditweaveEndpoint.class).report().sites();

            List<EmitSite> sampleSites = sites.stream()
                    .filter(site -> site.className().equals(SampleService.class.getName())).toList();
            assertThat(sampleSites).extracting(EmitSite::method)
                    .containsExactlyInAnyOrder("blockUser(String)", "broken(String)");
            assertThat(sampleSites).allSatisfy(site -> {
                assertThat(site.enabled()).isFalse();
                assertThat(site.reason()).contains("auditweave is idle");
            });
        });
    }

    @Test
    void endpoint_reportsTheCounters() {
        runner.withPropertyValues("auditweave.sink=memory", "auditweave.batch.max-delay-ms=0").run(context -> {
            SampleService.emit("u-7", 1);
            assertThat(Auditweave.flush(FLUSH)).isTrue();

            AuditweaveEndpoint.Report report = context.getBean(AuditweaveEndpoint.class).report();

            assertThat(report.metrics().captured()).isEqualTo(1);
            assertThat(report.sinks().get("memory").delivered()).isEqualTo(1);
        });
    }

    @Test
    void endpoint_notAvailableWhenAccessIsNone() {
        runner.withPropertyValues("auditweave.sink=memory", "management.endpoint.auditweave.access=NONE")
                .run(context -> assertThat(context).doesNotHaveBean(AuditweaveEndpoint.class));
    }
}
