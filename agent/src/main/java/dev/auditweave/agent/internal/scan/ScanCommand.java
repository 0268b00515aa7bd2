package dev.auditweave.agent.internal.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.auditweave.agent.ConfigException;
import dev.auditweave.agent.internal.config.ConfigKeys;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.plan.SiteRules;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code java -jar auditweave-agent.jar scan [--json] [--config <file>] <dir-or-jar>...}: every emit site of compiled
 * classes (a {@code target/classes} directory, a jar, a Spring Boot fat jar), as a table or as JSON, from the class
 * files alone, with what configuration says of them: the sites it declares ({@code auditweave.emit.<id>.*}) and the
 * sites it switches off ({@code auditweave.disable.*}), with why. Configuration is read from the properties file
 * given with {@code --config} (an {@code auditweave.properties} or a Spring {@code application.properties}), the
 * command's own {@code auditweave.*} system properties and {@code AUDITWEAVE_*} environment variables. Nothing is
 * loaded or run, and nothing is type-checked: the build-time processor and the start-up log do that.
 *
 * <pre>{@code
 * $ java -Dauditweave.disable.types='user.*' -jar auditweave-agent.jar scan target/classes
 * class                          method                     type          guard              phase         on        fields                              status
 * com.acme.UserModerationService blockUser(String, String)  user.blocked  RETURNED_ROWS > 0  AFTER_COMMIT  RETURNED  kilo_user_id=userId, reason=reason  annotation; switched off by auditweave.disable.types = 'user.*' (system property)
 * 1 emit site in target/classes, 1 switched off
 * }</pre>
 *
 * Exit status: 0 when it could read every location, 1 when one could not be read, 2 for a usage error or invalid
 * configuration.
 */
public final class ScanCommand {

    static final String USAGE =
            "usage: java -jar auditweave-agent.jar scan [--json] [--config <properties-file>] <classes-dir-or-jar>...";
    private static final String[] COLUMNS = {"class", "method", "type", "guard", "phase", "on", "fields", "status"};

    private ScanCommand() {
    }

    /**
     * Runs the command line {@code args} of the agent jar, writing the result to {@code out} and problems to
     * {@code err}; returns the exit status. Configuration comes from {@code --config}, this JVM's system properties
     * and its environment.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, with {@code environment} for the environment. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("scan")) {
            err.println(args.length == 0 ? USAGE : "unknown command '" + args[0] + "'\n" + USAGE);
            return 2;
        }
        boolean json = false;
        String config = null;
        List<Path> locations = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--json")) {
                json = true;
            } else if (args[i].equals("--config")) {
                if (i + 1 == args.length) {
                    err.println("--config needs the path of a properties file\n" + USAGE);
                    return 2;
                }
                config = args[++i];
            } else if (args[i].startsWith("-")) {
                err.println("unknown option '" + args[i] + "'\n" + USAGE);
                return 2;
            } else {
                locations.add(Path.of(args[i]));
            }
        }
        if (locations.isEmpty()) {
            err.println("no classes directory or jar given\n" + USAGE);
            return 2;
        }
        SiteRules rules;
        try {
            rules = SiteRules.of(configuration(config, environment));
        } catch (ConfigException e) {
            err.println("auditweave scan: invalid configuration: " + e.getMessage());
            return 2;
        }
        List<ScannedSite> sites = new ArrayList<>();
        int status = 0;
        for (Path location : locations) {
            try {
                sites.addAll(SiteReader.sites(ClassFiles.read(location), rules));
            } catch (IOException | RuntimeException e) {
                err.println("auditweave scan: cannot read " + location + ": " + e.getMessage());
                status = 1;
            }
        }
        sites.addAll(SiteReader.declared(rules));
        if (json) {
            writeJson(sites, out);
        } else {
            writeTable(sites, out);
            long switchedOff = sites.stream().filter(site -> !site.switchedOff().isEmpty()).count();
            out.println(sites.size() + (sites.size() == 1 ? " emit site in " : " emit sites in ")
                    + String.join(", ", locations.stream().map(Path::toString).toList())
                    + (switchedOff == 0 ? "" : ", " + switchedOff + " switched off"));
        }
        out.flush();
        return status;
    }

    /**
     * The settings of {@code config} (a properties file, or none), this JVM's {@code auditweave.*} system properties
     * and {@code environment}, which win over the file as they do for the agent.
     */
    private static Settings configuration(String config, Map<String, String> environment) {
        Map<String, String> systemProperties = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(ConfigKeys.PREFIX))
                .forEach(name -> systemProperties.put(name, System.getProperty(name)));
        if (config != null) {
            systemProperties.put(ConfigKeys.CONFIG_FILE.name(), Path.of(config).toAbsolutePath().toString());
        }
        return Settings.from(null, systemProperties, environment, null);
    }

    private static void writeTable(List<ScannedSite> sites, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (ScannedSite site : sites) {
            rows.add(new String[] {site.className(), site.method(), site.type(), site.when(), site.phase(), site.on(),
                    fields(site.data()), site.status()});
        }
        int[] widths = new int[COLUMNS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String fields(Map<String, String> data) {
        StringBuilder fields = new StringBuilder();
        data.forEach((name, value) -> fields.append(fields.length() == 0 ? "" : ", ").append(name).append('=')
                .append(value));
        return fields.toString();
    }

    private static void writeJson(List<ScannedSite> sites, PrintStream out) {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            for (ScannedSite site : sites) {
                json.writeStartObject();
                json.writeStringField("class", site.className());
                json.writeStringField("method", site.method());
                json.writeStringField("type", site.type());
                json.writeStringField("when", site.when());
                json.writeObjectFieldStart("data");
                for (Map.Entry<String, String> field : site.data().entrySet()) {
                    json.writeStringField(field.getKey(), field.getValue());
                }
                json.writeEndObject();
                json.writeStringField("phase", site.phase());
                json.writeStringField("on", site.on());
                json.writeArrayFieldStart("enrich");
                for (String enricher : site.enrich()) {
                    json.writeString(enricher);
                }
                json.writeEndArray();
                json.writeStringField("occurredAt", site.occurredAt());
                json.writeStringField("idempotencyKey", site.idempotencyKey());
                json.writeStringField("declaredBy", site.declaredBy());
                json.writeBooleanField("switchedOff", !site.switchedOff().isEmpty());
                json.writeStringField("reason", site.switchedOff());
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.println();
    }
}
