package dev.auditweave.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Selected}: an ask for an argument round-trips, and no other answer of step one reads as one. */
class SelectedTest {

    @Test
    void anAsk_carriesItsArgumentAndItsCandidates() {
        long asked = Selected.askingArgument(5, 0b1011L);

        assertThat(Selected.asksArgument(asked)).isTrue();
        assertThat(Selected.argumentIndex(asked)).isEqualTo(5);
        assertThat(Selected.candidates(asked)).isEqualTo(0b1011L);
    }

    @Test
    void theLargestAsk_keepsEveryPart() {
        long asked = Selected.askingArgument(255, 0xFFFF_FFFFL);

        assertThat(Selected.argumentIndex(asked)).isEqualTo(255);
        assertThat(Selected.candidates(asked)).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void nothing_every_andPlainBits_areNotAsks_andAreTheirOwnCandidates() {
        for (long answer : new long[] {0L, -1L, 1L, 0xFFFF_FFFFL, Long.MAX_VALUE}) {
            assertThat(Selected.asksArgument(answer)).as("%x", answer).isFalse();
            assertThat(Selected.candidates(answer)).isEqualTo(answer);
        }
    }

    @Test
    void anAskOutsideItsRange_isRefused_namingWhatIsWrong() {
        assertThatThrownBy(() -> Selected.askingArgument(-1, 1L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a parameter index is 0 to 255, not -1");
        assertThatThrownBy(() -> Selected.askingArgument(256, 1L)).hasMessage("a parameter index is 0 to 255, not 256");
        assertThatThrownBy(() -> Selected.askingArgument(0, 0L))
                .hasMessage("an ask carries 1 to 32 annotations, not 0");
        assertThatThrownBy(() -> Selected.askingArgument(0, 1L << 32))
                .hasMessage("an ask carries 1 to 32 annotations, not 1" + "0".repeat(32));
    }
}
