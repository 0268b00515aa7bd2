package dev.auditweave.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.EmittedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The results a sink answers with validate what they are given, naming it. */
class SendResultTest {

    private static final SinkEvent EVENT = new EmittedEvent("e1", "user.blocked", 1L, Map.of());

    @Test
    void retry_withANegativeRetryAfter_isRefused() {
        assertThatThrownBy(() -> SendResult.retry("503", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("retryAfter must not be negative, was PT-1S");
    }

    @Test
    void retry_withoutAReason_isRefusedNamingIt() {
        assertThatThrownBy(() -> SendResult.retry(null)).isInstanceOf(NullPointerException.class).hasMessage("reason");
    }

    @Test
    void rejected_withoutAReason_isRefusedNamingIt() {
        assertThatThrownBy(() -> SendResult.rejected(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("reason");
    }

    @Test
    void partial_withANegativeCount_isRefused() {
        assertThatThrownBy(() -> SendResult.partial(-1, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("delivered must not be negative, was -1");
    }

    @Test
    void partial_keepsACopyOfItsPoison() {
        List<SendResult.Poison> poisoned = new ArrayList<>(List.of(new SendResult.Poison(EVENT, "422")));
        SendResult.Partial partial = (SendResult.Partial) SendResult.partial(0, poisoned);
        poisoned.clear();

        assertThat(partial.poisoned()).hasSize(1);
    }

    @Test
    void poison_withoutAnEvent_isRefusedNamingIt() {
        assertThatThrownBy(() -> new SendResult.Poison(null, "422")).isInstanceOf(NullPointerException.class)
                .hasMessage("event");
    }

    @Test
    void anEmittedEvent_isASinkEvent() {
        assertThat(EVENT.id()).isEqualTo("e1");
        assertThat(EVENT.type()).isEqualTo("user.blocked");
    }
}
