package dev.auditweave.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mockStatic;

import dev.auditweave.agent.Actor;
import dev.auditweave.agent.ActorResolver;
import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.ClientRequest;
import dev.auditweave.agent.EventEnricher;
import dev.auditweave.agent.RequestResolver;
import dev.auditweave.agent.internal.enrich.Enrichers;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.Sink;
import dev.auditweave.agent.spi.SinkContext;
import dev.auditweave.agent.spi.SinkEvent;
import dev.auditweave.agent.spi.SinkProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Enricher, actor resolver, request resolver and sink provider beans are handed to auditweave while the context runs; their counters are meters. */
class ExtensionBeansTest {

    private static final Duration FLUSH = Duration.ofSeconds(10);

    private final EventEnricher memberships = new EventEnricher() {
        @Override
        public String name() {
            return "beanMemberships";
        }

        @Override
        public Map<String, ?> enrich(String type, Map<String, Object> data) {
            return Map.of("org_memberships", List.of("org-" + data.get("kilo_user_id")));
        }
    };
    private final EventEnricher failing = new EventEnricher() {
        @Override
        public String name() {
            return "beanMemberships";
        }

        @Override
        public Map<String, ?> enrich(String type, Map<String, Object> data) {
            throw new IllegalStateException("database down");
        }
    };
    private final ActorResolver adminApi = () -> Actor.system("Admin API");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AuditweaveAutoConfiguration.class,
                    AuditweaveMetricsAutoConfiguration.class, AuditweaveEndpointAutoConfiguration.class))
            .withPropertyValues("auditweave.sink=memory", "auditweave.batch.max-delay-ms=0",
                    "management.endpoints.web.exposure.include=auditweave")
            .withBean(EnrichedService.class);

    @BeforeEach
    void clearMemorySink() {
        MemorySink.shared().clear();
    }

    @Test
    void anEnricherBean_fillsTheFieldItsAnnotationAsksFor() {
        runner.withBean("beanMemberships", EventEnricher.class, () -> memberships).run(context -> {
            assertThat(context).hasNotFailed();
            EnrichedService.emit("u-1");
            assertThat(Auditweave.flush(FLUSH)).isTrue();

            assertThat(MemorySink.shared().events()).extracting(Event::data).singleElement()
                    .isEqualTo(Map.of("kilo_user_id", "u-1", "org_memberships", List.of("org-u-1")));
        });
    }

    @Test
    void anEnricherBean_isRemovedWhenTheContextStops() {
        runner.withBean("beanMemberships", EventEnricher.class, () -> memberships).run(context -> {
            assertThat(Enrichers.added("beanMemberships")).isSameAs(memberships);
            context.close();

            assertThat(Enrichers.added("beanMemberships")).isNull();
        });
    }

    @Test
    void anEnricherBeanWithoutAName_failsTheStartNamingItsClass() {
        EventEnricher nameless = new EventEnricher() {
            @Override
            public String name() {
                return "";
            }

            @Override
            public Map<String, ?> enrich(String type, Map<String, Object> data) {
                return Map.of();
            }
        };
        runner.withBean("nameless", EventEnricher.class, () -> nameless)
                .withBean("beanMemberships", EventEnricher.class, () -> memberships)
                .run(context -> {
                    assertThat(context).getFailure().rootCause().isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining(nameless.getClass().getName()).hasMessageContaining("has no name");
                    assertThat(Enrichers.added("beanMemberships")).as("nothing stays added").isNull();
                });
    }

    @Test
    void anActorResolverBean_isAddedAtStartAndRemovedAtStop() {
        try (MockedStatic<Auditweave> facade = mockStatic(Auditweave.class, CALLS_REAL_METHODS)) {
            runner.withBean("adminApi", ActorResolver.class, () -> adminApi).run(context -> {
                facade.verify(() -> Auditweave.addActorResolver(adminApi));
                facade.verify(() -> Auditweave.removeActorResolver(adminApi), org.mockito.Mockito.never());
                context.close();

                facade.verify(() -> Auditweave.removeActorResolver(adminApi));
            });
        }
    }

    @Test
    void aRequestResolverBean_answersRequestWhileTheContextRuns() {
        RequestResolver grpc = () -> ClientRequest.of("POST", "/grpc.Users/Block", "10.0.0.7", Map.of());
        try (MockedStatic<Auditweave> facade = mockStatic(Auditweave.class, CALLS_REAL_METHODS)) {
            runner.withBean("grpc", RequestResolver.class, () -> grpc).run(context -> {
                EnrichedService.emitBlock("u-5");
                assertThat(Auditweave.flush(FLUSH)).isTrue();

                assertThat(MemorySink.shared().events()).extracting(Event::data).singleElement()
                        .isEqualTo(Map.of("kilo_user_id", "u-5", "ip_address", "10.0.0.7"));
                facade.verify(() -> Auditweave.removeRequestResolver(grpc), org.mockito.Mockito.never());
                context.close();

                facade.verify(() -> Auditweave.removeRequestResolver(grpc));
            });
        }
    }

    @Test
    void meters_countEnrichmentFailuresAndTransactionOutcomes() {
        runner.withBean("beanMemberships", EventEnricher.class, () -> failing).run(context -> {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(AuditweaveMeterBinder.class).bindTo(registry);
            EnrichedService.emit("u-2");
            assertThat(Auditweave.flush(FLUSH)).isTrue();

            assertThat(registry.get("auditweave.enrich.failed").functionCounter().count()).isEqualTo(1.0);
            assertThat(registry.get("auditweave.enrich.timed.out").functionCounter().count()).isZero();
            assertThat(registry.get("auditweave.transaction.events.held").functionCounter().count()).isZero();
            assertThat(registry.get("auditweave.transaction.events.dropped").tags("reason", "rollback")
                    .functionCounter().count()).isZero();
            assertThat(registry.get("auditweave.transaction.events.dropped").tags("reason", "transaction_full")
                    .functionCounter().count()).isZero();
            assertThat(registry.find("auditweave.events.dropped").tags("reason", "rollback").functionCounter())
                    .as("never per sink: counted before routing").isNull();
            assertThat(MemorySink.shared().events()).extracting(Event::data).singleElement()
                    .isEqualTo(Map.of("kilo_user_id", "u-2"));
        });
    }

    @Test
    void endpoint_reportsTheEnrichCounters() {
        runner.withBean("beanMemberships", EventEnricher.class, () -> failing).run(context -> {
            EnrichedService.emit("u-3");
            assertThat(Auditweave.flush(FLUSH)).isTrue();

            AuditweaveEndpoint.Report report = context.getBean(AuditweaveEndpoint.class).report();

            assertThat(report.metrics().enrichFailed()).isEqualTo(1);
            assertThat(report.metrics().enrichTimedOut()).isZero();
            assertThat(report.metrics().delivered()).isEqualTo(1);
        });
    }

    @Test
    void aSinkProviderBean_makesTheSinkThatTheConfigurationNamesByItsType() {
        List<SinkEvent> received = new CopyOnWriteArrayList<>();
        List<String> prefixes = new CopyOnWriteArrayList<>();
        SinkProvider provider = new SinkProvider() {
            @Override
            public String type() {
                return "bean-recorder";
            }

            @Override
            public Sink create(SinkContext context) {
                prefixes.add(context.requireString("prefix"));
                return batch -> {
                    received.addAll(batch);
                    return SendResult.delivered();
                };
            }
        };
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AuditweaveAutoConfiguration.class))
                .withPropertyValues("auditweave.sinks=audit", "auditweave.sink.audit.type=bean-recorder",
                        "auditweave.sink.audit.prefix=from-spring", "auditweave.sink.audit.batch.max-delay-ms=0")
                .withBean(EnrichedService.class)
                .withBean("recorder", SinkProvider.class, () -> provider)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    EnrichedService.emit("u-4");
                    assertThat(Auditweave.flush(FLUSH)).isTrue();

                    assertThat(prefixes).containsExactly("from-spring");
                    assertThat(received).singleElement().satisfies(event ->
                            assertThat(event.data()).containsEntry("kilo_user_id", "u-4"));
                    assertThat(Auditweave.metrics("audit").delivered()).isEqualTo(1);
                });
    }

    @Test
    void aSinkTypeNoBeanOrProviderHas_failsTheStartNamingTheKeyAndTheKnownTypes() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AuditweaveAutoConfiguration.class))
                .withPropertyValues("auditweave.sinks=audit", "auditweave.sink.audit.type=nowhere")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("auditweave.sink.audit.type = 'nowhere'")
                        .hasMessageContaining("the known types are http, jdbc, log, memory"));
    }
}
