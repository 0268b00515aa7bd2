package dev.auditweave.sample.abuse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The abuse service's settings, from its command line and environment.
 *
 * <pre>{@code
 * --port 8085                      loopback port (default 0: a free one)
 * --jdbc-url jdbc:postgresql://... the database (default: an in-memory H2 database); --jdbc-user, --jdbc-password
 * --allow 10.0.0.0/8               a CIDR block of the allowlist (repeatable)
 * --editor eve@acme.example=o-acme an editor and the organisation whose entries they may mark, * for all (repeatable)
 * }</pre>
 *
 * The CF-Access credentials come from {@code ABUSE_SERVICE_CF_ACCESS_CLIENT_ID} and
 * {@code ABUSE_SERVICE_CF_ACCESS_CLIENT_SECRET}; both are required.
 *
 * @param port         the loopback port, 0 for a free one
 * @param jdbcUrl      the database's JDBC URL
 * @param jdbcUser     its user
 * @param jdbcPassword its password
 * @param clientId     the expected {@code CF-Access-Client-Id}
 * @param clientSecret the expected {@code CF-Access-Client-Secret}
 * @param allowlist    the CIDR allowlist
 * @param editors      the editors, by email
 */
public record AbuseServiceConfig(int port, String jdbcUrl, String jdbcUser, String jdbcPassword, String clientId,
                                 String clientSecret, Allowlist allowlist, Map<String, Editor> editors) {

    public static final String CLIENT_ID_VARIABLE = "ABUSE_SERVICE_CF_ACCESS_CLIENT_ID";
    public static final String CLIENT_SECRET_VARIABLE = "ABUSE_SERVICE_CF_ACCESS_CLIENT_SECRET";

    public AbuseServiceConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
        }
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(jdbcUser, "jdbcUser");
        Objects.requireNonNull(jdbcPassword, "jdbcPassword");
        Objects.requireNonNull(allowlist, "allowlist");
        requireCredential(clientId, CLIENT_ID_VARIABLE);
        requireCredential(clientSecret, CLIENT_SECRET_VARIABLE);
        editors = Map.copyOf(editors);
    }

    /** Settings for tests and the demo: a free port, a fresh in-memory H2 database named {@code database}. */
    public static AbuseServiceConfig local(String database, String clientId, String clientSecret, Allowlist allowlist,
                                           List<Editor> editors) {
        return new AbuseServiceConfig(0, "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "sa", "", clientId,
                clientSecret, allowlist, byEmail(editors));
    }

    /**
     * Reads the command line and the environment.
     *
     * @throws IllegalArgumentException naming the option or variable that is missing or wrong
     */
    public static AbuseServiceConfig parse(List<String> args, Map<String, String> environment) {
        int port = 0;
        String url = "jdbc:h2:mem:abuse-" + ProcessHandle.current().pid() + ";DB_CLOSE_DELAY=-1";
        String user = "sa";
        String password = "";
        List<String> allow = new ArrayList<>();
        List<Editor> editors = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 == args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args.get(++i);
            switch (option) {
                case "--port" -> port = port(value);
                case "--jdbc-url" -> url = value;
                case "--jdbc-user" -> user = value;
                case "--jdbc-password" -> password = value;
                case "--allow" -> allow.add(value);
                case "--editor" -> editors.add(Editor.parse(value));
                default -> throw new IllegalArgumentException("unknown option " + option
                        + ": expected --port, --jdbc-url, --jdbc-user, --jdbc-password, --allow or --editor");
            }
        }
        return new AbuseServiceConfig(port, url, user, password, environment.get(CLIENT_ID_VARIABLE),
                environment.get(CLIENT_SECRET_VARIABLE), Allowlist.of(allow), byEmail(editors));
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number, got '" + value + "'");
        }
    }

    private static Map<String, Editor> byEmail(List<Editor> editors) {
        Map<String, Editor> byEmail = new LinkedHashMap<>();
        for (Editor editor : editors) {
            if (byEmail.put(editor.email(), editor) != null) {
                throw new IllegalArgumentException("editor " + editor.email() + " is given twice");
            }
        }
        return byEmail;
    }

    private static void requireCredential(String value, String variable) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(variable + " is not set: the service refuses every write without "
                    + "the CF-Access credentials, so it needs to know them");
        }
    }
}
