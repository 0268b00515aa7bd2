package dev.auditweave.agent.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.Actor;
import dev.auditweave.agent.ActorResolver;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderActorResolversTest {

    /** Listed in the services file of {@link #withServices}. */
    public static final class Listed implements ActorResolver {
        @Override
        public Actor resolve() {
            return Actor.system("Listed");
        }
    }

    @TempDir
    Path services;

    @Test
    void serviceLoaderResolversComeFirstThenSpringSecurity() throws IOException {
        try (URLClassLoader loader = withServices(Listed.class.getName())) {
            List<ActorResolver> resolvers = LoaderActorResolvers.forLoader(loader);

            assertThat(resolvers).hasSize(2);
            assertThat(resolvers.get(0)).isInstanceOf(Listed.class);
            assertThat(resolvers.get(1)).as("Spring Security is on the test class path")
                    .isInstanceOf(SpringSecurityActors.class);
        }
    }

    @Test
    void aProviderThatCannotBeLoadedIsLeftOutAndTheNextIsStillFound() throws IOException {
        try (URLClassLoader loader = withServices("com.acme.MissingResolver", Listed.class.getName())) {
            List<ActorResolver> resolvers = LoaderActorResolvers.forLoader(loader);

            assertThat(resolvers).hasSize(2);
            assertThat(resolvers.get(0)).isInstanceOf(Listed.class);
        }
    }

    @Test
    void theResolversAreFoundOncePerClassLoader() throws IOException {
        try (URLClassLoader loader = withServices(Listed.class.getName())) {
            List<ActorResolver> first = LoaderActorResolvers.forLoader(loader);

            assertThat(LoaderActorResolvers.forLoader(loader)).isSameAs(first);
            assertThat(LoaderActorResolvers.forLoader(loader).get(0)).isSameAs(first.get(0));
        }
    }

    @Test
    void aLoaderThatSeesNoServicesAndNoSpringSecurityHasNoResolvers() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThat(LoaderActorResolvers.forLoader(loader)).isEmpty();
        }
    }

    @Test
    void aCallersClassLoaderProvidesItsResolvers() {
        assertThat(LoaderActorResolvers.of(LoaderActorResolversTest.class))
                .isSameAs(LoaderActorResolvers.forLoader(LoaderActorResolversTest.class.getClassLoader()));
    }

    private URLClassLoader withServices(String... providers) throws IOException {
        Path file = services.resolve("META-INF/services/" + ActorResolver.class.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", providers) + "\n");
        return new URLClassLoader(new URL[] {services.toUri().toURL()}, LoaderActorResolversTest.class.getClassLoader());
    }
}
