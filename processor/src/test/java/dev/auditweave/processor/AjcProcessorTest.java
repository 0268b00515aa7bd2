package dev.auditweave.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private Result ajc(String source, String... options) throws IOException {
        Path file = Files.createDirectories(dir.resolve("src/com/acme")).resolve("UserService.java");
        Files.writeString(file, source);
        String classpath = System.getProperty("java.class.path");
        List<String> args = new ArrayList<>(List.of("-17", "-cp", classpath,
                "-processorpath", classpath, "-d", dir.resolve("out").toString()));
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
