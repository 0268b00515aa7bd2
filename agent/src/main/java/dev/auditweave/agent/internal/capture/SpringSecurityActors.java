package dev.auditweave.agent.internal.capture;

import dev.auditweave.agent.Actor;
import dev.auditweave.agent.ActorResolver;
import dev.auditweave.agent.internal.log.Loggers;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.slf4j.Logger;

/**
 * The built-in {@link ActorResolver} for Spring Security, asked after every other resolver when
 * {@code org.springframework.security.core.context.SecurityContextHolder} is visible from the application's class
 * loader. Reaches Spring Security through method handles looked up once per class loader, so auditweave has no
 * dependency on it: the current authentication's {@code getName()} is the actor's id
 * ({@link Actor#user(String)}); no authentication, one that is not authenticated, or an
 * {@code AnonymousAuthenticationToken} is an anonymous caller ({@code null}).
 *
 * <pre>{@code
 * ActorResolver spring = SpringSecurityActors.find(UserService.class.getClassLoader());   // null: no Spring Security
 * Actor actor = spring.resolve();                                                        // Actor.user("ada") or null
 * }</pre>
 *
 * <p>Like Spring's own code, reading the context of a thread that has none leaves an empty context in the holder's
 * thread-local strategy.
 */
final class SpringSecurityActors implements ActorResolver {

    private static final Logger LOG = Loggers.get(SpringSecurityActors.class);

    private static final String HOLDER = "org.springframework.security.core.context.SecurityContextHolder";
    private static final String CONTEXT = "org.springframework.security.core.context.SecurityContext";
    private static final String AUTHENTICATION = "org.springframework.security.core.Authentication";
    private static final String ANONYMOUS = "org.springframework.security.authentication.AnonymousAuthenticationToken";

    /** {@code ()Object}: {@code SecurityContextHolder.getContext()}. */
    private final MethodHandle context;
    /** {@code (Object)Object}: {@code SecurityContext.getAuthentication()}. */
    private final MethodHandle authentication;
    /** {@code (Object)boolean}: {@code Authentication.isAuthenticated()}. */
    private final MethodHandle authenticated;
    /** {@code (Object)Object}: {@code Authentication.getName()}. */
    private final MethodHandle name;
    private final Class<?> anonymous;

    private SpringSecurityActors(MethodHandle context, MethodHandle authentication, MethodHandle authenticated,
                                 MethodHandle name, Class<?> anonymous) {
        this.context = context;
        this.authentication = authentication;
        this.authenticated = authenticated;
        this.name = name;
        this.anonymous = anonymous;
    }

    /**
     * The resolver for the Spring Security that {@code loader} sees, or {@code null} when it sees none (or one
     * without the expected methods, which is logged). Never throws.
     */
    static ActorResolver find(ClassLoader loader) {
        Class<?> holder;
        try {
            holder = Class.forName(HOLDER, false, loader);
        } catch (ClassNotFoundException | LinkageError absent) {
            return null;
        }
        try {
            Class<?> contextType = Class.forName(CONTEXT, false, loader);
            Class<?> authenticationType = Class.forName(AUTHENTICATION, false, loader);
            Class<?> anonymous = Class.forName(ANONYMOUS, false, loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle context = lookup.findStatic(holder, "getContext", MethodType.methodType(contextType))
                    .asType(MethodType.methodType(Object.class));
            MethodType reader = MethodType.methodType(Object.class, Object.class);
            MethodHandle authentication = lookup.findVirtual(contextType, "getAuthentication",
                    MethodType.methodType(authenticationType)).asType(reader);
            MethodHandle authenticated = lookup.findVirtual(authenticationType, "isAuthenticated",
                    MethodType.methodType(boolean.class)).asType(MethodType.methodType(boolean.class, Object.class));
            MethodHandle name = lookup.findVirtual(authenticationType, "getName", MethodType.methodType(String.class))
                    .asType(reader);
            return new SpringSecurityActors(context, authentication, authenticated, name, anonymous);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warn("auditweave: Spring Security is on the class path of {} but not as expected ({}); ACTOR is not"
                    + " resolved from it", loader, e.toString());
            return null;
        }
    }

    @Override
    public Actor resolve() {
        try {
            Object current = (Object) context.invokeExact();
            Object auth = current == null ? null : (Object) authentication.invokeExact(current);
            if (auth == null || anonymous.isInstance(auth) || !(boolean) authenticated.invokeExact(auth)) {
                return null;
            }
            Object id = (Object) name.invokeExact(auth);
            return id instanceof String text && !text.isBlank() ? Actor.user(text) : null;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("Spring Security's authentication could not be read: " + t, t);
        }
    }

    @Override
    public String toString() {
        return "SpringSecurityActors[" + anonymous.getClassLoader() + "]";
    }
}
