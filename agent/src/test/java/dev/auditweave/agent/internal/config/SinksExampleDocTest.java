package dev.auditweave.agent.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The "Several destinations" example of docs/delivery.md is a valid configuration, with and without the abuse
 * service's URL.
 */
class SinksExampleDocTest {

    @Test
    void theExampleLoads() throws IOException {
        Map<String, String> properties = example();
        Map<String, String> environment = Map.of(
                "ABUSE_SERVICE_CF_ACCESS_CLIENT_ID", "id", "ABUSE_SERVICE_CF_ACCESS_CLIENT_SECRET", "secret",
                "AUDITWEAVE_SINK_AUTH_URL", "https://abuse.internal/api/auth-event");

        Settings settings = Settings.from(null, properties, environment, null);

        assertThat(settings.warnings()).isEmpty();
        assertThat(settings.sinkSettings()).extracting(SinkSettings::name).containsExactly("abuse", "auth", "audit");
        assertThat(settings.sinkSettings().get(0).url()).as("unset: a silent no-op").isEmpty();
        assertThat(settings.sinkSettings().get(1).url()).isPresent();
        assertThat(settings.sinkSettings().get(1).format()).isEqualTo("flat");
        assertThat(settings.sinkSettings().get(1).headers()).containsEntry("CF-Access-Client-Secret", "secret");
        assertThat(settings.sinkSettings().get(2).format()).isEqualTo("cloudevents");
    }

    private static Map<String, String> example() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "delivery.md"));
        int section = page.indexOf("## Several destinations");
        assertThat(section).as("docs/delivery.md has a section 'Several destinations'").isNotNegative();
        int start = page.indexOf("```properties\n", section) + "```properties\n".length();
        int end = page.indexOf("```", start);
        Properties properties = new Properties();
        properties.load(new StringReader(page.substring(start, end)));
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        assertThat(map).containsKey("auditweave.sinks");
        return map;
    }
}
