package dev.auditweave.agent.internal.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.annotations.Outcome;
import dev.auditweave.annotations.Phase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar auditweave-agent.jar scan}: emit sites read from class files, never loaded. */
class ScanCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aClassesDirectory_listsEverySiteAsATable() throws IOException {
        Path classes = classesDir(Moderation.class, Moderation.Reason.class);

        int status = scan("scan", classes.toString());

        assertThat(status).as(err()).isZero();
        List<String> lines = out().lines().toList();
        assertThat(lines.get(0)).startsWith("class").contains("method", "type", "guard", "phase", "on", "fields");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(Moderation.class.getName(),
                "blockUser(String, Reason)", "user.blocked", "RETURNED_ROWS > 0", "AFTER_COMMIT", "RETURNED",
                "kilo_user_id=userId, reason=reason"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("blockUser(String, Reason)",
                "user.block_failed", "THROWN", "IMMEDIATE"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("purge(String[])", "user.purged"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("3 emit sites in " + classes);
    }

    @Test
    void json_carriesEveryAttribute() throws IOException {
        Path classes = classesDir(Moderation.class);

        assertThat(scan("scan", "--json", classes.toString())).as(err()).isZero();

        JsonNode sites = new ObjectMapper().readTree(out());
        assertThat(sites).hasSize(3);
        JsonNode blocked = sites.get(0);
        assertThat(blocked.get("class").asText()).isEqualTo(Moderation.class.getName());
        assertThat(blocked.get("method").asText()).isEqualTo("blockUser(String, Reason)");
        assertThat(blocked.get("type").asText()).isEqualTo("user.blocked");
        assertThat(blocked.get("when").asText()).isEqualTo("RETURNED_ROWS > 0");
        assertThat(blocked.get("data").toString()).isEqualTo("{\"kilo_user_id\":\"userId\",\"reason\":\"reason\"}");
        assertThat(blocked.get("phase").asText()).isEqualTo("AFTER_COMMIT");
        assertThat(blocked.get("on").asText()).isEqualTo("RETURNED");
        assertThat(blocked.get("enrich").toString()).isEqualTo("[\"auth-context\"]");
        assertThat(blocked.get("idempotencyKey").asText()).isEqualTo("userId");
        assertThat(sites.get(1).get("on").asText()).isEqualTo("THROWN");
        assertThat(sites.get(1).get("phase").asText()).isEqualTo("IMMEDIATE");
    }

    @Test
    void aJar_andAFatJarsNestedClassesAndLibraries() throws IOException {
        Path library = dir.resolve("library.jar");
        jar(library, "", Moderation.class);
        Path fat = dir.resolve("app.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(fat))) {
            put(jar, "BOOT-INF/classes/" + entry(Unrelated.class), bytes(Unrelated.class));
            put(jar, "BOOT-INF/lib/library.jar", Files.readAllBytes(library));
        }

        assertThat(scan("scan", fat.toString())).as(err()).isZero();

        assertThat(out()).contains(Moderation.class.getName()).doesNotContain(Unrelated.class.getName())
                .endsWith("3 emit sites in " + fat + System.lineSeparator());
    }

    @Test
    void aMissingLocation_isNamed_andTheOthersAreStillListed() throws IOException {
        Path classes = classesDir(Moderation.class);
        Path missing = dir.resolve("no-such-dir");

        int status = scan("scan", missing.toString(), classes.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err()).contains("cannot read " + missing).contains("no such directory or jar");
        assertThat(out()).contains("3 emit sites");
    }

    @Test
    void aFileThatIsNoJar_isNamed() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a jar");

        assertThat(scan("scan", text.toString())).isEqualTo(1);
        assertThat(err()).contains("cannot read " + text).contains("not a jar");
    }

    @Test
    void usageErrors_printTheUsage() {
        assertThat(scan()).isEqualTo(2);
        assertThat(scan("list")).isEqualTo(2);
        assertThat(scan("scan")).isEqualTo(2);
        assertThat(scan("scan", "--yaml", "x")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'list'").contains("no classes directory or jar given")
                .contains("unknown option '--yaml'").contains(ScanCommand.USAGE);
        assertThat(out()).isEmpty();
    }

    // ---- with configuration: declared sites, and sites switched off with why ----

    @Test
    void config_listsSwitchedOffSitesWithWhy_andDeclaredSites() throws IOException {
        Path classes = classesDir(Moderation.class);
        Path config = Files.writeString(dir.resolve("application.properties"), String.join("\n",
                "spring.application.name=moderation",
                "auditweave.disable.types=user.blocked",
                "auditweave.disable.methods=" + Moderation.class.getName() + "#purge(java.lang.String[])",
                "auditweave.emit.parse.method=com.fasterxml.jackson.databind.ObjectMapper#readTree(java.lang.String)",
                "auditweave.emit.parse.type=json.parsed",
                "auditweave.emit.parse.data.content=args[0]"));

        int status = scan("scan", "--config", config.toString(), classes.toString());

        assertThat(status).as(err()).isZero();
        List<String> lines = out().lines().toList();
        assertThat(lines.get(0)).endsWith("status");
        String origin = "(file " + config.toAbsolutePath() + ")";
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("blockUser(String, Reason)", "user.blocked",
                "annotation; switched off by auditweave.disable.types = 'user.blocked' " + origin));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("user.block_failed").endsWith("annotation"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("purge(String[])",
                "annotation; switched off by auditweave.disable.methods entry '" + Moderation.class.getName()
                        + "#purge(java.lang.String[])' " + origin));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("com.fasterxml.jackson.databind.ObjectMapper",
                "readTree(String)", "json.parsed", "AFTER_COMMIT", "RETURNED", "content=args[0]")
                .endsWith("declared by auditweave.emit.parse.method"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("4 emit sites in " + classes + ", 2 switched off");
    }

    @Test
    void config_json_carriesDeclaredBySwitchedOffAndReason() throws IOException {
        Path classes = classesDir(Moderation.class);
        Path config = Files.writeString(dir.resolve("auditweave.properties"), String.join("\n",
                "auditweave.emit.parse.method=com.acme.Json#read",
                "auditweave.emit.parse.type=json.parsed",
                "auditweave.disable.types=json.*"));

        assertThat(scan("scan", "--json", "--config", config.toString(), classes.toString())).as(err()).isZero();

        JsonNode sites = new ObjectMapper().readTree(out());
        assertThat(sites).hasSize(4);
        assertThat(sites.get(0).get("declaredBy").asText()).isEmpty();
        assertThat(sites.get(0).get("switchedOff").asBoolean()).isFalse();
        assertThat(sites.get(0).get("reason").asText()).isEmpty();
        JsonNode declared = sites.get(3);
        assertThat(declared.get("class").asText()).isEqualTo("com.acme.Json");
        assertThat(declared.get("method").asText()).isEqualTo("read(..)");
        assertThat(declared.get("declaredBy").asText()).isEqualTo("auditweave.emit.parse.method");
        assertThat(declared.get("switchedOff").asBoolean()).isTrue();
        assertThat(declared.get("reason").asText()).isEqualTo("switched off by auditweave.disable.types = 'json.*'"
                + " (file " + config.toAbsolutePath() + ")");
    }

    @Test
    void theEnvironment_switchesSitesOffWithoutAConfigFile() throws IOException {
        Path classes = classesDir(Moderation.class);

        int status = ScanCommand.run(new String[] {"scan", classes.toString()},
                Map.of("AUDITWEAVE_DISABLE_TYPES", "user.*"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err()).isZero();
        assertThat(out()).contains("switched off by auditweave.disable.types = 'user.*' (environment variable"
                + " AUDITWEAVE_DISABLE_TYPES)").endsWith("3 emit sites in " + classes + ", 3 switched off"
                + System.lineSeparator());
    }

    @Test
    void config_anInvalidValueIsAUsageErrorNamingTheKey() throws IOException {
        Path classes = classesDir(Moderation.class);
        Path config = Files.writeString(dir.resolve("bad.properties"), "auditweave.disable.methods=Moderation.purge\n");

        assertThat(scan("scan", "--config", config.toString(), classes.toString())).isEqualTo(2);
        assertThat(err()).contains("auditweave scan: invalid configuration: auditweave.disable.methods ="
                + " 'Moderation.purge' (file " + config.toAbsolutePath() + "): ")
                .contains("no '#' between the type and the method");
        assertThat(out()).isEmpty();
    }

    @Test
    void config_aMissingFileOrNoPathIsAUsageError() throws IOException {
        Path classes = classesDir(Moderation.class);
        Path missing = dir.resolve("missing.properties");

        assertThat(scan("scan", "--config", missing.toString(), classes.toString())).isEqualTo(2);
        assertThat(scan("scan", classes.toString(), "--config")).isEqualTo(2);
        assertThat(err()).contains("invalid configuration").contains(missing.toString() + " does not exist")
                .contains("--config needs the path of a properties file");
    }

    private int scan(String... args) {
        return ScanCommand.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path classesDir(Class<?>... types) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        for (Class<?> type : types) {
            Path file = classes.resolve(entry(type));
            Files.createDirectories(file.getParent());
            Files.write(file, bytes(type));
        }
        return classes;
    }

    private static void jar(Path file, String prefix, Class<?>... types) throws IOException {
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file))) {
            for (Class<?> type : types) {
                put(jar, prefix + entry(type), bytes(type));
            }
        }
    }

    private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(bytes);
        jar.closeEntry();
    }

    private static String entry(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(entry(type))) {
            return in.readAllBytes();
        }
    }

    @SuppressWarnings("unused")
    static class Moderation {
        enum Reason { SPAM, FRAUD }

        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0", enrich = "auth-context",
                idempotencyKey = "userId", data = {@Field(name = "kilo_user_id", value = "userId"),
                        @Field(name = "reason", value = "reason")})
        @EmitsAbuseEvent(type = "user.block_failed", on = Outcome.THROWN, phase = Phase.IMMEDIATE)
        int blockUser(String userId, Reason reason) {
            return 1;
        }

        @EmitsAbuseEvent(type = "user.purged")
        void purge(String[] userIds) {
        }
    }

    static class Unrelated {
        OutputStream nothing() {
            return OutputStream.nullOutputStream();
        }
    }
}
