package dev.auditweave.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditweave.testing.LoopbackReceiver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything one child JVM left behind: its exit, its stdout (the scenario's CHECK/WINDOW/METRICS lines), its
 * stderr (the logs) and what the loopback receiver recorded.
 *
 * @param name      e.g. {@code agent-17/main}
 * @param command   the command line
 * @param exitCode  the exit code, or {@code null} when it did not exit in time (then it was killed)
 * @param stdout    all of stdout
 * @param stderr    all of stderr
 * @param requests  every request the receiver got, whatever it answered
 * @param events    the events of every request answered 2xx, in arrival order
 */
public record ScenarioRun(String name, List<String> command, Integer exitCode, String stdout, String stderr,
                          List<LoopbackReceiver.Request> requests, List<JsonNode> events) {

    private static final Pattern RECORD_START = Pattern.compile(
            "(\\[[^\\]]*\\] )?(TRACE|DEBUG|INFO|WARN|WARNING|ERROR)\\b");
    private static final Pattern SUMMARY = Pattern.compile(
            "auditweave stopped in (\\d+) ms: captured (\\d+), delivered (\\d+), failed (\\d+), dropped (\\d+), lost (\\d+)");

    /** Whether the process exited by itself within the time it was given. */
    public boolean exitedInTime() {
        return exitCode != null;
    }

    /** {@code CHECK <name> <value>} lines, by name. */
    public Map<String, String> checks() {
        Map<String, String> checks = new LinkedHashMap<>();
        for (String line : stdoutLines()) {
            if (line.startsWith("CHECK ")) {
                String rest = line.substring("CHECK ".length());
                int space = rest.indexOf(' ');
                String key = space < 0 ? rest : rest.substring(0, space);
                String value = space < 0 ? "" : rest.substring(space + 1);
                if (checks.put(key, value) != null) {
                    throw new AssertionError("CHECK " + key + " printed twice in " + name);
                }
            }
        }
        return checks;
    }

    /** The value of one CHECK line; fails when the scenario never printed it. */
    public String check(String key) {
        String value = checks().get(key);
        if (value == null) {
            throw new AssertionError("no 'CHECK " + key + "' line in " + name + "\n" + describe());
        }
        return value;
    }

    /** {@code METRICS captured=.. ...} as numbers; fails when absent. */
    public Map<String, Long> metrics() {
        for (String line : stdoutLines()) {
            if (line.startsWith("METRICS ")) {
                Map<String, Long> metrics = new LinkedHashMap<>();
                for (String pair : line.substring("METRICS ".length()).trim().split("\\s+")) {
                    String[] parts = pair.split("=", 2);
                    metrics.put(parts[0], Long.parseLong(parts[1]));
                }
                return metrics;
            }
        }
        throw new AssertionError("no METRICS line in " + name + "\n" + describe());
    }

    /** {@code WINDOW <type> <from> <to>}: {from, to} in epoch ms. */
    public long[] window(String type) {
        for (String line : stdoutLines()) {
            String[] parts = line.split(" ");
            if (parts.length == 4 && parts[0].equals("WINDOW") && parts[1].equals(type)) {
                return new long[] {Long.parseLong(parts[2]), Long.parseLong(parts[3])};
            }
        }
        throw new AssertionError("no 'WINDOW " + type + "' line in " + name + "\n" + describe());
    }

    /** {@code STEP-FAILED} lines: steps of the scenario that threw. */
    public List<String> stepFailures() {
        return stdoutLines().stream().filter(line -> line.startsWith("STEP-FAILED")).toList();
    }

    /** Whether main reached its last line. */
    public boolean done() {
        return stdoutLines().contains("DONE");
    }

    /** The events of one type, in arrival order. */
    public List<JsonNode> events(String type) {
        return events.stream().filter(event -> type.equals(event.path("type").asText())).toList();
    }

    /**
     * stderr as log records: a record starts with a line in the logger's format ({@code [thread] LEVEL logger - ...},
     * or a line starting with a level, or the JVM's {@code WARNING:}) and takes every line after it that does not
     * (a multi-line message, the echoed expression and its caret, a stack trace).
     */
    public List<String> logRecords() {
        List<String> records = new ArrayList<>();
        StringBuilder current = null;
        for (String line : stderr.split("\\R")) {
            if (RECORD_START.matcher(line).lookingAt() || current == null) {
                if (current != null) {
                    records.add(current.toString());
                }
                current = new StringBuilder(line);
            } else {
                current.append('\n').append(line);
            }
        }
        if (current != null && !current.isEmpty()) {
            records.add(current.toString());
        }
        return records;
    }

    /** Log records at ERROR whose text contains every one of {@code needles}. */
    public List<String> errorRecordsMentioning(String... needles) {
        return recordsAt(List.of("ERROR"), needles);
    }

    /** Log records at WARN or ERROR whose text contains every one of {@code needles}. */
    public List<String> warningsOrErrorsMentioning(String... needles) {
        return recordsAt(List.of("WARN", "ERROR"), needles);
    }

    private List<String> recordsAt(List<String> levels, String... needles) {
        return logRecords().stream()
                .filter(record -> {
                    String firstLine = record.lines().findFirst().orElse("");
                    return levels.stream().anyMatch(level -> firstLine.matches(".*\\b" + level + "\\b.*"));
                })
                .filter(record -> java.util.Arrays.stream(needles).allMatch(record::contains))
                .toList();
    }

    /** The shutdown summary "auditweave stopped in N ms: captured .., delivered .., ..." figures, if logged. */
    public Optional<Map<String, Long>> summary() {
        Matcher matcher = SUMMARY.matcher(stderr);
        if (!matcher.find()) {
            return Optional.empty();
        }
        Map<String, Long> figures = new LinkedHashMap<>();
        String[] names = {"ms", "captured", "delivered", "failed", "dropped", "lost"};
        for (int i = 0; i < names.length; i++) {
            figures.put(names[i], Long.parseLong(matcher.group(i + 1)));
        }
        return Optional.of(figures);
    }

    /** Everything worth seeing when an assertion about this run fails. */
    public String describe() {
        return "--- run " + name + ": exit " + (exitCode == null ? "none (killed after the time limit)" : exitCode)
                + ", " + requests.size() + " requests, " + events.size() + " events accepted\n--- command: "
                + String.join(" ", command) + "\n--- stdout:\n" + tail(stdout) + "\n--- stderr:\n" + tail(stderr);
    }

    private List<String> stdoutLines() {
        return stdout.lines().toList();
    }

    private static String tail(String text) {
        int max = 12_000;
        return text.length() <= max ? text : "...\n" + text.substring(text.length() - max);
    }
}
