package dev.auditweave.spring;

import dev.auditweave.bootstrap.LogTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The application's own SLF4J (Spring Boot's Logback, or Log4j2) as the agent's {@link LogTarget}: with the
 * {@code -javaagent} attached, auditweave's lines and the {@code log} sink's events follow the application's logging
 * configuration (pattern, levels, appenders) while the context runs.
 */
final class Slf4jLogTarget implements LogTarget {

    @Override
    public boolean isEnabled(String logger, int level) {
        return LoggerFactory.getLogger(logger).isEnabledForLevel(Level.intToLevel(level));
    }

    @Override
    public void log(String logger, int level, String message, Throwable error) {
        Logger target = LoggerFactory.getLogger(logger);
        if (error == null) {
            target.atLevel(Level.intToLevel(level)).log(message);
        } else {
            target.atLevel(Level.intToLevel(level)).setCause(error).log(message);
        }
    }
}
