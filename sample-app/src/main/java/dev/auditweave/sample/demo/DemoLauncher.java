package dev.auditweave.sample.demo;

import dev.auditweave.sample.script.Script;
import dev.auditweave.sample.script.Step;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo: starts two stand-in services in-process (the abuse service, with its {@code /api/events} and
 * {@code /api/auth-event} endpoints, and the audit log), runs SampleApp twice in child JVMs (under the
 * {@code -javaagent}, then the build-time woven classes without an agent), both sending to them over HTTP through
 * three named sinks ({@code auditweave.sinks=abuse,audit,auth}), and reports for each run and destination what
 * arrived, what was rightly not sent and which duplicates were dropped, whether the events both abuse and audit
 * take arrived at both as the same event, then whether the two runs produced the same events. Exits 1 when an
 * expectation is not met.
 *
 * <p>The CF-Access credentials come from {@code ABUSE_SERVICE_CF_ACCESS_CLIENT_ID} and
 * {@code ABUSE_SERVICE_CF_ACCESS_CLIENT_SECRET} when set (demo values otherwise). The children get them in
 * their environment and reference them as {@code ${VAR}} in their header properties, which auditweave resolves.
 *
 * <p>The sample abuse service ({@code dev.auditweave.sample.abuse}) runs beside them in its own JVM under the
 * {@code -javaagent}: the children send to it too, through two more sinks ({@code live}, {@code live-auth}), the demo
 * posts each run's "rightly not sent" list to it, and its live page shows it all. With {@code --keep}, the demo
 * leaves it up until Ctrl-C.
 */
public final class DemoLauncher {

    static final String CLIENT_ID_VARIABLE = "ABUSE_SERVICE_CF_ACCESS_CLIENT_ID";
    static final String CLIENT_SECRET_VARIABLE = "ABUSE_SERVICE_CF_ACCESS_CLIENT_SECRET";

    private DemoLauncher() {
    }

    static final String KEEP = "--keep";

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            if (!arg.equals(KEEP)) {
                System.err.println("unknown argument " + arg + ": the demo takes only " + KEEP);
                System.exit(2);
            }
        }
        System.exit(run(System.out, List.of(args).contains(KEEP)));
    }

    static int run(PrintStream out, boolean keep) throws Exception {
        Path root = RepoRoot.locate();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(CLIENT_ID_VARIABLE, fromEnvironment(CLIENT_ID_VARIABLE, "auditweave-demo-client"));
        environment.put(CLIENT_SECRET_VARIABLE, fromEnvironment(CLIENT_SECRET_VARIABLE, UUID.randomUUID().toString()));
        List<Mode> modes = List.of(Mode.javaagent(root), Mode.woven(root));
        List<Step> steps = Script.steps();
        Map<Destination, List<Step>> stepsByDestination = new LinkedHashMap<>();
        for (Destination destination : Destination.ALL) {
            stepsByDestination.put(destination, steps.stream().map(step -> step.only(destination::receives)).toList());
        }
        Report report = new Report(out);

        try (AbuseServiceReceiver abuse = AbuseServiceReceiver.start(
                environment.get(CLIENT_ID_VARIABLE), environment.get(CLIENT_SECRET_VARIABLE));
             AuditLogReceiver audit = AuditLogReceiver.start();
             LiveAbuseService live = LiveAbuseService.start(root, environment, out)) {
            out.println("auditweave demo: the stand-in abuse service listens on " + abuse.eventsUrl() + " and "
                    + abuse.authEventUrl() + ", the stand-in audit log on " + audit.eventsUrl());
            out.println("The sample abuse service's live page: " + live.pageUrl());
            report.script(steps);
            Map<String, String> properties = withLiveService(childProperties(abuse.eventsUrl(), audit.eventsUrl(),
                    abuse.authEventUrl()), live.eventsUrl(), live.authEventUrl());

            boolean allPassed = true;
            List<Map<Destination, RunResult>> results = new ArrayList<>();
            for (int i = 0; i < modes.size(); i++) {
                Mode mode = modes.get(i);
                String name = "Mode " + (char) ('A' + i) + " (" + mode.name() + ")";
                out.printf("%n=== %s: %s ===%n", name, mode.title());
                List<String> command = ChildJvm.command(mode, properties);
                out.println("$ " + display(command, root));
                ChildRun child = ChildJvm.run(command, environment, root, out);
                report.child(child);
                Map<Destination, RunResult> byDestination = new LinkedHashMap<>();
                byDestination.put(Destination.ABUSE, RunCheck.check(stepsByDestination.get(Destination.ABUSE),
                        abuse.takeAll(), child.startMillis(), child.endMillis()));
                byDestination.put(Destination.AUDIT, RunCheck.check(stepsByDestination.get(Destination.AUDIT),
                        audit.takeAll(), child.startMillis(), child.endMillis()));
                byDestination.put(Destination.AUTH, RunCheck.checkFlat(stepsByDestination.get(Destination.AUTH),
                        abuse.takeAuthEvents()));
                boolean passed = child.exitCode() == 0;
                for (Map.Entry<Destination, RunResult> result : byDestination.entrySet()) {
                    report.destination(result.getKey(), result.getValue());
                    passed &= result.getValue().passed();
                }
                DestinationComparison sameAction = DestinationComparison.compare(
                        Destination.ABUSE.sink(), byDestination.get(Destination.ABUSE),
                        Destination.AUDIT.sink(), byDestination.get(Destination.AUDIT));
                report.sameAction(Destination.ABUSE, Destination.AUDIT, sameAction);
                passed &= sameAction.passed();
                live.postNotSent(mode.name(), byDestination, out);
                report.verdict(name, passed);
                allPassed &= passed;
                results.add(byDestination);
            }

            out.printf("%n=== Both modes: the same events? ===%n");
            for (Destination destination : Destination.ALL) {
                RunResult first = results.get(0).get(destination);
                RunResult second = results.get(1).get(destination);
                ModeComparison comparison = destination.flat()
                        ? ModeComparison.compareFlat(modes.get(0).name(), first, modes.get(1).name(), second)
                        : ModeComparison.compare(modes.get(0).name(), first, modes.get(1).name(), second);
                report.comparison(destination, comparison);
                allPassed &= comparison.same();
            }

            out.printf("%nRESULT: %s%n", allPassed ? "PASS, every expectation met in both modes, at every destination"
                    : "FAIL, see the FAIL lines above");
            out.println("The sample abuse service's live page: " + live.pageUrl());
            if (keep) {
                out.println("(" + KEEP + ": it stays up until Ctrl-C)");
                live.awaitExit();
            }
            return allPassed ? 0 : 1;
        }
    }

    /**
     * The auditweave settings of the children: three named sinks, {@code abuse} (the abuse service's types, with
     * the CF-Access headers as {@code ${VAR}} references that auditweave resolves), {@code audit} (every event) and
     * {@code auth} (the auth events, flat, to the abuse service's {@code /api/auth-event}, with the same headers).
     */
    static Map<String, String> childProperties(URI abuseUrl, URI auditUrl, URI authEventUrl) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("auditweave.sinks", String.join(",",
                Destination.ALL.stream().map(Destination::sink).toList()));
        String abuse = "auditweave.sink." + Destination.ABUSE.sink() + ".";
        properties.put(abuse + "type", "http");
        properties.put(abuse + "url", abuseUrl.toString());
        properties.put(abuse + "types", Destination.ABUSE.typesSetting());
        properties.put(abuse + "header.CF-Access-Client-Id", "${" + CLIENT_ID_VARIABLE + "}");
        properties.put(abuse + "header.CF-Access-Client-Secret", "${" + CLIENT_SECRET_VARIABLE + "}");
        String audit = "auditweave.sink." + Destination.AUDIT.sink() + ".";
        properties.put(audit + "type", "http");
        properties.put(audit + "url", auditUrl.toString());
        properties.put(audit + "types", Destination.AUDIT.typesSetting());
        String auth = "auditweave.sink." + Destination.AUTH.sink() + ".";
        properties.put(auth + "type", "http");
        properties.put(auth + "url", authEventUrl.toString());
        properties.put(auth + "types", Destination.AUTH.typesSetting());
        properties.put(auth + "format", Destination.AUTH.formatSetting());
        properties.put(auth + "header.CF-Access-Client-Id", "${" + CLIENT_ID_VARIABLE + "}");
        properties.put(auth + "header.CF-Access-Client-Secret", "${" + CLIENT_SECRET_VARIABLE + "}");
        return properties;
    }

    /**
     * {@code properties} with two more sinks to the sample abuse service: {@code live} (the abuse service's types,
     * as {@code abuse}) and {@code live-auth} (the auth events, flat, as {@code auth}), with the same headers.
     */
    static Map<String, String> withLiveService(Map<String, String> properties, URI eventsUrl, URI authEventUrl) {
        Map<String, String> with = new LinkedHashMap<>(properties);
        with.put("auditweave.sinks", properties.get("auditweave.sinks") + ",live,live-auth");
        copySink(with, Destination.ABUSE.sink(), "live", eventsUrl);
        copySink(with, Destination.AUTH.sink(), "live-auth", authEventUrl);
        return with;
    }

    private static void copySink(Map<String, String> properties, String from, String to, URI url) {
        String prefix = "auditweave.sink." + from + ".";
        Map<String, String> copy = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                copy.put("auditweave.sink." + to + "." + key.substring(prefix.length()), value);
            }
        });
        copy.put("auditweave.sink." + to + ".url", url.toString());
        properties.putAll(copy);
    }

    private static String fromEnvironment(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * The command for people: paths relative to the repository, the class path's lib jars abbreviated, and
     * values the shell would expand ({@code ${VAR}}, {@code *}) quoted.
     */
    private static String display(List<String> command, Path root) {
        String prefix = root + "/";
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < command.size(); i++) {
            String part = command.get(i);
            boolean classPath = i > 0 && command.get(i - 1).equals("-cp");
            if (classPath) {
                String[] entries = part.split(System.getProperty("path.separator"));
                part = entries[0] + System.getProperty("path.separator")
                        + Path.of(entries[0]).resolveSibling("lib") + "/*.jar (" + (entries.length - 1) + " jars)";
            }
            part = part.replace(prefix, "");
            shown.add(!classPath && (part.contains("${") || part.contains("*")) ? "'" + part + "'" : part);
        }
        return String.join(" ", shown);
    }
}
