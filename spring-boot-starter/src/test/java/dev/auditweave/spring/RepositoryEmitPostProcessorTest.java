package dev.auditweave.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.EmittedEvent;
import dev.auditweave.agent.EventTap;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.annotations.Outcome;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.data.repository.Repository;
import reactor.core.publisher.Mono;

/**
 * Which proxies get the interceptor (repository proxies with annotated methods, and only without the agent), and what
 * it captures: returns, throws, and Reactor results.
 */
class RepositoryEmitPostProcessorTest {

    interface Annotated extends Repository<Object, Long> {
        @EmitsAbuseEvent(type = "thing.done")
        int done(long id);
    }

    interface Throwing extends Repository<Object, Long> {
        @EmitsAbuseEvent(type = "thing.failed", on = Outcome.THROWN,
                data = @Field(name = "reason", value = "THROWN.message"))
        int done(long id);
    }

    interface Reactive extends Repository<Object, Long> {
        @EmitsAbuseEvent(type = "thing.done", when = "RETURNED_ROWS > 0", data = @Field(name = "rows", value = "result"))
        Mono<Integer> done(long id);
    }

    interface Plain extends Repository<Object, Long> {
        int done(long id);
    }

    interface NotARepository {
        @EmitsAbuseEvent(type = "thing.done")
        int done(long id);
    }

    @Test
    void annotatedRepositoryProxy_getsTheInterceptor() {
        assertThat(interceptors(new RepositoryEmitPostProcessor(() -> false), Annotated.class)).isEqualTo(1);
    }

    @Test
    void withTheAgentAttached_nothingIsAdded_soEachCallEmitsOnce() {
        assertThat(interceptors(new RepositoryEmitPostProcessor(() -> true), Annotated.class)).isZero();
    }

    @Test
    void repositoryWithoutAnnotations_isLeftAlone() {
        assertThat(interceptors(new RepositoryEmitPostProcessor(() -> false), Plain.class)).isZero();
    }

    @Test
    void proxyOfANonRepositoryInterface_isLeftAlone() {
        assertThat(interceptors(new RepositoryEmitPostProcessor(() -> false), NotARepository.class)).isZero();
    }

    @Test
    void aThrowFiresTheThrownAnnotations_andTheSameExceptionReachesTheCaller() {
        IllegalStateException failure = new IllegalStateException("row locked");
        Throwing repository = proxy(Throwing.class, (Throwing) id -> {
            throw failure;
        });

        List<EmittedEvent> events = recording(() -> assertThatThrownBy(() -> repository.done(1L)).isSameAs(failure));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("thing.failed");
            assertThat(event.data()).containsEntry("reason", "row locked");
        });
    }

    @Test
    void aReturnedMonoIsWatched_soTheEventComesWhenItIsSubscribed() {
        Reactive repository = proxy(Reactive.class, (Reactive) id -> Mono.just(1));

        List<EmittedEvent> events = recording(() -> {
            Mono<Integer> rows = repository.done(1L);
            assertThat(Auditweave.metrics().captured()).as("not run yet").isZero();
            assertThat(rows.block()).isEqualTo(1);
        });

        assertThat(events).singleElement().satisfies(event -> assertThat(event.data()).containsEntry("rows", 1));
    }

    private static List<EmittedEvent> recording(Runnable calls) {
        AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.sink", "memory")));
        List<EmittedEvent> events = new CopyOnWriteArrayList<>();
        EventTap tap = events::add;
        Auditweave.addTap(tap);
        try {
            calls.run();
        } finally {
            Auditweave.removeTap(tap);
            AuditweaveRuntime.replace(Settings.defaults());
        }
        return events;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target) {
        ProxyFactory factory = new ProxyFactory();
        factory.addInterface(type);
        factory.setTarget(target);
        return (T) new RepositoryEmitPostProcessor(() -> false).postProcessAfterInitialization(
                factory.getProxy(RepositoryEmitPostProcessorTest.class.getClassLoader()), "thing");
    }

    private static long interceptors(RepositoryEmitPostProcessor processor, Class<?> type) {
        ProxyFactory factory = new ProxyFactory();
        factory.addInterface(type);
        factory.setTarget(new Object());
        Object proxy = factory.getProxy(RepositoryEmitPostProcessorTest.class.getClassLoader());
        Object processed = processor.postProcessAfterInitialization(proxy, "thing");
        return Arrays.stream(((Advised) processed).getAdvisors())
                .filter(advisor -> advisor.getAdvice() instanceof RepositoryEmitPostProcessor.EmitInterceptor).count();
    }
}
