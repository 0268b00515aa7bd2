package dev.auditweave.agent.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.Actor;
import dev.auditweave.agent.ActorResolver;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class SpringSecurityActorsTest {

    private final ActorResolver spring = SpringSecurityActors.find(SpringSecurityActorsTest.class.getClassLoader());

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void foundWhereSpringSecurityIsVisible() {
        assertThat(spring).isInstanceOf(SpringSecurityActors.class);
    }

    @Test
    void absentWhereSpringSecurityIsNotVisible() throws IOException {
        try (URLClassLoader plain = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThat(SpringSecurityActors.find(plain)).isNull();
        }
    }

    @Test
    void anAuthenticatedUserIsTheActorByName() {
        signIn(UsernamePasswordAuthenticationToken.authenticated("ada@example.com", "secret", List.of()));

        assertThat(spring.resolve()).isEqualTo(Actor.user("ada@example.com"));
    }

    @Test
    void noAuthenticationIsAnAnonymousCaller() {
        assertThat(spring.resolve()).isNull();
    }

    @Test
    void anAuthenticationNotYetAuthenticatedIsAnAnonymousCaller() {
        signIn(UsernamePasswordAuthenticationToken.unauthenticated("ada@example.com", "wrong password"));

        assertThat(spring.resolve()).isNull();
    }

    @Test
    void springSecuritysAnonymousTokenIsAnAnonymousCaller() {
        signIn(new AnonymousAuthenticationToken("key", "anonymousUser",
                List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));

        assertThat(spring.resolve()).isNull();
    }

    @Test
    void aBlankNameIsAnAnonymousCaller() {
        signIn(new Named(() -> " "));

        assertThat(spring.resolve()).isNull();
    }

    @Test
    void anAuthenticationWhoseNameThrowsMakesTheResolverThrowTheSame() {
        IllegalStateException failure = new IllegalStateException("user directory down");
        signIn(new Named(() -> {
            throw failure;
        }));

        assertThatThrownBy(spring::resolve).isSameAs(failure);
    }

    private static void signIn(Authentication authentication) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }

    /** An authenticated token whose name comes from {@code name}. */
    private static final class Named extends AbstractAuthenticationToken {
        private final java.util.function.Supplier<String> name;

        Named(java.util.function.Supplier<String> name) {
            super(List.of());
            this.name = name;
            setAuthenticated(true);
        }

        @Override
        public String getName() {
            return name.get();
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return "principal";
        }
    }
}
