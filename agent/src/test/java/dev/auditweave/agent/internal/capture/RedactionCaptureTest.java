package dev.auditweave.agent.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.plan.PlanCache;
import dev.auditweave.agent.internal.redact.HashKey;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.annotations.Redact;
import dev.auditweave.bootstrap.LogTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Field(redact = ...)} through the real capture: the clear value is replaced on the calling thread, so it
 * reaches no sink, no spool file and no log line.
 */
class RedactionCaptureTest {

    private static final String KEY = "redaction-capture-test-key-0123456789";
    private static final String EMAIL = "ada.lovelace@example.com";
    private static final String PREVIOUS = "countess@lovelace.example";

    @TempDir
    Path spool;

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private AuditweaveRuntime runtime;

    @AfterEach
    void restore() {
        Loggers.redirectTo(null);
        AuditweaveRuntime.replace(Settings.defaults());
    }

    @Test
    void hashMaskAndDrop_reachTheSinkRedacted() {
        start(Map.of("auditweave.sinks", "redacted", "auditweave.sink.redacted.type", "memory"),
                Map.of("AUDITWEAVE_REDACT_KEY", KEY));

        call("changeEmail", "u-1", PREVIOUS, EMAIL);

        Event event = events("redacted").get(0);
        assertThat(event.data()).containsExactly(Map.entry("kilo_user_id", "u-1"),
                Map.entry("email", HashKey.of(KEY).hash(EMAIL)), Map.entry("email_hint", "***@example.com"));
    }

    @Test
    void theClearValueReachesNoSpoolFileAndNoLogLine() throws IOException {
        int closedPort = closedPort();
        start(Map.of("auditweave.sinks", "down,log",
                "auditweave.sink.down.type", "http",
                "auditweave.sink.down.url", "http://127.0.0.1:" + closedPort + "/api/events",
                "auditweave.sink.down.retry.max-attempts", "1",
                "auditweave.sink.log.type", "log",
                "auditweave.spool.dir", spool.toString()), Map.of("AUDITWEAVE_REDACT_KEY", KEY));
        Loggers.redirectTo(new Lines(logLines));

        call("changeEmail", "u-1", PREVIOUS, EMAIL);
        awaitCondition(() -> runtime.metrics("down").spooled() >= 1);
        runtime.flush(Duration.ofSeconds(10));

        String hash = HashKey.of(KEY).hash(EMAIL);
        String spooled = spoolBytes();
        assertThat(spooled).contains(hash).doesNotContain(EMAIL, "ada.lovelace", PREVIOUS, "countess");
        assertThat(logLines).anyMatch(line -> line.contains(hash))
                .noneMatch(line -> line.contains("ada.lovelace") || line.contains("countess"));
    }

    @Test
    void aHashFieldWithoutAKey_disablesItsAnnotationAndTheOthersStillFire() {
        start(Map.of("auditweave.sinks", "keyless", "auditweave.sink.keyless.type", "memory"), Map.of());
        Loggers.redirectTo(new Lines(logLines));

        call("signUp", "u-2", EMAIL);

        assertThat(events("keyless")).extracting(Event::type).containsExactly("user.signed_up_masked");
        assertThat(logLines).anyMatch(line -> line.contains("@EmitsAbuseEvent(type = \"user.signed_up\")")
                && line.contains("data field 'email': redact = HASH needs a key")
                && line.contains("auditweave.redact.key-env"));
        assertThat(String.join("\n", logLines)).doesNotContain(EMAIL);
    }

    private void start(Map<String, String> settings, Map<String, String> environment) {
        runtime = AuditweaveRuntime.replace(Settings.from(null, Map.of(), environment, null)
                .with(Map.of("auditweave.batch.max-delay-ms", "0")).with(settings));
    }

    private static void call(String name, Object... args) {
        Method method = Arrays.stream(Fixtures.class.getDeclaredMethods()).filter(m -> m.getName().equals(name))
                .findFirst().orElseThrow();
        Capture.afterReturn(PlanCache.forMethod(method), args, null);
    }

    private List<Event> events(String sink) {
        assertThat(runtime.flush(Duration.ofSeconds(10))).isTrue();
        return MemorySink.named(sink).events();
    }

    @BeforeEach
    void clearSinks() {
        MemorySink.named("redacted").clear();
        MemorySink.named("keyless").clear();
    }

    private String spoolBytes() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(spool)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(all).as("the spool holds the event").isNotEmpty();
        return all.toString();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitCondition(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private record Lines(List<String> lines) implements LogTarget {
        @Override
        public boolean isEnabled(String logger, int level) {
            return true;
        }

        @Override
        public void log(String logger, int level, String message, Throwable error) {
            lines.add(message + (error == null ? "" : " " + error));
        }
    }

    @SuppressWarnings("unused")
    static final class Fixtures {
        @EmitsAbuseEvent(type = "user.email_changed", phase = dev.auditweave.annotations.Phase.IMMEDIATE, data = {
                @Field(name = "kilo_user_id", value = "userId"),
                @Field(name = "email", value = "email", redact = Redact.HASH),
                @Field(name = "email_hint", value = "email", redact = Redact.MASK),
                @Field(name = "previous_email", value = "previous", redact = Redact.DROP)})
        void changeEmail(String userId, String previous, String email) {
        }

        @EmitsAbuseEvent(type = "user.signed_up", data = @Field(name = "email", value = "email", redact = Redact.HASH))
        @EmitsAbuseEvent(type = "user.signed_up_masked",
                data = @Field(name = "email", value = "email", redact = Redact.MASK))
        void signUp(String userId, String email) {
        }
    }
}
