package dev.auditweave.agent.log;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * auditweave's loggers: the application's SLF4J when it has a provider (Logback, Log4j2, slf4j-simple, ...), else
 * the JDK's {@link System.Logger} ({@link SystemLoggerAdapter}), so that neither auditweave's warnings nor the
 * {@code log} sink's events vanish into SLF4J's no-op logger; that fallback is announced once.
 *
 * <pre>{@code
 * private static final Logger LOG = Loggers.get(Dispatcher.class);
 * }</pre>
 */
public final class Loggers {

    private static final AtomicBoolean FALLBACK_ANNOUNCED = new AtomicBoolean();

    private Loggers() {
    }

    /** The logger named after {@code type}. */
    public static Logger get(Class<?> type) {
        return get(type.getName());
    }

    /** The logger of that name. */
    public static Logger get(String name) {
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
