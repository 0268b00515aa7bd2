package dev.auditweave.agent.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.bootstrap.LogTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** auditweave's loggers follow a {@link LogTarget} once one is set: how the agent's lines reach the application. */
class LoggersRedirectTest {

    private final List<String> lines = new ArrayList<>();
    private final LogTarget target = new LogTarget() {
        @Override
        public boolean isEnabled(String logger, int level) {
            return level >= 20;
        }

        @Override
        public void log(String logger, int level, String message, Throwable error) {
            lines.add(logger + " " + level + " " + message + (error == null ? "" : " " + error.getMessage()));
        }
    };

    @AfterEach
    void restore() {
        Loggers.redirectTo(null);
    }

    @Test
    void redirectTo_sendsFormattedLinesToTheTargetByLoggerAndLevel() {
        Logger logger = Loggers.get("dev.auditweave.test.redirect");
        Loggers.redirectTo(target);

        logger.warn("auditweave: event {} of {} not emitted", "user.blocked", "blockUser");
        logger.error("auditweave: could not start", new IllegalStateException("boom"));

        assertThat(lines).containsExactly(
                "dev.auditweave.test.redirect 30 auditweave: event user.blocked of blockUser not emitted",
                "dev.auditweave.test.redirect 40 auditweave: could not start boom");
    }

    @Test
    void redirectTo_levelsAreTheTargets() {
        Logger logger = Loggers.get("dev.auditweave.test.redirect");
        Loggers.redirectTo(target);

        logger.debug("auditweave: not shown");

        assertThat(logger.isDebugEnabled()).isFalse();
        assertThat(logger.isInfoEnabled()).isTrue();
        assertThat(lines).isEmpty();
    }

    @Test
    void redirectTo_null_sendsTheLinesBackToTheirOwnLogger() {
        Logger logger = Loggers.get("dev.auditweave.test.redirect");
        Loggers.redirectTo(target);
        Loggers.redirectTo(null);

        logger.warn("auditweave: back on its own logger");

        assertThat(lines).isEmpty();
    }
}
