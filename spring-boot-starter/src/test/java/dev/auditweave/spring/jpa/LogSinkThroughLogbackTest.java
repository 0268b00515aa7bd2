package dev.auditweave.spring.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.Auditweave;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;

/** In woven mode auditweave logs through the application's SLF4J: the log sink's lines come out of Boot's Logback. */
@SpringBootTest(properties = {"auditweave.sink=log", "auditweave.batch.max-delay-ms=0",
        "spring.jpa.hibernate.ddl-auto=create-drop"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class LogSinkThroughLogbackTest {

    @Autowired
    private AccountRepository accounts;

    @Test
    void logSink_writesThroughLogback(CapturedOutput output) {
        accounts.save(new Account(11L));
        accounts.block(11L);
        assertThat(Auditweave.flush(Duration.ofSeconds(10))).isTrue();

        assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
                .isEqualTo("ch.qos.logback.classic.LoggerContext");
        // Boot's console pattern: level, pid, "---", [thread], logger, then the event.
        assertThat(output.getOut()).containsPattern(
                "INFO \\d+ --- \\[[^\\]]*dispatch[^\\]]*] dev\\.auditweave\\.events\\s+: .*\"type\":\"account\\.blocked\"");
    }
}
