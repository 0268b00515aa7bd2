package dev.auditweave.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordKeyTest {

    private static String keyOf(String path, Map<String, Object> data) {
        byte[] key = RecordKey.parse(path).of(new TestEvent("e-1", "user.blocked", 1L, data));
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    // reading

    @Test
    void dataField_isTheFieldsTextInUtf8() {
        assertThat(keyOf("data.kilo_user_id", Map.of("kilo_user_id", "ü-1"))).isEqualTo("ü-1");
    }

    @Test
    void nestedField_walksMaps() {
        assertThat(keyOf("data.org.id", Map.of("org", Map.of("id", 42L)))).isEqualTo("42");
    }

    @Test
    void idAndType_areTheEventsOwn() {
        assertThat(keyOf("id", Map.of())).isEqualTo("e-1");
        assertThat(keyOf("type", Map.of())).isEqualTo("user.blocked");
    }

    @Test
    void missingField_givesNoKey() {
        assertThat(keyOf("data.kilo_user_id", Map.of("reason", "spam"))).isNull();
    }

    @Test
    void nullField_givesNoKey() {
        Map<String, Object> data = new HashMap<>();
        data.put("kilo_user_id", null);
        assertThat(keyOf("data.kilo_user_id", data)).isNull();
    }

    @Test
    void pathThroughAValueThatIsNoMap_givesNoKey() {
        assertThat(keyOf("data.tags.first", Map.of("tags", List.of("a")))).isNull();
    }

    @Test
    void none_givesNoKey() {
        assertThat(RecordKey.none().of(TestEvent.blocked("e-1", "u-1"))).isNull();
    }

    // bad paths

    @Test
    void parse_pathNotUnderData_isAnErrorNamingIt() {
        assertThatThrownBy(() -> RecordKey.parse("kilo_user_id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'kilo_user_id' is not a key path: expected id, type or data.<field>, such as"
                        + " data.kilo_user_id");
    }

    @Test
    void parse_dataAlone_isAnError() {
        assertThatThrownBy(() -> RecordKey.parse("data")).hasMessageContaining("'data' is not a key path");
    }

    @Test
    void parse_emptyName_isAnErrorNamingThePart() {
        assertThatThrownBy(() -> RecordKey.parse("data..id"))
                .hasMessageContaining("'data..id' is not a key path: '' is not a field name");
    }

    @Test
    void parse_nameStartingWithADigit_isAnError() {
        assertThatThrownBy(() -> RecordKey.parse("data.1st"))
                .hasMessageContaining("'1st' is not a field name");
    }
}
