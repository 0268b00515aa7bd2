package dev.auditweave.agent;

import java.util.List;
import java.util.Objects;

/**
 * One {@code @EmitsAbuseEvent} on one method, as {@link Auditweave#emitSites()} lists it: what it emits, when, to
 * which sinks, and, when it is disabled, why.
 *
 * <pre>{@code
 * for (EmitSite site : Auditweave.emitSites()) {
 *     if (!site.enabled()) log.warn("{}.{} emits nothing: {}", site.className(), site.method(), site.reason());
 * }
 * }</pre>
 *
 * @param className the class or interface that declares the method
 * @param method    the method's name and parameter types, such as {@code blockUser(String, String)}
 * @param type      the event type; empty when the annotation could not be read
 * @param guard     the {@code when} expression as written; empty for "always"
 * @param sinks     the sinks that receive this event type; empty when disabled
 * @param enabled   whether events are captured
 * @param reason    why not, such as an expression error; empty when enabled
 * @param checkedAtBuild whether {@code auditweave-processor} checked this annotation when the code was built, and
 *                  the class as loaded still carries it ({@link Auditweave#prepareBuildCheckedSites})
 * @param switchedOff whether configuration switched the site off ({@code auditweave.disable.methods} or
 *                  {@code auditweave.disable.types}); {@code reason} then names the key, its value and where it was set
 * @param declaredBy for a site declared in configuration rather than by an annotation, the key that declares it
 *                  ({@code auditweave.emit.signin.method}); empty for an annotation
 */
public record EmitSite(String className, String method, String type, String guard, List<String> sinks,
                       boolean enabled, String reason, boolean checkedAtBuild, boolean switchedOff,
                       String declaredBy) {

    /** A site the build did not check (or that was listed before it was known). */
    public EmitSite(String className, String method, String type, String guard, List<String> sinks,
                    boolean enabled, String reason) {
        this(className, method, type, guard, sinks, enabled, reason, false);
    }

    /** An annotation's site that configuration did not switch off. */
    public EmitSite(String className, String method, String type, String guard, List<String> sinks,
                    boolean enabled, String reason, boolean checkedAtBuild) {
        this(className, method, type, guard, sinks, enabled, reason, checkedAtBuild, false, "");
    }

    public EmitSite {
        Objects.requireNonNull(declaredBy, "declaredBy");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(guard, "guard");
        sinks = List.copyOf(sinks);
        Objects.requireNonNull(reason, "reason");
    }
}
