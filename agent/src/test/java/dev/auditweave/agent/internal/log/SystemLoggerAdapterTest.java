package dev.auditweave.agent.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Without an SLF4J provider auditweave logs through System.Logger, whose default backend is java.util.logging. */
class SystemLoggerAdapterTest {

    private static final String NAME = "dev.auditweave.test.fallback";

    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger julLogger = Logger.getLogger(NAME);

    @BeforeEach
    void capture() {
        julLogger.setLevel(Level.ALL);
        julLogger.addHandler(handler);
    }

    @AfterEach
    void release() {
        julLogger.removeHandler(handler);
    }

    @Test
    void warn_isFormattedLikeSlf4jAndArrivesAsWarning() {
        new SystemLoggerAdapter(NAME).warn("auditweave: event {} of {} not emitted", "user.blocked", "blockUser");

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getMessage()).isEqualTo("auditweave: event user.blocked of blockUser not emitted");
        });
    }

    @Test
    void error_keepsTheThrowable() {
        IllegalStateException failure = new IllegalStateException("boom");

        new SystemLoggerAdapter(NAME).error("auditweave: could not start", failure);

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(record.getThrown()).isSameAs(failure);
        });
    }

    @Test
    void levels_followTheBackendsConfiguration() {
        julLogger.setLevel(Level.WARNING);
        SystemLoggerAdapter logger = new SystemLoggerAdapter(NAME);

        logger.info("auditweave started");
        logger.warn("auditweave warned");

        assertThat(logger.isInfoEnabled()).isFalse();
        assertThat(logger.isWarnEnabled()).isTrue();
        assertThat(records).extracting(LogRecord::getMessage).containsExactly("auditweave warned");
    }
}
