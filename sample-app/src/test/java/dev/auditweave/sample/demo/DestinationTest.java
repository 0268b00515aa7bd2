package dev.auditweave.sample.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.sample.EventTypes;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DestinationTest {

    @Test
    void theAbuseServiceReceivesExactlyItsSeventeenTypes() {
        assertThat(EventTypes.ALL).filteredOn(Destination.ABUSE::receives)
                .containsExactlyInAnyOrderElementsOf(EventTypes.ABUSE_SERVICE);
    }

    @Test
    void theAuthEndpointReceivesOnlySignUpsAndSignInsFlat() {
        assertThat(EventTypes.ALL).filteredOn(Destination.AUTH::receives)
                .containsExactlyInAnyOrderElementsOf(EventTypes.AUTH_EVENTS);
        assertThat(Destination.AUTH.formatSetting()).isEqualTo("flat");
        assertThat(Destination.ABUSE.formatSetting()).isEqualTo("envelope");
    }

    @Test
    void theAuditLogReceivesEveryType() {
        assertThat(EventTypes.ALL).allMatch(Destination.AUDIT::receives);
    }

    @Test
    void aStarStandsForAnyTextAndTheRestIsLiteral() {
        Destination destination = new Destination("d", "test", List.of("*.deleted", "org.member_*"));

        assertThat(destination.receives("user.deleted")).isTrue();
        assertThat(destination.receives("org.member_added")).isTrue();
        assertThat(destination.receives("user.deleted.later")).isFalse();
        assertThat(destination.receives("orgXmember_added")).isFalse();
        assertThat(destination.typesSetting()).isEqualTo("*.deleted,org.member_*");
    }

    @Test
    void aDestinationWithoutTypesIsRefused() {
        assertThatThrownBy(() -> new Destination("d", "test", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("destination d needs at least one type pattern");
    }

    @Test
    void theChildrenGetThreeNamedSinksAndOnlyTheAbuseServiceGetsTheCredentials() {
        Map<String, String> properties = DemoLauncher.childProperties(URI.create("http://127.0.0.1:1/api/events"),
                URI.create("http://127.0.0.1:2/api/audit-log"), URI.create("http://127.0.0.1:1/api/auth-event"));

        assertThat(properties)
                .containsEntry("auditweave.sinks", "abuse,audit,auth")
                .containsEntry("auditweave.sink.abuse.url", "http://127.0.0.1:1/api/events")
                .containsEntry("auditweave.sink.abuse.types", "user.*,org.*,billing.*,stripe.*")
                .containsEntry("auditweave.sink.abuse.header.CF-Access-Client-Id",
                        "${ABUSE_SERVICE_CF_ACCESS_CLIENT_ID}")
                .containsEntry("auditweave.sink.audit.url", "http://127.0.0.1:2/api/audit-log")
                .containsEntry("auditweave.sink.audit.types", "*")
                .doesNotContainKey("auditweave.sink.audit.header.CF-Access-Client-Id")
                .containsEntry("auditweave.sink.auth.url", "http://127.0.0.1:1/api/auth-event")
                .containsEntry("auditweave.sink.auth.types", "auth.*")
                .containsEntry("auditweave.sink.auth.format", "flat")
                .containsEntry("auditweave.sink.auth.header.CF-Access-Client-Secret",
                        "${ABUSE_SERVICE_CF_ACCESS_CLIENT_SECRET}");
    }
}
