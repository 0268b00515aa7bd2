package dev.auditweave.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.annotations.EmitsAbuseEvent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.data.repository.Repository;

/** Which proxies get the interceptor: repository proxies with annotated methods, and only without the agent. */
class RepositoryEmitPostProcessorTest {

    interface Annotated extends Repository<Object, Long> {
        @EmitsAbuseEvent(type = "thing.done")
        int done(long id);
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
