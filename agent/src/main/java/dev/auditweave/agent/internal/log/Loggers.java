package dev.auditweave.agent.internal.log;

import dev.auditweave.bootstrap.LogTarget;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * auditweave's loggers: the application's SLF4J when it has a provider (Logback, Log4j2, slf4j-simple, ...), else
 * the JDK's {@link System.Logger} ({@link SystemLoggerAdapter}), so that neither auditweave's warnings nor the
 * {@code log} sink's events vanish into SLF4J's no-op logger; that fallback is announced once. Every logger can be
 * redirected to a {@link LogTarget} ({@link #redirectTo}): the agent's, whose own SLF4J is a relocated copy
 * writing to stderr, follow the application's logging once the Spring Boot starter hands it over.
 *
 * <pre>{@code
 * private static final Logger LOG = Loggers.get(Dispatcher.class);
 * }</pre>
 */
public final class Loggers {

    private static final AtomicBoolean FALLBACK_ANNOUNCED = new AtomicBoolean();
    private static volatile LogTarget target;

    private Loggers() {
    }

    /** The logger named after {@code type}. */
    public static Logger get(Class<?> type) {
        return get(type.getName());
    }

    /** The logger of that name. */
    public static Logger get(String name) {
        return new RedirectableLogger(name, own(name));
    }

    /**
     * Sends every auditweave logger's lines to {@code logTarget} from now on; {@code null} returns them to their
     * own SLF4J (as when the application's logging shuts down).
     */
    public static void redirectTo(LogTarget logTarget) {
        target = logTarget;
    }

    static LogTarget target() {
        return target;
    }

    private static Logger own(String name) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof NOPLoggerFactory)) {
            return factory.getLogger(name);
        }
        if (FALLBACK_ANNOUNCED.compareAndSet(false, true)) {
            System.getLogger(Loggers.class.getName()).log(System.Logger.Level.INFO,
                    "auditweave: SLF4J has no provider in this application; auditweave logs through"
                            + " java.lang.System.Logger (java.util.logging) instead");
        }
        return new SystemLoggerAdapter(name);
    }
}
