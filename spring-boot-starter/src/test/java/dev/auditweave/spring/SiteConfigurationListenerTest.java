package dev.auditweave.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.EmitSite;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real SpringApplication hands the sites its Environment declares to auditweave as soon as the environment is
 * prepared: a bean created before auditweave starts already sees them (with the agent, a library class loading then
 * is matched).
 */
class SiteConfigurationListenerTest {

    private static final String DECLARED = "com.fasterxml.jackson.databind.ObjectMapper#readTree(java.lang.String)";

    @Test
    void theEnvironmentsDeclarationsAreKnownBeforeAnyBeanIsCreated() {
        try (ConfigurableApplicationContext context = application("auditweave.emit.parse.method=" + DECLARED,
                "auditweave.emit.parse.type=json.parsed").run()) {
            List<EmitSite> seen = context.getBean(EarlyBean.class).declaredSites;

            assertThat(seen).singleElement().satisfies(site -> {
                assertThat(site.className()).isEqualTo("com.fasterxml.jackson.databind.ObjectMapper");
                assertThat(site.method()).isEqualTo("readTree(String)");
                assertThat(site.type()).isEqualTo("json.parsed");
                assertThat(site.declaredBy()).isEqualTo("auditweave.emit.parse.method");
            });
        }
        assertThat(Auditweave.emitSites()).as("the declarations end with the context")
                .noneMatch(site -> site.declaredBy().equals("auditweave.emit.parse.method"));
    }

    @Test
    void anInvalidDeclaration_isLeftForTheStartToReport() {
        SpringApplicationBuilder application = application("auditweave.emit.parse.method=" + DECLARED);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> application.run().close()).rootCause()
                .hasMessageStartingWith("auditweave.emit.parse.type is not set: auditweave.emit.parse.method");
    }

    private static SpringApplicationBuilder application(String... properties) {
        return new SpringApplicationBuilder(Config.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "auditweave.sink=memory").properties(properties);
    }

    /** Created while the context refreshes, before auditweave's lifecycle starts the runtime. */
    static final class EarlyBean {
        final List<EmitSite> declaredSites = Auditweave.emitSites().stream()
                .filter(site -> !site.declaredBy().isEmpty()).toList();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(AuditweaveAutoConfiguration.class)
    static class Config {
        @Bean
        EarlyBean earlyBean() {
            return new EarlyBean();
        }
    }
}
