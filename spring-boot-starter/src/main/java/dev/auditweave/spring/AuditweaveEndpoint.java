package dev.auditweave.spring;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.EmitSite;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The actuator endpoint {@code auditweave}: every emit site of the application (class, method, event type, guard,
 * the sinks it goes to; a disabled one with the reason, such as an expression error) and the counters, in all and
 * per sink. The sites are those of the context's beans, compiled when the context started.
 *
 * <pre>{@code
 * management.endpoints.web.exposure.include=health,auditweave
 * GET /actuator/auditweave
 * {"sites":[{"className":"com.example.UserService","method":"blockUser(String, String)","type":"user.blocked",
 *            "guard":"RETURNED_ROWS > 0","sinks":["http"],"enabled":true,"reason":""}, ...],
 *  "metrics":{"captured":12,...}, "sinks":{"http":{"delivered":12,...}}}
 * }</pre>
 */
@Endpoint(id = "auditweave")
public final class AuditweaveEndpoint {

    AuditweaveEndpoint() {
    }

    /**
     * What the endpoint shows.
     *
     * @param sites   every emit site, sorted by class, method and type
     * @param metrics the counters of the whole runtime
     * @param sinks   the counters per sink, in configuration order
     */
    public record Report(List<EmitSite> sites, AuditweaveMetrics metrics, Map<String, AuditweaveMetrics> sinks) {
    }

    @ReadOperation
    public Report report() {
        Map<String, AuditweaveMetrics> sinks = new LinkedHashMap<>();
        for (String sink : Auditweave.sinkNames()) {
            sinks.put(sink, Auditweave.metrics(sink));
        }
        return new Report(Auditweave.emitSites(), Auditweave.metrics(), sinks);
    }
}
