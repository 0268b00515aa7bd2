package dev.auditweave.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Kilo Pass streak on H2, without auditweave. */
class KiloPassServiceTest {

    private SampleServices app;

    @BeforeEach
    void setUp() throws SQLException {
        app = SampleServices.inMemory("kilo-pass-" + UUID.randomUUID());
        app.users().register("u-1", "one@example.com");
    }

    @Test
    void renewalsExtendTheStreakAlsoAcrossTiers() throws SQLException {
        assertThat(app.kiloPass().renew("u-1", "plus")).isEqualTo(new KiloPass("u-1", "plus", "active", 1));
        assertThat(app.kiloPass().renew("u-1", "plus")).isEqualTo(new KiloPass("u-1", "plus", "active", 2));
        assertThat(app.kiloPass().renew("u-1", "max")).isEqualTo(new KiloPass("u-1", "max", "active", 3));
    }

    @Test
    void aLapseEndsTheStreakOnceAndARenewalStartsANewOne() throws SQLException {
        app.kiloPass().renew("u-1", "plus");
        app.kiloPass().renew("u-1", "plus");

        assertThat(app.kiloPass().lapse("u-1")).isEqualTo(new KiloPass("u-1", "plus", "lapsed", 0));
        assertThat(app.kiloPass().lapse("u-1")).isNull();
        assertThat(app.kiloPass().renew("u-1", "basic")).isEqualTo(new KiloPass("u-1", "basic", "active", 1));
    }

    @Test
    void aLapseWithoutAPassChangesNothing() throws SQLException {
        assertThat(app.kiloPass().lapse("u-1")).isNull();
    }

    @Test
    void anUnknownTierIsRefusedNamingTheTiers() {
        assertThatThrownBy(() -> app.kiloPass().renew("u-1", "gold"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'gold'")
                .hasMessageContaining("plus");
    }

    @Test
    void deletingTheUserDeletesThePass() throws SQLException {
        app.kiloPass().renew("u-1", "plus");

        assertThat(app.users().deleteUser("u-1")).isEqualTo(1);
        assertThat(app.kiloPass().lapse("u-1")).isNull();
    }
}
