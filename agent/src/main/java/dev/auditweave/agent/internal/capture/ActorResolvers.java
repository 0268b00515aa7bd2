package dev.auditweave.agent.internal.capture;

import dev.auditweave.agent.ActorResolver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The resolvers of {@code ACTOR} added in code ({@code Auditweave.addActorResolver}), asked in the order added. */
public final class ActorResolvers {

    private static final List<ActorResolver> ADDED = new CopyOnWriteArrayList<>();

    private ActorResolvers() {
    }

    public static void add(ActorResolver resolver) {
        ADDED.add(resolver);
    }

    public static void remove(ActorResolver resolver) {
        ADDED.remove(resolver);
    }

    /** The resolvers added in code, in order. */
    static List<ActorResolver> added() {
        return ADDED;
    }
}
