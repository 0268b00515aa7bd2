package dev.auditweave.agent.internal.log;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J {@code Logger} reduced to two questions, asked by level: is a line enabled, and write this formatted
 * line. What auditweave's own loggers ({@link SystemLoggerAdapter}, {@link RedirectableLogger}) have in common.
 */
abstract class LineLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    LineLogger(String name) {
        this.name = name;
    }

    /** Whether a line at {@code level} would be written. */
    abstract boolean enabled(Level level);

    /** Writes one formatted line; {@code error} may be {@code null}. */
    abstract void write(Level level, String message, Throwable error);

    @Override
    public final boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public final boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public final boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public final boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public final boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected final String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected final void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern,
                                                     Object[] arguments, Throwable throwable) {
        write(level, MessageFormatter.basicArrayFormat(messagePattern, arguments), throwable);
    }
}
