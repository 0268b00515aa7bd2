package dev.auditweave.agent.internal.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.ConfigException;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.sink.ProviderContext;
import dev.auditweave.agent.internal.sink.SinkProviders;
import dev.auditweave.agent.internal.sink.Sinks;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The settings of a jdbc sink: defaults, and each bad value a start-up error naming its key. */
class JdbcSettingsTest {

    private static final String URL = "jdbc:h2:mem:settings";

    private static JdbcSettings read(Map<String, String> more) {
        return JdbcSettings.read(H2Audit.context(URL, more), name -> null);
    }

    private static void assertBad(String setting, String value, String message) {
        assertThatThrownBy(() -> read(Map.of("auditweave.sink.audit." + setting, value)))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("auditweave.sink.audit." + setting))
                .hasMessage(message);
    }

    // ---- defaults ----

    @Test
    void defaults() {
        JdbcSettings settings = read(Map.of());

        assertThat(settings.url()).isEqualTo(URL);
        assertThat(settings.table()).isEqualTo("audit_log");
        assertThat(settings.dialect()).as("detected from the database").isEmpty();
        assertThat(settings.actorFields()).containsExactly("actor", "actor_id", "actor_email");
        assertThat(settings.queryTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.properties()).isEmpty();
    }

    @Test
    void userAndPassword_becomeConnectionProperties() {
        JdbcSettings settings = read(Map.of("auditweave.sink.audit.user", "auditweave",
                "auditweave.sink.audit.password", "pw"));

        assertThat(settings.connectionProperties()).containsExactlyInAnyOrderEntriesOf(
                Map.of("user", "auditweave", "password", "pw"));
    }

    @Test
    void queryTimeout_isRoundedUpToWholeSeconds() {
        assertThat(read(Map.of("auditweave.sink.audit.timeout-ms", "1500")).queryTimeoutSeconds()).isEqualTo(2);
        assertThat(read(Map.of("auditweave.sink.audit.timeout-ms", "1")).queryTimeoutSeconds()).isEqualTo(1);
    }

    @Test
    void dialect_anyCase() {
        assertThat(read(Map.of("auditweave.sink.audit.dialect", "PostgreSQL")).dialect())
                .isEqualTo(Optional.of(Dialect.POSTGRESQL));
    }

    @Test
    void subprotocol_showsNoCredentials() {
        JdbcSettings settings = JdbcSettings.read(H2Audit.context("jdbc:postgresql://u:pw@db/app?password=pw",
                Map.of()), name -> null);

        assertThat(settings.subprotocol()).isEqualTo("jdbc:postgresql:");
    }

    // ---- start-up errors ----

    @Test
    void url_isRequired() {
        Map<String, String> values = new HashMap<>(Map.of("auditweave.sinks", "audit",
                "auditweave.sink.audit.type", "jdbc"));
        Settings settings = Settings.defaults().with(values);
        ProviderContext context = new ProviderContext(settings.sinkSettings().get(0), settings.sinkOptions("audit"),
                true);

        assertThatThrownBy(() -> JdbcSettings.read(context, name -> null)).isInstanceOf(ConfigException.class)
                .hasMessage("auditweave.sink.audit.url is not set: sink audit needs it (expected a value)");
    }

    @Test
    void url_mustBeAJdbcUrl() {
        assertThatThrownBy(() -> JdbcSettings.read(H2Audit.context("https://db.internal/app", Map.of()),
                name -> null)).isInstanceOf(ConfigException.class)
                .hasMessage("auditweave.sink.audit.url = 'https://db.internal/app' (override): expected a JDBC URL"
                        + " such as jdbc:postgresql://host:5432/app or jdbc:h2:./audit (sink audit is of type jdbc)");
    }

    @Test
    void table_mustBeAPlainIdentifier() {
        assertBad("table", "audit_log; DROP TABLE users", "auditweave.sink.audit.table = 'audit_log; DROP TABLE"
                + " users' (override): expected a table name made of letters, digits and _, optionally schema.table,"
                + " such as audit_log");
    }

    @Test
    void dialect_mustBeKnown() {
        assertBad("dialect", "oracle", "auditweave.sink.audit.dialect = 'oracle' (override): expected auto (from the"
                + " database's product name), postgresql or h2");
    }

    @Test
    void actorFields_withoutEmptyEntries() {
        assertBad("actor-fields", "actor,,actor_id", "auditweave.sink.audit.actor-fields = 'actor,,actor_id'"
                + " (override): expected a comma-separated list of data field names such as"
                + " actor,actor_id,actor_email, without empty entries");
    }

    @Test
    void passwordEnv_namingAnUnsetVariable_isAnError_withoutShowingIt() {
        assertBad("password-env", "AUDIT_DB_PASSWORD", "auditweave.sink.audit.password-env = '***' (override): the"
                + " environment variable AUDIT_DB_PASSWORD is not set or empty: expected the name of an environment"
                + " variable holding the database password");
    }

    @Test
    void passwordAndPasswordEnv_excludeEachOther() {
        assertThatThrownBy(() -> JdbcSettings.read(H2Audit.context(URL, Map.of("auditweave.sink.audit.password", "x",
                "auditweave.sink.audit.password-env", "AUDIT_DB_PASSWORD")), name -> "y"))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith(": set either auditweave.sink.audit.password or"
                        + " auditweave.sink.audit.password-env, not both");
    }

    @Test
    void timeout_outOfRange() {
        assertBad("timeout-ms", "0", "auditweave.sink.audit.timeout-ms = '0' (override): expected a whole number"
                + " of milliseconds from 1 to 3600000");
    }

    // ---- the provider among the others ----

    @Test
    void jdbc_isABuiltInType_madeFromTheConfiguration() {
        assertThat(SinkProviders.byType().get("jdbc")).isInstanceOf(JdbcSinkProvider.class);
        Settings settings = Settings.defaults().with(Map.of("auditweave.sinks", "audit",
                "auditweave.sink.audit.type", "jdbc", "auditweave.sink.audit.url", URL));

        List<Sinks.Configured> sinks = Sinks.configured(settings);

        assertThat(sinks).singleElement().satisfies(sink -> assertThat(sink.sink()).isInstanceOf(JdbcSink.class));
        sinks.forEach(sink -> sink.sink().close());
    }

    @Test
    void anUnknownSettingOfAJdbcSink_isWarnedAbout_withTheClosestOne() {
        ProviderContext context = H2Audit.context(URL, Map.of("auditweave.sink.audit.tabel", "events"));
        new JdbcSinkProvider(name -> null).create(context).close();

        assertThat(context.unreadWarnings()).singleElement().asString()
                .contains("auditweave.sink.audit.tabel").contains("did you mean auditweave.sink.audit.table?");
    }
}
