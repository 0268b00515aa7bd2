package dev.auditweave.agent.internal.context;

import dev.auditweave.agent.RequestResolver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The resolvers of {@code REQUEST} added in code ({@code Auditweave.addRequestResolver}), asked in the order added. */
public final class RequestResolvers {

    private static final List<RequestResolver> ADDED = new CopyOnWriteArrayList<>();

    private RequestResolvers() {
    }

    public static void add(RequestResolver resolver) {
        ADDED.add(resolver);
    }

    public static void remove(RequestResolver resolver) {
        ADDED.remove(resolver);
    }

    /** The resolvers added in code, in order. */
    static List<RequestResolver> added() {
        return ADDED;
    }
}
