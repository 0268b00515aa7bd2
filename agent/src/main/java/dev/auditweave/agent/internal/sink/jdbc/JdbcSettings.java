package dev.auditweave.agent.internal.sink.jdbc;

import dev.auditweave.agent.ConfigException;
import dev.auditweave.agent.spi.SinkContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The settings of one jdbc sink, checked: {@code auditweave.sink.<name>.url} (required), {@code user},
 * {@code password} or {@code password-env}, {@code table}, {@code dialect}, {@code actor-fields} and
 * {@code timeout-ms}. The driver's own properties go into the URL ({@code ?connectTimeout=5&sslmode=require} for
 * PostgreSQL), where their case is kept.
 *
 * <pre>{@code
 * // auditweave.sink.audit.type=jdbc
 * // auditweave.sink.audit.url=jdbc:postgresql://db.internal:5432/billing
 * // auditweave.sink.audit.user=auditweave
 * // auditweave.sink.audit.password-env=AUDIT_DB_PASSWORD
 * JdbcSettings settings = JdbcSettings.read(context, System::getenv);
 * settings.table();   // audit_log
 * }</pre>
 *
 * @param url          the JDBC URL, starting with {@code jdbc:}
 * @param table        the audit table, a plain SQL identifier, optionally schema-qualified
 * @param dialect      the SQL of the insert, or empty to detect it from the database's product name
 * @param actorFields  the data fields whose first non-null value fills the {@code actor} column
 * @param queryTimeout the timeout of one batch statement (JDBC counts whole seconds: rounded up)
 * @param properties   the connection properties {@code user} and {@code password}, when set; never log them
 */
record JdbcSettings(String url, String table, Optional<Dialect> dialect, List<String> actorFields,
                    Duration queryTimeout, Map<String, String> properties) {

    static final String DEFAULT_TABLE = "audit_log";
    static final String DEFAULT_ACTOR_FIELDS = "actor,actor_id,actor_email";
    static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TABLE = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")?");

    /** @throws IllegalArgumentException for a URL not starting with {@code jdbc:}, a bad table or field name */
    JdbcSettings {
        Objects.requireNonNull(url, "url");
        if (!isJdbcUrl(url)) {
            throw new IllegalArgumentException("a JDBC URL starts with jdbc:");
        }
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: '" + table + "'");
        }
        Objects.requireNonNull(dialect, "dialect");
        actorFields = List.copyOf(actorFields);
        if (queryTimeout.isNegative() || queryTimeout.isZero()) {
            throw new IllegalArgumentException("the query timeout must be positive, was " + queryTimeout);
        }
        properties = Map.copyOf(properties);
    }

    /**
     * Reads and checks the sink's settings.
     *
     * @param environment the environment variables, for {@code password-env}
     * @throws ConfigException naming the key, the value and what is expected, for a setting that does not fit
     */
    static JdbcSettings read(SinkContext context, UnaryOperator<String> environment) {
        String url = context.requireString("url");
        if (!isJdbcUrl(url)) {
            throw context.invalid("url", "expected a JDBC URL such as jdbc:postgresql://host:5432/app or"
                    + " jdbc:h2:./audit (sink " + context.name() + " is of type jdbc)");
        }
        String table = context.string("table").orElse(DEFAULT_TABLE);
        if (!TABLE.matcher(table).matches()) {
            throw context.invalid("table", "expected a table name made of letters, digits and _, optionally"
                    + " schema.table, such as " + DEFAULT_TABLE);
        }
        Optional<Dialect> dialect = dialect(context);
        List<String> actorFields = actorFields(context);
        Duration timeout = context.millis("timeout-ms", DEFAULT_QUERY_TIMEOUT, Duration.ofMillis(1),
                Duration.ofHours(1));
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        context.string("user").ifPresent(user -> properties.put("user", user));
        password(context, environment).ifPresent(password -> properties.put("password", password));
        return new JdbcSettings(url, table, dialect, actorFields, timeout, properties);
    }

    /** The properties to connect with, a new copy. */
    Properties connectionProperties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /** The query timeout in the whole seconds of {@link java.sql.Statement#setQueryTimeout}, at least 1. */
    int queryTimeoutSeconds() {
        long millis = queryTimeout.toMillis();
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (millis + 999) / 1000));
    }

    /** {@code jdbc:postgresql:} of {@code jdbc:postgresql://host/db?password=...}: what messages may show. */
    String subprotocol() {
        int end = url.indexOf(':', "jdbc:".length());
        return end < 0 ? url : url.substring(0, end + 1);
    }

    private static boolean isJdbcUrl(String url) {
        return url.regionMatches(true, 0, "jdbc:", 0, 5) && url.length() > 5;
    }

    private static Optional<Dialect> dialect(SinkContext context) {
        String name = context.string("dialect").orElse("auto");
        if (name.equalsIgnoreCase("auto")) {
            return Optional.empty();
        }
        return Optional.of(Dialect.named(name).orElseThrow(() -> context.invalid("dialect",
                "expected auto (from the database's product name), postgresql or h2")));
    }

    private static List<String> actorFields(SinkContext context) {
        String text = context.string("actor-fields").orElse(DEFAULT_ACTOR_FIELDS);
        List<String> fields = new ArrayList<>();
        for (String field : text.split(",", -1)) {
            String name = field.strip();
            if (name.isEmpty()) {
                throw context.invalid("actor-fields", "expected a comma-separated list of data field names such as "
                        + DEFAULT_ACTOR_FIELDS + ", without empty entries");
            }
            fields.add(name);
        }
        return fields;
    }

    private static Optional<String> password(SinkContext context, UnaryOperator<String> environment) {
        Optional<String> password = context.string("password");
        Optional<String> variable = context.string("password-env");
        if (variable.isEmpty()) {
            return password;
        }
        if (password.isPresent()) {
            throw context.invalid("password-env", "set either " + context.key("password") + " or "
                    + context.key("password-env") + ", not both");
        }
        String value = environment.apply(variable.get());
        if (value == null || value.isEmpty()) {
            throw context.invalid("password-env", "the environment variable " + variable.get() + " is not set or"
                    + " empty: expected the name of an environment variable holding the database password");
        }
        return Optional.of(value);
    }
}
