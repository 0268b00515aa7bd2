package dev.auditweave.agent.internal.weave.aspectj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.annotations.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the advices of a per-site aspect delegate to, called as they call it: the site finds its method by name and
 * descriptor at the first active call, the rows floor rules out a guard-false call, and a site that cannot find its
 * method fires nothing and throws nothing. (The aspects themselves, woven by ajc, are checked in
 * {@code benchmarks/per-site-targets}.)
 */
class WovenSiteTest {

    private static final String FIXTURES = Fixtures.class.getName();

    private final MemorySink sink = new MemorySink();

    @Test
    void aGuardFalseCallFiresNothing_andAGuardTrueOneEmitsWithItsArguments() {
        AuditweaveRuntime runtime = active();
        WovenSite site = new WovenSite(WovenSiteTest.class, FIXTURES, "blockUser", "(Ljava/lang/String;)I");

        assertThat(site.select(0, "u-1", null, null, null, null, null)).isZero();
        long selected = site.select(1, "u-2", null, null, null, null, null);
        assertThat(selected).isNotZero();
        site.afterReturn(new Object[] {"u-2"}, 1, selected);

        assertThat(runtime.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(sink.events()).extracting(event -> event.type() + ":" + event.data().get("kilo_user_id"))
                .containsExactly("user.blocked:u-2");
    }

    @Test
    void aThrowFiresTheThrownAnnotation() {
        AuditweaveRuntime runtime = active();
        WovenSite site = new WovenSite(WovenSiteTest.class, FIXTURES, "fail", "(Ljava/lang/String;)V");
        IllegalStateException thrown = new IllegalStateException("locked");

        long selected = site.selectThrown(thrown);
        assertThat(selected).isNotZero();
        site.afterThrow(new Object[] {"u-3"}, thrown, selected);

        assertThat(runtime.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(sink.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("user.locked");
            assertThat(event.data()).containsEntry("why", "locked");
        });
    }

    @Test
    void anIdleRuntimeFiresNothing() {
        AuditweaveRuntime runtime = AuditweaveRuntime.replace(
                Settings.defaults().with(Map.of("auditweave.enabled", "false")), List.of(sink));
        WovenSite site = new WovenSite(WovenSiteTest.class, FIXTURES, "blockUser", "(Ljava/lang/String;)I");

        assertThat(site.select(1, "u-1", null, null, null, null, null)).isZero();
        assertThat(runtime.metrics().captured()).isZero();
    }

    @Test
    void aSiteWhoseMethodIsGone_firesNothingAndNeverThrows() {
        AuditweaveRuntime runtime = active();
        WovenSite site = new WovenSite(WovenSiteTest.class, FIXTURES, "blockUser", "(Ljava/lang/String;J)I");

        assertThat(site.select(1, "u-1", null, null, null, null, null)).isZero();
        site.afterReturn(new Object[] {"u-1", 2L}, 1, 1L);
        assertThat(site.selectThrown(new IllegalStateException())).isZero();

        assertThat(runtime.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(sink.events()).isEmpty();
    }

    @Test
    void aSiteNeedsItsClassMethodAndDescriptor() {
        assertThatThrownBy(() -> new WovenSite(WovenSiteTest.class, FIXTURES, " ", "()V"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a woven site needs its name, got  ");
        assertThatThrownBy(() -> new WovenSite(WovenSiteTest.class, null, "m", "()V"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a woven site needs its typeName, got null");
    }

    @Test
    void aClassTheLibraryDidNotWeave_isNotTakenForOne() {
        assertThat(LibraryWoven.wove(WovenSiteTest.class.getClassLoader(), FIXTURES)).isFalse();
        assertThat(LibraryWoven.wove(WovenSiteTest.class.getClassLoader(), "com.acme.Missing")).isFalse();
    }

    private AuditweaveRuntime active() {
        return AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.batch.max-delay-ms", "0")),
                List.of(sink));
    }

    static class Fixtures {
        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0",
                data = @Field(name = "kilo_user_id", value = "userId"))
        public int blockUser(String userId) {
            return 1;
        }

        @EmitsAbuseEvent(type = "user.locked", on = Outcome.THROWN, data = @Field(name = "why", value = "THROWN.message"))
        public void fail(String userId) {
        }
    }
}
