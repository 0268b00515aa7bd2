package dev.auditweave.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aspectj.tools.ajc.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor inside ajc, the compiler of the README's AspectJ recipe (aspectj-maven-plugin runs the processors it
 * finds on the class path): the same mistakes are build errors there, {@code -parameters} off included.
 */
class AjcProcessorTest {

    private static final String SERVICE = """
            package com.acme;

            import dev.auditweave.annotations.EmitsAbuseEvent;
            import dev.auditweave.annotations.Field;

            public class UserService {
                @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0",
                        data = @Field(name = "kilo_user_id", value = "%s"))
                public int blockUser(String userId) {
                    return 1;
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void goodCodeWithParameters_compilesClean_andListsItsSite() throws IOException {
        Result result = ajc(SERVICE.formatted("userId"), "-parameters");

        assertThat(result.status).as(result.errors.toString()).isZero();
        assertThat(result.errors).isEmpty();
        assertThat(dir.resolve("out/META-INF/auditweave/emit-sites.json")).content().contains("\"user.blocked\"");
    }

    @Test
    void aParameterNameWithoutParameters_isAnAjcError_namingThePluginSetting() throws IOException {
        Result result = ajc(SERVICE.formatted("userId"));

        assertThat(result.status).isNotZero();
        assertThat(result.errors).singleElement().asString().contains("com.acme.UserService.blockUser(String)")
                .contains("parameter names are not available")
                .contains("aspectj-maven-plugin <parameters>true</parameters>").contains("args[0]");
    }

    @Test
    void anUnknownName_isAnAjcError_withTheRuntimesWords() throws IOException {
        Result result = ajc(SERVICE.formatted("usrId"), "-parameters");

        assertThat(result.status).isNotZero();
        assertThat(result.errors).singleElement().asString().contains("data field 'kilo_user_id'")
                .contains("unknown name 'usrId'");
    }

    @Test
    void perSite_writesAnAspectThatAjcWeavesInTheSameCompilation() throws Exception {
        Result result = ajc(SERVICE.formatted("userId"), "-parameters", "-Aauditweave.aspects=per-site");

        assertThat(result.status).as(result.errors.toString()).isZero();
        assertThat(dir.resolve("gen/com/acme/UserService_AuditweaveSites.java")).content()
                .contains("execution(* com.acme.UserService.blockUser(java.lang.String)) && within(com.acme.UserService)"
                        + " && args(a0)")
                .contains("\"com.acme.UserService\", \"blockUser\", \"(Ljava/lang/String;)I\"");
        assertThat(dir.resolve("out/com/acme/UserService_AuditweaveSites.class")).isRegularFile();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("out").toUri().toURL()},
                AjcProcessorTest.class.getClassLoader())) {
            Class<?> woven = Class.forName("com.acme.UserService", false, loader);
            assertThat(Arrays.stream(woven.getDeclaredFields()).map(java.lang.reflect.Field::getName))
                    .as("the join point field ajc adds to a class it wove").anyMatch(name -> name.startsWith("ajc$tjp_"));
        }
    }

    @Test
    void perSite_aSecondBuildOverTheFirstsOutputWritesTheAspectAgain() throws IOException {
        assertThat(ajc(SERVICE.formatted("userId"), "-parameters", "-Aauditweave.aspects=per-site").status).isZero();

        Result again = ajc(SERVICE.formatted("userId").replace("blockUser(String userId)",
                "blockUser(String userId, int times)"), "-parameters", "-Aauditweave.aspects=per-site");

        assertThat(again.status).as(again.errors.toString()).isZero();
        assertThat(again.errors).isEmpty();
        assertThat(dir.resolve("gen/com/acme/UserService_AuditweaveSites.java")).content()
                .contains("blockUser(java.lang.String, int)");
        assertThat(dir.resolve("out/com/acme/UserService_AuditweaveSites.class")).isRegularFile();
    }

    @Test
    void perSite_anAnnotatedMethodOfAnAnonymousClass_isAnAjcError_sayingWhatToDo() throws IOException {
        Result result = ajc(SERVICE.formatted("userId").replace("""
                        return 1;
                    }
                """, """
                        return 1;
                    }

                    public Runnable task() {
                        return new Runnable() {
                            @EmitsAbuseEvent(type = "task.ran")
                            public void run() {
                            }
                        };
                    }
                """), "-parameters", "-Aauditweave.aspects=per-site");

        assertThat(result.status).isNotZero();
        assertThat(result.errors).singleElement().asString().contains(SiteAspects.UNADVISED);
    }

    @Test
    void perSite_aLocalClassInAClassWithoutAnnotatedMethods_isAnAjcErrorToo() throws IOException {
        Result result = ajc(SERVICE.formatted("userId") + """

                class Wiring {
                    Object bean() {
                        class Local {
                            @EmitsAbuseEvent(type = "local.called")
                            public int call() {
                                return 1;
                            }
                        }
                        return new Local();
                    }
                }
                """, "-parameters", "-Aauditweave.aspects=per-site");

        assertThat(result.status).isNotZero();
        assertThat(result.errors).singleElement().asString().contains(SiteAspects.UNADVISED);
    }

    @Test
    void perSite_namedNestedClassesAndTheirAnonymousNeighboursWithoutAnnotations_compileClean() throws IOException {
        Result result = ajc(SERVICE.formatted("userId").replace("""
                        return 1;
                    }
                """, """
                        return 1;
                    }

                    public Runnable task() {
                        return new Runnable() {
                            public void run() {
                            }
                        };
                    }

                    public static class Nested {
                        @EmitsAbuseEvent(type = "nested.called")
                        public int call() {
                            return 1;
                        }
                    }
                """), "-parameters", "-Aauditweave.aspects=per-site");

        assertThat(result.status).as(result.errors.toString()).isZero();
        assertThat(result.errors).isEmpty();
        assertThat(dir.resolve("out/com/acme/UserService_Nested_AuditweaveSites.class")).isRegularFile();
    }

    @Test
    void aClassPathWithReactorButNotItsSupertypes_compilesClean() throws IOException {
        // What aspectj-maven-plugin hands ajc for a module's main sources when reactor-core is a direct test
        // dependency: the jar, without reactive-streams. Each guard's check asks whether the result is a Mono.
        assertThat(System.getProperty("java.class.path")).contains("reactor-core").doesNotContain("reactive-streams");

        Result result = ajc(SERVICE.formatted("userId"), "-parameters", "-Aauditweave.aspects=per-site");

        assertThat(result.status).as(result.errors.toString()).isZero();
        assertThat(result.errors).isEmpty();
    }

    @Test
    void anUnknownAspectsValue_isAnError_namingTheValidOnes() throws IOException {
        Result result = ajc(SERVICE.formatted("userId"), "-parameters", "-Aauditweave.aspects=persite");

        assertThat(result.status).isNotZero();
        assertThat(result.errors).singleElement().asString()
                .contains("-Aauditweave.aspects=persite is not valid: use library or per-site");
    }

    private Result ajc(String source, String... options) throws IOException {
        Path file = Files.createDirectories(dir.resolve("src/com/acme")).resolve("UserService.java");
        Files.writeString(file, source);
        String classpath = System.getProperty("java.class.path");
        // As aspectj-maven-plugin does: the class output is on the class path, so a second build sees the first's.
        List<String> args = new ArrayList<>(List.of("-17", "-cp", classpath + File.pathSeparator + dir.resolve("out"),
                "-processorpath", classpath, "-d", dir.resolve("out").toString(), "-s", dir.resolve("gen").toString()));
        args.addAll(List.of(options));
        args.add(file.toString());
        List<String> fails = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        int status = Main.bareMain(args.toArray(String[]::new), false, fails, errors, ignored, ignored, ignored);
        errors.addAll(fails);
        return new Result(status, errors);
    }

    private record Result(int status, List<String> errors) {
    }
}
