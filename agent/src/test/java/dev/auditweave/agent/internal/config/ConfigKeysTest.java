package dev.auditweave.agent.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {

    @Test
    void listsEveryKeyInTableOrder() {
        assertThat(ConfigKeys.keys()).extracting(ConfigKey::name).containsExactly(
                "auditweave.enabled",
                "auditweave.sink",
                "auditweave.http.url",
                "auditweave.http.timeout-ms",
                "auditweave.http.connect-timeout-ms",
                "auditweave.batch.max-events",
                "auditweave.batch.max-delay-ms",
                "auditweave.queue.capacity",
                "auditweave.queue.max-bytes",
                "auditweave.retry.max-attempts",
                "auditweave.retry.initial-backoff-ms",
                "auditweave.retry.max-backoff-ms",
                "auditweave.shutdown.timeout-ms",
                "auditweave.spool.dir",
                "auditweave.spool.max-bytes",
                "auditweave.spool.fsync-interval-ms",
                "auditweave.config.file",
                "auditweave.sinks",
                "auditweave.event.max-bytes", "auditweave.transaction.max-events", "auditweave.enrich.timeout-ms",
                "auditweave.enrich.threads", "auditweave.enrich.queue.capacity", "auditweave.snapshot.max-depth",
                "auditweave.snapshot.max-elements", "auditweave.redact.key-env", "auditweave.context.trusted-proxies",
                "auditweave.disable.methods", "auditweave.disable.types");
        assertThat(ConfigKeys.families()).extracting(KeyFamily::pattern).containsExactly(
                "auditweave.http.header.<Header-Name>",
                "auditweave.sink.<name>.header.<Header-Name>",
                "auditweave.sink.<name>.type",
                "auditweave.sink.<name>.url",
                "auditweave.sink.<name>.types",
                "auditweave.sink.<name>.format",
                "auditweave.sink.<name>.source",
                "auditweave.sink.<name>.connect-timeout-ms",
                "auditweave.sink.<name>.timeout-ms",
                "auditweave.sink.<name>.batch.max-events",
                "auditweave.sink.<name>.batch.max-delay-ms",
                "auditweave.sink.<name>.queue.capacity",
                "auditweave.sink.<name>.retry.max-attempts",
                "auditweave.sink.<name>.retry.initial-backoff-ms",
                "auditweave.sink.<name>.retry.max-backoff-ms",
                "auditweave.sink.<name>.<setting>",
                "auditweave.emit.<id>.data.<field>",
                "auditweave.emit.<id>.method",
                "auditweave.emit.<id>.type",
                "auditweave.emit.<id>.when",
                "auditweave.emit.<id>.occurred-at",
                "auditweave.emit.<id>.idempotency-key",
                "auditweave.emit.<id>.phase",
                "auditweave.emit.<id>.on",
                "auditweave.emit.<id>.enrich");
    }

    @Test
    void everyKeyIsDocumented() {
        for (ConfigKey<?> key : ConfigKeys.keys()) {
            assertThat(key.name()).startsWith(ConfigKeys.PREFIX);
            assertThat(key.description()).as(key.name()).isNotBlank();
            assertThat(key.expected()).as(key.name()).isNotBlank();
            assertThat(ConfigKeys.find(key.name())).contains(key);
        }
        assertThat(ConfigKeys.find("auditweave.nothing")).isEmpty();
    }

    @Test
    void markdownTableHasOneRowPerKeyAndFamily() {
        List<String> lines = ConfigKeys.markdownTable().lines().toList();

        assertThat(lines).hasSize(2 + ConfigKeys.keys().size() + ConfigKeys.families().size());
        assertThat(lines.get(0)).isEqualTo("| Key | Environment variable | Default | Expected | Meaning |");
        assertThat(lines).contains("| `auditweave.batch.max-events` | `AUDITWEAVE_BATCH_MAX_EVENTS` | `500`"
                + " | a whole number from 1 to 100000 | most events sent in one batch |");
        assertThat(lines).anyMatch(line -> line.startsWith("| `auditweave.http.url` | `AUDITWEAVE_HTTP_URL`"
                + " | (unset) |"));
        // The header row's pipe character is escaped so that the table keeps its columns.
        assertThat(lines).anyMatch(line -> line.startsWith("| `auditweave.http.header.<Header-Name>`")
                && line.contains("`\\|~"));
    }

    @Test
    void familiesMapKeysAndEnvironmentNames() {
        KeyFamily headers = ConfigKeys.HTTP_HEADER;

        assertThat(headers.variableOf("auditweave.http.header.X-Api-Key")).contains("X-Api-Key");
        assertThat(headers.variableOf("auditweave.http.header.")).isEmpty();
        assertThat(headers.variableOf("auditweave.http.url")).isEmpty();
        assertThat(headers.variableOfEnvironment("AUDITWEAVE_HTTP_HEADER_CF_ACCESS_CLIENT_ID"))
                .contains("CF-ACCESS-CLIENT-ID");
        assertThat(headers.variableOfEnvironment("AUDITWEAVE_HTTP_HEADER_")).isEmpty();
        assertThat(headers.keyFor("X-Id")).isEqualTo("auditweave.http.header.X-Id");
    }

    @Test
    void aFamilyWithTextAfterThePlaceholderTakesOneSegment() {
        KeyFamily named = new KeyFamily("auditweave.sink.<name>.type", name -> true, "a name", false,
                ValueTypes.secretHeaderValue(), "the type of a named sink");

        assertThat(named.variableOf("auditweave.sink.audit.type")).contains("audit");
        assertThat(named.variableOf("auditweave.sink.a.b.type")).isEmpty();
        assertThat(named.variableOfEnvironment("AUDITWEAVE_SINK_AUDIT_TYPE")).contains("AUDIT");
        assertThat(named.environmentPattern()).isEqualTo("AUDITWEAVE_SINK_<NAME>_TYPE");
    }
}
