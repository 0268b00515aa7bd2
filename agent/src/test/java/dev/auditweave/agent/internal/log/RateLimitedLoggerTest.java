package dev.auditweave.agent.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class RateLimitedLoggerTest {

    private final List<Object[]> warnings = new ArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (method.getName().equals("isWarnEnabled")) {
                    return true;
                }
                if (method.getName().equals("warn")) {
                    warnings.add(args);
                }
                return null;
            });

    @Test
    void logsTheFirstWarningOfAKeyAndSuppressesRepeatsWithinTheInterval() {
        RateLimitedLogger limited = new RateLimitedLogger(logger, 3600);

        for (int i = 0; i < 100; i++) {
            limited.warn("same-cause", "failed {}", i);
        }
        limited.warn("other-cause", "failed {}", "x");

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)[0]).isEqualTo("failed {}");
        assertThat(warnings.get(1)[0]).isEqualTo("failed {}");
    }

    @Test
    void theNextWarningAfterTheIntervalSaysHowManyWereSuppressed() {
        AtomicLong now = new AtomicLong();
        RateLimitedLogger limited = new RateLimitedLogger(logger, 60, now::get);

        limited.warn("k", "failed {}", 1);
        limited.warn("k", "failed {}", 2);
        limited.warn("k", "failed {}", 3);
        now.addAndGet(TimeUnit.SECONDS.toNanos(61));
        limited.warn("k", "failed {}", 4);

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(1)[0]).isEqualTo("[{} similar warnings suppressed] failed {}");
        assertThat((Object[]) warnings.get(1)[1]).containsExactly(2L, 4);
    }
}
