package dev.auditweave.agent.internal.log;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs a warning at most once per interval and per key, and says how many were suppressed in between,
 * because a failure that repeats on every call must not flood the application's log.
 *
 * <pre>{@code
 * private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(X.class), 60);
 * WARN.warn("capture:" + plan, "could not evaluate {}", expression, exception);
 * }</pre>
 */
public final class RateLimitedLogger {

    private final Logger logger;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimitedLogger(Logger logger, long intervalSeconds) {
        this(logger, intervalSeconds, System::nanoTime);
    }

    RateLimitedLogger(Logger logger, long intervalSeconds, LongSupplier nanoClock) {
        this.logger = logger;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(intervalSeconds);
        this.nanoClock = nanoClock;
    }

    /** Logs {@code message} at WARN unless one with the same key was logged less than an interval ago. */
    public void warn(String key, String message, Object... arguments) {
        if (!logger.isWarnEnabled()) {
            return;
        }
        long suppressed = windows.computeIfAbsent(key, k -> new Window()).tryOpen(nanoClock.getAsLong(), intervalNanos);
        if (suppressed < 0) {
            return;
        }
        if (suppressed > 0) {
            logger.warn("[{} similar warnings suppressed] " + message, prepend(suppressed, arguments));
        } else {
            logger.warn(message, arguments);
        }
    }

    private static Object[] prepend(long suppressed, Object[] arguments) {
        Object[] all = new Object[arguments.length + 1];
        all[0] = suppressed;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return all;
    }

    /** One key's window: returns -1 when inside the window (and counts it), else the count suppressed. */
    private static final class Window {
        private final AtomicLong openedAt = new AtomicLong(Long.MIN_VALUE);
        private final AtomicLong suppressed = new AtomicLong();

        long tryOpen(long now, long interval) {
            long last = openedAt.get();
            if (last != Long.MIN_VALUE && now - last < interval) {
                suppressed.incrementAndGet();
                return -1;
            }
            if (!openedAt.compareAndSet(last, now)) {
                suppressed.incrementAndGet();
                return -1;
            }
            return suppressed.getAndSet(0);
        }
    }
}
