package dev.auditweave.sample.demo;

import dev.auditweave.sample.script.Script;
import dev.auditweave.sample.script.Step;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo: starts the stand-in abuse service in-process, runs SampleApp twice in child JVMs (under the
 * {@code -javaagent}, then the build-time woven classes without an agent), both sending to it over HTTP, and
 * reports for each run what arrived, what was rightly not sent and which duplicates were dropped, then
 * whether the two runs produced the same events. Exits 1 when an expectation is not met.
 *
 * <p>The CF-Access credentials come from {@code ABUSE_SERVICE_CF_ACCESS_CLIENT_ID} and
 * {@code ABUSE_SERVICE_CF_ACCESS_CLIENT_SECRET} when set (demo values otherwise). The children get them in
 * their environment and reference them as {@code ${VAR}} in their header properties, which auditweave resolves.
 */
public final class DemoLauncher {

    static final String CLIENT_ID_VARIABLE = "ABUSE_SERVICE_CF_ACCESS_CLIENT_ID";
    static final String CLIENT_SECRET_VARIABLE = "ABUSE_SERVICE_CF_ACCESS_CLIENT_SECRET";

    private DemoLauncher() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(System.out));
    }

    static int run(PrintStream out) throws Exception {
        Path root = RepoRoot.locate();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(CLIENT_ID_VARIABLE, fromEnvironment(CLIENT_ID_VARIABLE, "auditweave-demo-client"));
        environment.put(CLIENT_SECRET_VARIABLE, fromEnvironment(CLIENT_SECRET_VARIABLE, UUID.randomUUID().toString()));
        List<Mode> modes = List.of(Mode.javaagent(root), Mode.woven(root));
        List<Step> steps = Script.steps();
        Report report = new Report(out);

        try (AbuseServiceReceiver receiver = AbuseServiceReceiver.start(
                environment.get(CLIENT_ID_VARIABLE), environment.get(CLIENT_SECRET_VARIABLE))) {
            out.println("auditweave demo: the stand-in abuse service listens on " + receiver.eventsUrl());
            report.script(steps);
            Map<String, String> properties = childProperties(receiver);

            boolean allPassed = true;
            Map<Mode, RunResult> results = new LinkedHashMap<>();
            for (int i = 0; i < modes.size(); i++) {
                Mode mode = modes.get(i);
                String name = "Mode " + (char) ('A' + i) + " (" + mode.name() + ")";
                out.printf("%n=== %s: %s ===%n", name, mode.title());
                List<String> command = ChildJvm.command(mode, properties);
                out.println("$ " + display(command, root));
                ChildRun child = ChildJvm.run(command, environment, root, out);
                RunResult result = RunCheck.check(steps, receiver.takeAll(), child.startMillis(), child.endMillis());
                report.run(child, result);
                boolean passed = child.exitCode() == 0 && result.passed();
                report.verdict(name, passed);
                allPassed &= passed;
                results.put(mode, result);
            }

            out.printf("%n=== Both modes: the same events? ===%n");
            ModeComparison comparison = ModeComparison.compare(
                    modes.get(0).name(), results.get(modes.get(0)), modes.get(1).name(), results.get(modes.get(1)));
            report.comparison(comparison);
            allPassed &= comparison.same();

            out.printf("%nRESULT: %s%n", allPassed ? "PASS, every expectation met in both modes"
                    : "FAIL, see the FAIL lines above");
            return allPassed ? 0 : 1;
        }
    }

    /** The auditweave settings of the children; the header values are {@code ${VAR}} references, resolved by auditweave. */
    static Map<String, String> childProperties(AbuseServiceReceiver receiver) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("auditweave.sink", "http");
        properties.put("auditweave.http.url", receiver.eventsUrl().toString());
        properties.put("auditweave.http.header.CF-Access-Client-Id", "${" + CLIENT_ID_VARIABLE + "}");
        properties.put("auditweave.http.header.CF-Access-Client-Secret", "${" + CLIENT_SECRET_VARIABLE + "}");
        return properties;
    }

    private static String fromEnvironment(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The command for people: paths relative to the repository, the class path's lib jars abbreviated. */
    private static String display(List<String> command, Path root) {
        String prefix = root + "/";
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < command.size(); i++) {
            String part = command.get(i);
            if (i > 0 && command.get(i - 1).equals("-cp")) {
                String[] entries = part.split(System.getProperty("path.separator"));
                part = entries[0] + System.getProperty("path.separator")
                        + Path.of(entries[0]).resolveSibling("lib") + "/*.jar (" + (entries.length - 1) + " jars)";
            }
            part = part.replace(prefix, "");
            shown.add(part.contains("${") ? "'" + part + "'" : part);
        }
        return String.join(" ", shown);
    }
}
