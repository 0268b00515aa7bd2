package dev.auditweave.agent.internal.sink.jdbc;

import java.util.Locale;
import java.util.Optional;

/**
 * The SQL of an idempotent insert into the audit table, per database: a row whose {@code id} is already there is left
 * as it is, so that a redelivered event stays one row.
 *
 * <pre>{@code
 * Dialect.POSTGRESQL.insert("audit_log");
 * // INSERT INTO audit_log (id, type, actor, data, occurred_at) VALUES (?, ?, ?, CAST(? AS jsonb), ?)
 * //     ON CONFLICT (id) DO NOTHING
 * }</pre>
 *
 * <p>The parameters, in this order: id, type, actor (text), data (JSON text), occurred_at (an
 * {@link java.time.OffsetDateTime}).
 */
enum Dialect {

    /** {@code INSERT ... ON CONFLICT (id) DO NOTHING}, the data cast to {@code jsonb}. */
    POSTGRESQL("postgresql") {
        @Override
        String insert(String table) {
            return "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, CAST(? AS jsonb), ?)"
                    + " ON CONFLICT (id) DO NOTHING";
        }
    },

    /** The standard {@code MERGE ... WHEN NOT MATCHED THEN INSERT}, the data read {@code FORMAT JSON}. */
    H2("h2") {
        @Override
        String insert(String table) {
            return "MERGE INTO " + table + " t USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
                    + " CAST(? AS VARCHAR), CAST(? AS VARCHAR) FORMAT JSON, CAST(? AS TIMESTAMP WITH TIME ZONE)))"
                    + " s(" + COLUMNS + ") ON t.id = s.id WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ")"
                    + " VALUES (s.id, s.type, s.actor, s.data, s.occurred_at)";
        }
    };

    static final String COLUMNS = "id, type, actor, data, occurred_at";

    private final String configName;

    Dialect(String configName) {
        this.configName = configName;
    }

    /** The statement for {@code table}, a checked SQL identifier. */
    abstract String insert(String table);

    /** As {@code auditweave.sink.<name>.dialect} names it: {@code postgresql} or {@code h2}. */
    String configName() {
        return configName;
    }

    /** The dialect named {@code name} (any case), if there is one. */
    static Optional<Dialect> named(String name) {
        for (Dialect dialect : values()) {
            if (dialect.configName.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(dialect);
            }
        }
        return Optional.empty();
    }

    /** The dialect of a database by its {@code DatabaseMetaData.getDatabaseProductName()}, if it is a known one. */
    static Optional<Dialect> ofProduct(String productName) {
        return switch (productName == null ? "" : productName.toLowerCase(Locale.ROOT)) {
            case "postgresql" -> Optional.of(POSTGRESQL);
            case "h2" -> Optional.of(H2);
            default -> Optional.empty();
        };
    }
}
