package dev.auditweave.agent.log;

import dev.auditweave.bootstrap.LogTarget;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * A logger that writes to its own SLF4J logger until a {@link LogTarget} is set ({@link Loggers#redirectTo}), and
 * then to that target: how the agent's lines reach the application's logging once the application has it.
 */
final class RedirectableLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    private final transient Logger own;

    RedirectableLogger(String name, Logger own) {
        this.name = name;
        this.own = own;
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    private boolean enabled(Level level) {
        LogTarget target = Loggers.target();
        return target != null ? target.isEnabled(name, level.toInt()) : own.isEnabledForLevel(level);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
                                               Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
        LogTarget target = Loggers.target();
        if (target != null) {
            target.log(name, level.toInt(), message, throwable);
        } else if (throwable == null) {
            own.atLevel(level).log(message);
        } else {
            own.atLevel(level).setCause(throwable).log(message);
        }
    }
}
