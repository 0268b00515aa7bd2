package dev.auditweave.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.internal.sink.MemorySink;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** A real SpringApplication: YAML files, profiles and the origins Boot records for them. */
class SpringApplicationBindingTest {

    @Test
    void binding_yamlWithAProfile_theProfileFileWins() {
        try (ConfigurableApplicationContext context = application("auditweave-profile-test").profiles("prod").run()) {
            MemorySink.named("abuse").clear();
            SampleService.emit("u-1", 1);
            assertThat(Auditweave.flush(Duration.ofSeconds(10))).isTrue();

            assertThat(Auditweave.sinkNames()).containsExactly("abuse", "audit");
            // abuse is memory in the prod profile, log without it: only a memory sink keeps what it receives.
            assertThat(MemorySink.named("abuse").events()).hasSize(1);
        }
    }

    @Test
    void binding_badYamlValue_namesTheFileAndLine() {
        assertThatThrownBy(() -> application("auditweave-profile-test-bad").run().close())
                .rootCause()
                .hasMessage("auditweave.retry.max-attempts = 'often' (class path resource"
                        + " [auditweave-profile-test-bad.yml] - 3:19): expected a whole number from 1 to 100");
    }

    private static SpringApplicationBuilder application(String configName) {
        return new SpringApplicationBuilder(Config.class).web(WebApplicationType.NONE)
                .properties("spring.config.name=" + configName, "spring.main.banner-mode=off");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(AuditweaveAutoConfiguration.class)
    static class Config {
    }
}
