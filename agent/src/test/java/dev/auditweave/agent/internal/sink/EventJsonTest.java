package dev.auditweave.agent.internal.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditweave.agent.internal.event.Event;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void writesTheEnvelopeWithNestedValues() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kilo_user_id", "u-1");
        data.put("reason", null);
        data.put("microdollars", 1_500_000L);
        data.put("ratio", 0.25);
        data.put("total", new BigDecimal("12345678901234567890.5"));
        data.put("has_sso", true);
        data.put("org_memberships", List.of(Map.of("organization_id", "o-1")));

        JsonNode body = json.readTree(EventJson.envelope(List.of(new Event("i", "org.member_added", 5L, data))));

        JsonNode event = body.path("events").get(0);
        assertThat(event.path("id").asText()).isEqualTo("i");
        assertThat(event.path("type").asText()).isEqualTo("org.member_added");
        assertThat(event.path("occurred_at").asLong()).isEqualTo(5L);
        JsonNode written = event.path("data");
        assertThat(written.path("reason").isNull()).isTrue();
        assertThat(written.path("microdollars").asLong()).isEqualTo(1_500_000L);
        assertThat(written.path("ratio").asDouble()).isEqualTo(0.25);
        assertThat(written.path("total").decimalValue()).isEqualByComparingTo("12345678901234567890.5");
        assertThat(written.path("has_sso").asBoolean()).isTrue();
        assertThat(written.path("org_memberships").get(0).path("organization_id").asText()).isEqualTo("o-1");
    }

    @Test
    void nonFiniteNumbersBecomeNullSoTheBatchStaysValidJson() throws Exception {
        JsonNode event = json.readTree(EventJson.event(new Event("i", "t", 1L, Map.of("x", Double.NaN))));

        assertThat(event.path("data").path("x").isNull()).isTrue();
    }
}
