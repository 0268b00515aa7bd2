package dev.auditweave.agent.internal.log;

import org.slf4j.event.Level;

/** An SLF4J {@code Logger} that writes to the JDK's {@link System.Logger} of the same name: see {@link Loggers}. */
final class SystemLoggerAdapter extends LineLogger {

    private static final long serialVersionUID = 1L;

    private final transient System.Logger logger;

    SystemLoggerAdapter(String name) {
        super(name);
        this.logger = System.getLogger(name);
    }

    @Override
    boolean enabled(Level level) {
        return logger.isLoggable(level(level));
    }

    @Override
    void write(Level level, String message, Throwable error) {
        logger.log(level(level), message, error);
    }

    private static System.Logger.Level level(Level level) {
        return switch (level) {
            case TRACE -> System.Logger.Level.TRACE;
            case DEBUG -> System.Logger.Level.DEBUG;
            case INFO -> System.Logger.Level.INFO;
            case WARN -> System.Logger.Level.WARNING;
            case ERROR -> System.Logger.Level.ERROR;
        };
    }
}
