package dev.auditweave.sink.kafka.it.agent;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The agent-mode child JVM: configured by system properties, driven by its parent one command a line on stdin,
 * answering one line on stdout each: {@code emit <from> <to>} blocks users u-from to u-to ({@code emitted <n>}),
 * {@code metrics} prints the counters of sink {@code events} ({@code metrics delivered=...}), {@code stop} stops
 * auditweave and exits ({@code stopped <clean>}).
 */
public final class KafkaScenarioMain {

    private KafkaScenarioMain() {
    }

    public static void main(String[] args) throws IOException {
        AgentUsers users = new AgentUsers();
        System.out.println("ready agentAttached=" + Auditweave.agentAttached());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.strip().split(" ");
            switch (words[0]) {
                case "emit" -> {
                    int from = Integer.parseInt(words[1]);
                    int to = Integer.parseInt(words[2]);
                    for (int i = from; i <= to; i++) {
                        users.blockUser("u-" + i, "spam");
                    }
                    System.out.println("emitted " + (to - from + 1));
                }
                case "metrics" -> System.out.println("metrics " + line(Auditweave.metrics("events")));
                case "stop" -> {
                    System.out.println("stopped " + Auditweave.stop(Duration.ofSeconds(10)));
                    return;
                }
                default -> System.out.println("unknown " + line);
            }
        }
    }

    /** The counters the test reads, as {@code name=value} words. */
    public static String line(AuditweaveMetrics metrics) {
        return "delivered=" + metrics.delivered() + " retried=" + metrics.retried() + " spooled=" + metrics.spooled()
                + " replayed=" + metrics.replayed() + " failed=" + metrics.failed() + " dropped=" + metrics.dropped()
                + " deadLettered=" + metrics.deadLettered() + " lost=" + metrics.lost();
    }
}
