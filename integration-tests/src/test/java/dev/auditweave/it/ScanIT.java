package dev.auditweave.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar auditweave-agent.jar scan}, run as a user runs it, on the built samples: the plain sample app's
 * jar and the Spring Boot sample's fat jar, from their class files alone.
 */
class ScanIT {

    private static final Path AGENT_JAR = Path.of(System.getProperty("auditweave.it.agentJar"));
    private static final Path SPRING_APP_JAR = Path.of(System.getProperty("auditweave.it.springAppJar"));
    private static final Path SAMPLE_APP_JAR = Path.of(System.getProperty("auditweave.it.sampleAppJar"));

    @Test
    void theSpringBootFatJar_listsItsSites_includingTheRepositoryInterfaces() throws Exception {
        Result table = scan(SPRING_APP_JAR.toString());
        Result json = scan("--json", SPRING_APP_JAR.toString());

        assertThat(table.status).as(table.err).isZero();
        assertThat(table.out).anySatisfy(line -> assertThat(line).contains(
                "dev.auditweave.samplespring.user.UserRepository", "blockUser(String, String, String)", "user.blocked",
                "RETURNED_ROWS > 0", "AFTER_COMMIT", "RETURNED"));
        assertThat(table.out).anySatisfy(line -> assertThat(line).contains("StripeWebhookController",
                "receive(StripeEvent)", "stripe.charge.dispute.created"));
        JsonNode sites = new ObjectMapper().readTree(String.join("\n", json.out));
        assertThat(table.out.get(table.out.size() - 1)).isEqualTo(sites.size() + " emit sites in " + SPRING_APP_JAR);
        assertThat(sites).allSatisfy(site -> assertThat(site.get("class").asText())
                .startsWith("dev.auditweave.samplespring."));
    }

    @Test
    void theSampleApp_listsTheWholeCatalogueItEmits() throws Exception {
        Result json = scan("--json", SAMPLE_APP_JAR.toString());

        assertThat(json.status).as(json.err).isZero();
        List<String> types = new ArrayList<>();
        new ObjectMapper().readTree(String.join("\n", json.out)).forEach(site -> types.add(site.get("type").asText()));
        assertThat(types).contains("user.blocked", "auth.signin", "session.signin_blocked",
                "stripe.payment_intent.succeeded", "billing.kilo_pass_changed", "org.member_added");
    }

    @Test
    void aLocationThatDoesNotExist_failsWithItsName() throws Exception {
        Result missing = scan("/no/such/classes");

        assertThat(missing.status).isEqualTo(1);
        assertThat(missing.err).contains("cannot read /no/such/classes: /no/such/classes: no such directory or jar");
    }

    @Test
    void theSpringBootFatJar_withItsConfiguration_listsTheDeclaredSignIn_andSwitchedOffSitesWithWhy()
            throws Exception {
        Path config = Files.createTempFile("application", ".properties");
        try (JarFile jar = new JarFile(SPRING_APP_JAR.toFile());
             InputStream in = jar.getInputStream(jar.getEntry("BOOT-INF/classes/application.properties"))) {
            Files.copy(in, config, StandardCopyOption.REPLACE_EXISTING);
        }

        Result json = scan("--json", "--config", config.toString(), SPRING_APP_JAR.toString());
        Result table = scan(List.of("-Dauditweave.disable.types=user.*"), "--config", config.toString(),
                SPRING_APP_JAR.toString());

        assertThat(json.status).as(json.err).isZero();
        JsonNode signIn = null;
        for (JsonNode site : new ObjectMapper().readTree(String.join("\n", json.out))) {
            if (site.get("type").asText().equals("auth.signin")) {
                signIn = site;
            }
        }
        assertThat(signIn).as("the declared sign-in site\n%s", json.out).isNotNull();
        assertThat(signIn.get("class").asText())
                .isEqualTo("org.springframework.security.authentication.AuthenticationEventPublisher");
        assertThat(signIn.get("method").asText()).isEqualTo("publishAuthenticationSuccess(Authentication)");
        assertThat(signIn.get("declaredBy").asText()).isEqualTo("auditweave.emit.signin.method");
        assertThat(signIn.get("data").get("ip_address").asText()).isEqualTo("REQUEST.ip");
        assertThat(signIn.get("switchedOff").asBoolean()).isFalse();
        assertThat(table.status).as(table.err).isZero();
        assertThat(table.out).anySatisfy(line -> assertThat(line).contains("UserRepository",
                "blockUser(String, String, String)", "user.blocked",
                "annotation; switched off by auditweave.disable.types = 'user.*' (system property)"));
        assertThat(table.out).anySatisfy(line -> assertThat(line).contains("AuthenticationEventPublisher",
                "auth.signin").endsWith("declared by auditweave.emit.signin.method"));
        assertThat(table.out.get(table.out.size() - 1)).matches("\\d+ emit sites in " + SPRING_APP_JAR
                + ", \\d+ switched off");
        System.out.println("scan --config of the Spring sample, with -Dauditweave.disable.types=user.*:\n"
                + String.join("\n", table.out));
    }

    private static Result scan(String... args) throws IOException, InterruptedException {
        return scan(List.of(), args);
    }

    private static Result scan(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", AGENT_JAR.toString(), "scan"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("scan ended").isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8).lines().toList(),
                new String(err, StandardCharsets.UTF_8));
    }

    private record Result(int status, List<String> out, String err) {
    }
}
