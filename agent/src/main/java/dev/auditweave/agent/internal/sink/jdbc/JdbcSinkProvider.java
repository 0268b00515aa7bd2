package dev.auditweave.agent.internal.sink.jdbc;

import dev.auditweave.agent.internal.sink.SinkProviders;
import dev.auditweave.agent.spi.Sink;
import dev.auditweave.agent.spi.SinkContext;
import dev.auditweave.agent.spi.SinkProvider;
import java.util.function.UnaryOperator;

/**
 * {@code type=jdbc}: each event a row of an audit table ({@link JdbcSink}), inserted idempotently and in batches,
 * through the JDBC driver of the application's class path ({@link DriverConnector}).
 *
 * <pre>{@code
 * auditweave.sinks=audit
 * auditweave.sink.audit.type=jdbc
 * auditweave.sink.audit.url=jdbc:postgresql://db.internal:5432/billing
 * auditweave.sink.audit.user=auditweave
 * auditweave.sink.audit.password-env=AUDIT_DB_PASSWORD
 * auditweave.sink.audit.table=audit_log
 * }</pre>
 *
 * The settings are checked at start-up ({@link JdbcSettings}); the database is first reached by the first batch.
 */
public final class JdbcSinkProvider implements SinkProvider {

    private final UnaryOperator<String> environment;

    /** The provider ServiceLoader makes: {@code password-env} reads the process environment. */
    public JdbcSinkProvider() {
        this(System::getenv);
    }

    /** @param environment the environment variables {@code password-env} names */
    JdbcSinkProvider(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public String type() {
        return "jdbc";
    }

    @Override
    public Sink create(SinkContext context) {
        JdbcSettings settings = JdbcSettings.read(context, environment);
        return new JdbcSink(settings, new DriverConnector(settings, SinkProviders::classLoaders), context);
    }
}
