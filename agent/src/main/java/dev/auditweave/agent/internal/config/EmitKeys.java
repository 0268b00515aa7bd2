package dev.auditweave.agent.internal.config;

import static dev.auditweave.agent.internal.config.ValueTypes.anyText;
import static dev.auditweave.agent.internal.config.ValueTypes.checked;
import static dev.auditweave.agent.internal.config.ValueTypes.methodRef;
import static dev.auditweave.agent.internal.config.ValueTypes.oneOf;
import static dev.auditweave.agent.internal.config.ValueTypes.text;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The keys {@code auditweave.emit.<id>.*} of emit sites declared in configuration rather than by an annotation; part
 * of the key table of {@link ConfigKeys}.
 *
 * <pre>{@code
 * String key = EmitKeys.METHOD.keyFor("parse");   // auditweave.emit.parse.method
 * }</pre>
 */
public final class EmitKeys {

    private static final Pattern DECLARATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

    /** One key per field of a declared emit site; first of the emit families, whose suffixes a field could end in. */
    public static final KeyFamily DATA = new KeyFamily("auditweave.emit.<id>.data.<field>",
            EmitKeys::isDataVariable, "a declaration id (letters, digits and -), then a field name", true,
            anyText("an expression, as the value of a @Field"), "(unset)",
            "one data field of the declared emit site <id>, as @Field(name = <field>, value = ...); in an environment"
                    + " variable the field name is lower-cased and keeps its _", true,
            field -> field.toLowerCase(Locale.ROOT));

    public static final KeyFamily METHOD = emitKey("method", "(required)", checked(methodRef()),
            "declares emit site <id> on this method of a class or interface (naming an interface or superclass covers"
                    + " every implementation), as if it carried @EmitsAbuseEvent; agent mode only");

    public static final KeyFamily TYPE = emitKey("type", "(required)", checked(text("an event type")),
            "the event type of declared emit site <id>, as @EmitsAbuseEvent(type)");

    public static final KeyFamily WHEN = emitKey("when", "(unset)", anyText("a guard expression"),
            "the guard of declared emit site <id>, as @EmitsAbuseEvent(when)");

    public static final KeyFamily OCCURRED_AT = emitKey("occurred-at", "(unset)",
            anyText("an expression of epoch milliseconds"), "the time source of declared emit site <id>, as"
                    + " @EmitsAbuseEvent(occurredAt)");

    public static final KeyFamily IDEMPOTENCY_KEY = emitKey("idempotency-key", "(unset)",
            anyText("an expression"), "the idempotency key of declared emit site <id>, as"
                    + " @EmitsAbuseEvent(idempotencyKey)");

    public static final KeyFamily PHASE = emitKey("phase", "`after_commit`",
            checked(oneOf(List.of("after_commit", "immediate"))),
            "when declared emit site <id> is released inside a transaction, as @EmitsAbuseEvent(phase)");

    public static final KeyFamily ON = emitKey("on", "`returned`", checked(oneOf(List.of("returned", "thrown"))),
            "which outcome of the method declared emit site <id> fires on, as @EmitsAbuseEvent(on)");

    public static final KeyFamily ENRICH = emitKey("enrich", "(unset)",
            anyText("a comma-separated list of enricher names"),
            "the enrichers of declared emit site <id>, in order, as @EmitsAbuseEvent(enrich)");

    /** Every family of a declared emit site, data first (a field may be named like a setting). */
    private static final List<KeyFamily> FAMILIES = List.of(DATA, METHOD, TYPE, WHEN, OCCURRED_AT, IDEMPOTENCY_KEY,
            PHASE, ON, ENRICH);

    private EmitKeys() {
    }

    /** The families {@code auditweave.emit.<id>.*} of declared emit sites, data first. */
    public static List<KeyFamily> families() {
        return FAMILIES;
    }

    private static KeyFamily emitKey(String setting, String defaultText, ValueType<String> type, String description) {
        return new KeyFamily("auditweave.emit.<id>." + setting, EmitKeys::isDeclarationId,
                "a declaration id (letters, digits and -)", true, type, defaultText, description);
    }

    private static boolean isDeclarationId(String id) {
        return DECLARATION_ID.matcher(id).matches();
    }

    private static boolean isDataVariable(String variable) {
        List<String> parts = DATA.parts(variable);
        return isDeclarationId(parts.get(0)) && !parts.get(1).isBlank() && parts.get(1).strip().equals(parts.get(1));
    }
}
