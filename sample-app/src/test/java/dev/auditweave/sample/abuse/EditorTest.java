package dev.auditweave.sample.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EditorTest {

    @Test
    void mayMark_onlyTheirOrganisation() {
        Editor eve = Editor.parse("eve@acme.example=o-acme");

        assertThat(eve.mayMark("o-acme")).isTrue();
        assertThat(eve.mayMark("o-globex")).isFalse();
        assertThat(eve.mayMark(null)).isFalse();
    }

    @Test
    void mayMark_anyOrganisation() {
        Editor ops = Editor.parse("ops@example.com=*");

        assertThat(ops.mayMark("o-globex")).isTrue();
        assertThat(ops.mayMark(null)).isTrue();
    }

    @Test
    void parse_withoutOrganisation() {
        assertThatThrownBy(() -> Editor.parse("eve@acme.example"))
                .hasMessage("an editor is email=organization (or email=*), got 'eve@acme.example'");
        assertThatThrownBy(() -> Editor.parse("eve@acme.example= "))
                .hasMessageContaining("needs an organisation id");
    }

    @Test
    void verdict_unknownLabel() {
        assertThatThrownBy(() -> Verdict.of("maybe"))
                .hasMessage("unknown verdict 'maybe': expected one of confirmed, false_positive");
    }
}
