package dev.auditweave.agent.internal.sink.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Connects through a {@link Driver} found by {@link ServiceLoader} in the given class loaders, the application's
 * among them, then by {@link DriverManager}. Under the {@code -javaagent}, auditweave's classes live in a class
 * loader of their own that cannot see the application's class path, where the driver is: {@code DriverManager}
 * refuses a driver its caller's class loader cannot see, so the driver is looked up in the application's loaders
 * and asked directly ({@link Driver#connect}). The driver found is kept; the loaders are asked again, on the next
 * attempt, while none accepts the URL (a Spring Boot fat jar's class loader is met only after start-up).
 *
 * <pre>{@code
 * Connector connector = new DriverConnector(settings, SinkProviders::classLoaders);
 * try (Connection connection = connector.connect()) { ... }
 * }</pre>
 */
final class DriverConnector implements Connector {

    /** A broken services file can fail on every step: past this many failures the search of a loader stops. */
    private static final int MAX_ERRORS = 32;

    private final JdbcSettings settings;
    private final Supplier<List<ClassLoader>> loaders;
    private Driver driver;

    /**
     * @param settings the URL and connection properties
     * @param loaders  the class loaders to search, in order, asked on each attempt until a driver is found
     */
    DriverConnector(JdbcSettings settings, Supplier<List<ClassLoader>> loaders) {
        this.settings = settings;
        this.loaders = loaders;
    }

    @Override
    public Connection connect() throws SQLException {
        Driver found = driver();
        Connection connection = found.connect(settings.url(), settings.connectionProperties());
        if (connection == null) {
            throw new SQLException("the JDBC driver " + found.getClass().getName() + " does not accept the URL "
                    + settings.subprotocol() + "...", "08001");
        }
        return connection;
    }

    private Driver driver() throws SQLException {
        if (driver == null) {
            driver = find();
        }
        return driver;
    }

    private Driver find() throws SQLException {
        List<ClassLoader> searched = loaders.get();
        for (ClassLoader loader : searched) {
            Driver found = find(loader);
            if (found != null) {
                return found;
            }
        }
        try {
            return DriverManager.getDriver(settings.url());
        } catch (SQLException e) {
            throw new SQLException("no JDBC driver accepts the URL " + settings.subprotocol() + "... of this sink:"
                    + " put the driver of the database on the class path of the application (searched "
                    + searched.size() + " class loader(s) and DriverManager)", "08001", e);
        }
    }

    private Driver find(ClassLoader loader) {
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, loader).iterator();
        int errors = 0;
        while (errors < MAX_ERRORS) {
            try {
                if (!drivers.hasNext()) {
                    return null;
                }
                Driver candidate = drivers.next();
                if (candidate.acceptsURL(settings.url())) {
                    return candidate;
                }
            } catch (ServiceConfigurationError | SQLException | RuntimeException | LinkageError e) {
                errors++;
            }
        }
        return null;
    }
}
