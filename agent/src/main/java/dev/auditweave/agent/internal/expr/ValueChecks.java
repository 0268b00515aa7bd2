package dev.auditweave.agent.internal.expr;

import dev.auditweave.agent.internal.expr.StaticType.Kind;

/** What the value of a whole expression, or a part sent as it is, must be: its kind, and a named part of a map. */
final class ValueChecks {

    private final CheckContext context;

    ValueChecks(CheckContext context) {
        this.context = context;
    }

    /** Checks that the whole expression's value is what the caller needs. */
    void expect(Syntax expression, Typed typed, Expected expected) {
        StaticType type = typed.type();
        if (expected == Expected.BOOLEAN && !type.fits(Kind.BOOLEAN)) {
            throw context.error(expression.start(),
                    "a guard must be a boolean expression, but " + context.text(expression)
                    + " is " + type.describe());
        }
        requireNamedPart(expression, typed);
        if (expected == Expected.EPOCH_MILLIS && !type.fits(Kind.NUMBER) && !isTime(type.type())) {
            throw context.error(expression.start(),
                    "a time must be a number of epoch milliseconds, an Instant, a Date, "
                    + "an OffsetDateTime or a ZonedDateTime, but " + context.text(expression) + " is "
                    + type.describe());
        }
        if (expected == Expected.REDACTED && !isRedactable(type)) {
            throw context.error(expression.start(),
                    "a hashed or masked value must be text, a number, a character, a UUID"
                    + " or an enum constant, but " + context.text(expression) + " is " + type.describe()
                    + "; name the part to hide, or use redact = DROP");
        }
    }

    private static boolean isRedactable(StaticType type) {
        return type.fits(Kind.STRING) || type.is(Kind.NUMBER) || type.is(Kind.ENUM) || type.is(Kind.NULL)
                || type.type().is("char") || type.type().is("java.lang.Character")
                || type.type().isSubtypeOf("java.lang.CharSequence") || type.type().is("java.util.UUID");
    }

    /**
     * {@code REQUEST}, {@code REQUEST.headers} and {@code MDC} as a whole would send every header (cookies and
     * authorization included) or every logging key: a value must name the part it wants.
     */
    void requireNamedPart(Syntax expression, Typed typed) {
        StaticType type = typed.type();
        if (type.is(Kind.DYNAMIC) || type.is(Kind.NULL)) {
            return;
        }
        if (type.type().is(Request.class.getName())) {
            throw context.error(expression.start(),
                    context.text(expression) + " is the whole request, which would send every header"
                    + " (cookies and authorization included): name the part, as in REQUEST.ip, REQUEST.userAgent,"
                    + " REQUEST.method, REQUEST.path or REQUEST.headers['X-Request-Id']");
        }
        if (type.type().is(ContextMap.class.getName())) {
            throw context.error(expression.start(),
                    context.text(expression) + " is a whole map of " + (context.text(expression).startsWith("MDC")
                    ? "logging context keys" : "headers") + ", which would send every entry: name the key, as in "
                    + (context.text(expression).startsWith("MDC") ? "MDC.requestId or MDC['request-id']"
                    : "REQUEST.headers['User-Agent']"));
        }
    }

    private static boolean isTime(ModelType type) {
        return type.is("java.time.Instant") || type.isSubtypeOf("java.util.Date")
                || type.is("java.time.OffsetDateTime") || type.is("java.time.ZonedDateTime");
    }
}
