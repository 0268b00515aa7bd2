package dev.auditweave.sink.kafka.it;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.sink.kafka.it.agent.KafkaScenarioMain;
import dev.auditweave.sink.kafka.it.woven.WovenUsers;
import java.time.Duration;
import java.util.Map;

/** The woven mode, in this JVM: auditweave started with the test's settings, the ajc-woven {@link WovenUsers}. */
final class WovenApp implements App {

    private final WovenUsers users = new WovenUsers();

    WovenApp(Map<String, String> settings) {
        Auditweave.start(settings, "KafkaDeliveryIT");
    }

    @Override
    public void emit(int from, int to) {
        for (int i = from; i <= to; i++) {
            users.blockUser("u-" + i, "spam");
        }
    }

    @Override
    public Map<String, Long> metrics() {
        return App.parse(KafkaScenarioMain.line(Auditweave.metrics("events")));
    }

    @Override
    public void close() {
        Auditweave.stop(Duration.ofSeconds(10));
    }
}
