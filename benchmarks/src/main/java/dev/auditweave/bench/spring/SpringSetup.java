package dev.auditweave.bench.spring;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.EnableAspectJAutoProxy;

/** A Spring context with the proxied {@link SpringUserService}; events go to a bounded queue a daemon drains. */
public final class SpringSetup implements AutoCloseable {

    private final AnnotationConfigApplicationContext context;
    private final Thread drainer;

    public SpringSetup() {
        context = new AnnotationConfigApplicationContext(Config.class);
        BlockingQueue<Map<String, Object>> queue = context.getBean(Config.class).queue;
        drainer = new Thread(() -> {
            try {
                while (true) {
                    queue.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "spring-publisher-drain");
        drainer.setDaemon(true);
        drainer.start();
    }

    public SpringUserService service() {
        return context.getBean(SpringUserService.class);
    }

    @Override
    public void close() {
        drainer.interrupt();
        context.close();
    }

    @Configuration
    @EnableAspectJAutoProxy(proxyTargetClass = true)
    static class Config {
        final BlockingQueue<Map<String, Object>> queue = new ArrayBlockingQueue<>(10_000);

        @Bean
        SpringUserService springUserService() {
            return new SpringUserService();
        }

        @Bean
        SpelEmitAspect spelEmitAspect() {
            Consumer<Map<String, Object>> publisher = queue::offer;
            return new SpelEmitAspect(publisher);
        }
    }
}
