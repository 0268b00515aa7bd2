package dev.auditweave.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    private static Result scan(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", AGENT_JAR.toString(), "scan"));
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
