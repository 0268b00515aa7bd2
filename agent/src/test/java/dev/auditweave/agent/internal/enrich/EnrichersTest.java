package dev.auditweave.agent.internal.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.EventEnricher;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding enrichers by name: added in code, or listed for ServiceLoader in a class loader's services file. */
class EnrichersTest {

    private final EventEnricher inCode = new Named("serviceLoaded");

    @AfterEach
    void removeAdded() {
        Enrichers.remove(inCode);
    }

    @Test
    void find_aProviderListedInTheLoadersServicesFile(@TempDir Path classes) throws IOException {
        try (URLClassLoader loader = servicesFile(classes, ServiceLoaded.class.getName())) {
            EventEnricher found = Enrichers.find("serviceLoaded", loader);

            assertThat(found).isInstanceOf(ServiceLoaded.class);
            assertThat(Enrichers.find("serviceLoaded", loader)).as("found once per loader").isSameAs(found);
            assertThat(Enrichers.known(loader)).contains("serviceLoaded");
        }
    }

    @Test
    void find_anotherLoaderDoesNotSeeTheProvider(@TempDir Path classes) throws IOException {
        try (URLClassLoader loader = servicesFile(classes, ServiceLoaded.class.getName());
             URLClassLoader other = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            assertThat(Enrichers.find("serviceLoaded", loader)).isNotNull();

            assertThat(Enrichers.find("serviceLoaded", other)).isNull();
        }
    }

    @Test
    void find_anEnricherAddedInCodeWinsOverAProviderOfTheSameName(@TempDir Path classes) throws IOException {
        try (URLClassLoader loader = servicesFile(classes, ServiceLoaded.class.getName())) {
            Enrichers.add(inCode);

            assertThat(Enrichers.find("serviceLoaded", loader)).isSameAs(inCode);
            Enrichers.remove(inCode);
            assertThat(Enrichers.find("serviceLoaded", loader)).isInstanceOf(ServiceLoaded.class);
        }
    }

    @Test
    void find_aProviderThatCannotBeLoadedIsLeftOut_theOthersAreFound(@TempDir Path classes) throws IOException {
        try (URLClassLoader loader = servicesFile(classes, "com.example.Missing", ServiceLoaded.class.getName())) {
            assertThat(Enrichers.find("serviceLoaded", loader)).isInstanceOf(ServiceLoaded.class);
            assertThat(Enrichers.known(loader)).doesNotContain("com.example.Missing");
        }
    }

    @Test
    void add_anEnricherWithoutAName_isRejectedNamingItsClass() {
        assertThatThrownBy(() -> Enrichers.add(new Named(" ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the enricher " + Named.class.getName() + " has no name (name() returned ' '):"
                        + " annotations refer to an enricher by name in enrich");
        assertThatThrownBy(() -> Enrichers.add(new Named(null)))
                .hasMessageContaining("name() returned null");
    }

    @Test
    void remove_onlyTheEnricherAddedUnderItsName() {
        Named other = new Named("serviceLoaded");
        Enrichers.add(inCode);

        Enrichers.remove(other);

        assertThat(Enrichers.added("serviceLoaded")).isSameAs(inCode);
    }

    private static URLClassLoader servicesFile(Path classes, String... providers) throws IOException {
        Path services = classes.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(EventEnricher.class.getName()), String.join("\n", providers) + "\n");
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, EnrichersTest.class.getClassLoader());
    }

    /** Listed in the services files the tests write. */
    public static final class ServiceLoaded implements EventEnricher {
        @Override
        public String name() {
            return "serviceLoaded";
        }

        @Override
        public Map<String, ?> enrich(String type, Map<String, Object> data) {
            return Map.of("service_loaded", true);
        }
    }

    private record Named(String name) implements EventEnricher {
        @Override
        public Map<String, ?> enrich(String type, Map<String, Object> data) {
            return Map.of();
        }
    }
}
