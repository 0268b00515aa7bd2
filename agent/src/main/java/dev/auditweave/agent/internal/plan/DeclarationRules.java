package dev.auditweave.agent.internal.plan;

import dev.auditweave.agent.internal.expr.Expected;
import dev.auditweave.agent.internal.expr.ModelType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Internal (public for {@code auditweave-processor}): the rules of an {@code @EmitsAbuseEvent} beyond its expressions,
 * shared by the runtime ({@link EmitPlanBuilder}) and the build-time processor, so that both reject the same
 * annotations with the same words. Each rule returns the problem, or {@code null} when there is none.
 *
 * <pre>{@code
 * String problem = DeclarationRules.type("");                  // "type: must not be empty"
 * String reactor = DeclarationRules.unsupportedReturn(type, "com.acme.Feed.items()");
 * }</pre>
 */
public final class DeclarationRules {

    private static final String MONO = "reactor.core.publisher.Mono";
    private static final String FLUX = "reactor.core.publisher.Flux";
    private static final String PUBLISHER = "org.reactivestreams.Publisher";

    private DeclarationRules() {
    }

    /** The problem with the event type, or {@code null}. */
    public static String type(String type) {
        return type.isBlank() ? "type: must not be empty" : null;
    }

    /**
     * The first problem with the {@code data} fields' names and values, or {@code null}.
     *
     * @param fields each field as {@code {name, value}}
     */
    public static String fields(List<String[]> fields) {
        Set<String> names = new HashSet<>();
        for (String[] field : fields) {
            String name = field[0];
            if (name.isBlank()) {
                return "data: a @Field has an empty name";
            }
            if (!names.add(name)) {
                return "data: field '" + name + "' is declared twice";
            }
            if (field[1].isBlank()) {
                return "data field '" + name + "': the value is empty";
            }
        }
        return null;
    }

    /** The problem with the enricher names, or {@code null}. */
    public static String enrich(List<String> enrichers) {
        for (String enricher : enrichers) {
            if (enricher.isBlank()) {
                return "enrich: an enricher name is empty";
            }
        }
        return null;
    }

    /**
     * What the value of a field with {@code redact} (as {@code Redact} names it) must be: text or a number when it is
     * hashed or masked, anything otherwise.
     */
    public static Expected expected(String redact) {
        return redact.equals("HASH") || redact.equals("MASK") ? Expected.REDACTED : Expected.ANY;
    }

    /** Why a field with {@code redact = HASH} cannot be sent when the runtime has no hash key. */
    public static String missingHashKey() {
        return "redact = HASH needs a key, and none is set: put a secret of at least 16 bytes in the environment"
                + " variable that auditweave.redact.key-env names (AUDITWEAVE_REDACT_KEY by default); the event is"
                + " never sent with the clear value";
    }

    /** How a problem with the expression of {@code data} field {@code name} names its attribute. */
    public static String fieldAttribute(String name) {
        return "data field '" + name + "'";
    }

    /**
     * Why the annotations of a method declared (as {@code description} says) to return {@code type} cannot fire at the
     * right moment, or {@code null}: a publisher other than Reactor's {@code Mono} and {@code Flux} (its outcome comes
     * when it is subscribed, which auditweave cannot watch), or a subclass of them (the weaver returns a watching
     * {@code Mono} or {@code Flux} in place of the method's, which must fit the declared type).
     */
    public static String unsupportedReturn(ModelType type, String description) {
        String reactor = type.isInterface() ? null
                : type.isSubtypeOf(MONO) ? MONO : type.isSubtypeOf(FLUX) ? FLUX : null;
        if (reactor != null && !type.is(reactor)) {
            String simple = reactor.substring(reactor.lastIndexOf('.') + 1);
            return description + " is declared to return " + type.name() + ", a subclass of " + simple
                    + ": auditweave returns a " + simple + " that watches the method's, so declare the return type as "
                    + reactor;
        }
        if (reactor == null && type.isSubtypeOf(PUBLISHER)) {
            return description + " returns a Reactive Streams Publisher (" + type.name() + ") that is not a Reactor"
                    + " Mono or Flux: its outcome comes when it is subscribed, which auditweave cannot watch (it would"
                    + " fire before anything happened); return a Mono, a Flux or a CompletionStage";
        }
        return null;
    }
}
