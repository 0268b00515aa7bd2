package dev.auditweave.spring.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.EmitSite;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.spring.AuditweaveEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/** A real Boot application (Data JPA on H2, actuator, Micrometer): repository interface methods emit exactly once. */
@SpringBootTest(properties = {
        "auditweave.sink=memory",
        "auditweave.batch.max-delay-ms=0",
        "management.endpoints.web.exposure.include=health,auditweave",
        "spring.jpa.hibernate.ddl-auto=create-drop"})
class RepositoryCoverageTest {

    private static final Duration FLUSH = Duration.ofSeconds(10);

    @Autowired
    private AccountRepository accounts;

    @Autowired
    private MeterRegistry registry;

    @Autowired
    private AuditweaveEndpoint endpoint;

    @BeforeEach
    void setUp() {
        Auditweave.flush(FLUSH);
        MemorySink.shared().clear();
        accounts.deleteAll();
    }

    @Test
    void repositoryMethod_emitsExactlyOnce() {
        accounts.save(new Account(7L));

        assertThat(accounts.block(7L)).isEqualTo(1);
        assertThat(Auditweave.flush(FLUSH)).isTrue();

        assertThat(MemorySink.shared().events()).extracting(Event::type, Event::data)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("account.blocked", Map.of("account_id", 7L)));
    }

    @Test
    void repositoryMethod_guardFalse_emitsNothing() {
        assertThat(accounts.block(404L)).isZero();
        assertThat(Auditweave.flush(FLUSH)).isTrue();

        assertThat(MemorySink.shared().events()).isEmpty();
    }

    @Test
    void repositoryMethod_throwing_passesTheExceptionAndEmitsNothing() {
        // Spring Data translates the exception inside the proxy; the starter's interceptor, outermost, passes on
        // what it got, untouched.
        assertThatThrownBy(() -> accounts.failing(3L)).isInstanceOf(InvalidDataAccessApiUsageException.class)
                .rootCause().isInstanceOf(IllegalStateException.class).hasMessage("boom 3");
        assertThat(Auditweave.flush(FLUSH)).isTrue();

        assertThat(MemorySink.shared().events()).isEmpty();
    }

    @Test
    void meters_inBootsRegistry_countDeliveries() {
        double before = registry.get("auditweave.events").tags("sink", "memory", "outcome", "delivered")
                .functionCounter().count();
        accounts.save(new Account(8L));
        accounts.block(8L);
        assertThat(Auditweave.flush(FLUSH)).isTrue();

        assertThat(registry.get("auditweave.events").tags("sink", "memory", "outcome", "delivered")
                .functionCounter().count()).isEqualTo(before + 1);
    }

    @Test
    void endpoint_listsTheRepositoryMethod_preparedAtStartUp() {
        assertThat(endpoint.report().sites()).filteredOn(site -> site.className().equals(AccountRepository.class.getName()))
                .extracting(EmitSite::method, EmitSite::type, EmitSite::enabled)
                .contains(org.assertj.core.groups.Tuple.tuple("block(long)", "account.blocked", true),
                        org.assertj.core.groups.Tuple.tuple("failing(long)", "account.never", true));
    }
}
