package dev.auditweave.agent.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.runtime.LocalRuntime;
import dev.auditweave.annotations.EmitsAbuseEvent;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sites auditweave-processor listed at build time: compiled at start-up, cross-checked against the classes. */
class BuildCheckedSitesTest {

    @TempDir
    Path dir;

    @Test
    void listedSitesArePrepared_andMarkedCheckedAtBuild() throws Exception {
        List<Method> prepared = new ArrayList<>();
        int count = BuildCheckedSites.prepare(loader(site(Fixtures.class, "block", "(Ljava/lang/String;)I",
                "user.blocked", "RETURNED_ROWS > 0")), method -> {
                    prepared.add(method);
                    LocalRuntime.control().prepare(method);
                });

        Method block = Fixtures.class.getDeclaredMethod("block", String.class);
        assertThat(count).isEqualTo(1);
        assertThat(prepared).containsExactly(block);
        assertThat(BuildCheckedSites.listed(block, "user.blocked")).isTrue();
        assertThat(LocalRuntime.control().emitSites()).filteredOn(site -> site.className()
                .equals(Fixtures.class.getName()) && site.method().equals("block(String)")).singleElement()
                .satisfies(site -> {
                    assertThat(site.type()).isEqualTo("user.blocked");
                    assertThat(site.checkedAtBuild()).isTrue();
                });
    }

    @Test
    void aSiteWhoseAnnotationChangedSinceTheBuild_isNotMarked() throws Exception {
        BuildCheckedSites.prepare(loader(site(Fixtures.class, "unblock", "(Ljava/lang/String;)I", "user.unblocked",
                "RETURNED_ROWS > 1")), LocalRuntime.control()::prepare);

        assertThat(BuildCheckedSites.listed(Fixtures.class.getDeclaredMethod("unblock", String.class),
                "user.unblocked")).as("the class's guard is RETURNED_ROWS > 0").isFalse();
    }

    @Test
    void aGoneClassOrMethod_preparesNothing_andNeverThrows() throws IOException {
        List<Method> prepared = new ArrayList<>();
        int count = BuildCheckedSites.prepare(loader(
                site("com.acme.Gone", "block", "(Ljava/lang/String;)I", "user.blocked", "")
                + "," + site(Fixtures.class, "block", "(J)I", "user.blocked", "")), prepared::add);

        assertThat(count).isZero();
        assertThat(prepared).isEmpty();
    }

    @Test
    void anUnreadableFile_isSkipped() throws IOException {
        Path file = Files.createDirectories(dir.resolve("META-INF/auditweave")).resolve("emit-sites.json");
        Files.writeString(file, "{\"version\":1,\"sites\":[{\"class\":");

        assertThat(BuildCheckedSites.prepare(new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader()), method -> { })).isZero();
    }

    @Test
    void noFile_noSites() {
        assertThat(BuildCheckedSites.read(new URLClassLoader(new URL[0], null))).isEmpty();
    }

    private ClassLoader loader(String sites) throws IOException {
        Path file = Files.createDirectories(dir.resolve("META-INF/auditweave")).resolve("emit-sites.json");
        Files.writeString(file, "{\"version\":1,\"sites\":[" + sites + "]}");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    private static String site(Class<?> type, String method, String descriptor, String eventType, String guard) {
        return site(type.getName(), method, descriptor, eventType, guard);
    }

    private static String site(String type, String method, String descriptor, String eventType, String guard) {
        return "{\"class\":\"" + type + "\",\"method\":\"" + method + "\",\"descriptor\":\"" + descriptor
                + "\",\"type\":\"" + eventType + "\",\"guard\":\"" + guard + "\",\"fields\":[],\"phase\":"
                + "\"AFTER_COMMIT\",\"on\":\"RETURNED\",\"enrich\":[]}";
    }

    @SuppressWarnings("unused")
    static final class Fixtures {
        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0")
        int block(String userId) {
            return 1;
        }

        @EmitsAbuseEvent(type = "user.unblocked", when = "RETURNED_ROWS > 0")
        int unblock(String userId) {
            return 1;
        }
    }
}
