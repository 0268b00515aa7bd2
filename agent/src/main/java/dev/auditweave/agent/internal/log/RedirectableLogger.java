package dev.auditweave.agent.internal.log;

import dev.auditweave.bootstrap.LogTarget;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * A logger that writes to its own SLF4J logger until a {@link LogTarget} is set ({@link Loggers#redirectTo}), and
 * then to that target: how the agent's lines reach the application's logging once the application has it.
 */
final class RedirectableLogger extends LineLogger {

    private static final long serialVersionUID = 1L;

    private final transient Logger own;

    RedirectableLogger(String name, Logger own) {
        super(name);
        this.own = own;
    }

    @Override
    boolean enabled(Level level) {
        LogTarget target = Loggers.target();
        return target != null ? target.isEnabled(name, level.toInt()) : own.isEnabledForLevel(level);
    }

    @Override
    void write(Level level, String message, Throwable error) {
        LogTarget target = Loggers.target();
        if (target != null) {
            target.log(name, level.toInt(), message, error);
        } else if (error == null) {
            own.atLevel(level).log(message);
        } else {
            own.atLevel(level).setCause(error).log(message);
        }
    }
}
