package dev.auditweave.agent.internal.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar auditweave-agent.jar scan [--json] <dir-or-jar>...}: every emit site of compiled classes (a
 * {@code target/classes} directory, a jar, a Spring Boot fat jar), as a table or as JSON, from the class files alone.
 * Nothing is loaded or run, and nothing is type-checked: the build-time processor and the start-up log do that.
 *
 * <pre>{@code
 * $ java -jar auditweave-agent.jar scan target/classes
 * class                          method                     type          guard              phase         on        fields
 * com.acme.UserModerationService blockUser(String, String)  user.blocked  RETURNED_ROWS > 0  AFTER_COMMIT  RETURNED  kilo_user_id=userId, reason=reason
 * 1 emit site in target/classes
 * }</pre>
 *
 * Exit status: 0 when it could read every location, 1 when one could not be read, 2 for a usage error.
 */
public final class ScanCommand {

    static final String USAGE = "usage: java -jar auditweave-agent.jar scan [--json] <classes-dir-or-jar>...";
    private static final String[] COLUMNS = {"class", "method", "type", "guard", "phase", "on", "fields"};

    private ScanCommand() {
    }

    /**
     * Runs the command line {@code args} of the agent jar, writing the result to {@code out} and problems to
     * {@code err}; returns the exit status.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("scan")) {
            err.println(args.length == 0 ? USAGE : "unknown command '" + args[0] + "'\n" + USAGE);
            return 2;
        }
        boolean json = false;
        List<Path> locations = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--json")) {
                json = true;
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
        List<ScannedSite> sites = new ArrayList<>();
        int status = 0;
        for (Path location : locations) {
            try {
                sites.addAll(SiteReader.sites(ClassFiles.read(location)));
            } catch (IOException | RuntimeException e) {
                err.println("auditweave scan: cannot read " + location + ": " + e.getMessage());
                status = 1;
            }
        }
        if (json) {
            writeJson(sites, out);
        } else {
            writeTable(sites, out);
            out.println(sites.size() + (sites.size() == 1 ? " emit site in " : " emit sites in ")
                    + String.join(", ", locations.stream().map(Path::toString).toList()));
        }
        out.flush();
        return status;
    }

    private static void writeTable(List<ScannedSite> sites, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (ScannedSite site : sites) {
            rows.add(new String[] {site.className(), site.method(), site.type(), site.when(), site.phase(), site.on(),
                    fields(site.data())});
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
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.println();
    }
}
