package dev.auditweave.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationContextException;

class ConfigFailureAnalyzerTest {

    @Test
    void analyze_describesTheValueAndWhereItCameFrom() {
        ConfigException cause = null;
        try {
            Auditweave.start(Map.of("auditweave.retry.max-attempts", "many"), "class path resource [application.yml]");
        } catch (ConfigException e) {
            cause = e;
        }
        assertThat(cause).isNotNull();

        FailureAnalysis analysis = new ConfigFailureAnalyzer()
                .analyze(new ApplicationContextException("Failed to start bean 'auditweaveLifecycle'", cause));

        assertThat(analysis.getDescription()).isEqualTo("Invalid auditweave configuration: auditweave.retry.max-attempts"
                + " = 'many' (class path resource [application.yml]): expected a whole number from 1 to 100");
        assertThat(analysis.getAction()).startsWith("Correct auditweave.retry.max-attempts");
    }
}
