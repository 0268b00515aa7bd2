package dev.auditweave.agent.internal.expr;

import java.util.Objects;

/**
 * What expressions of an {@code on = Outcome.THROWN} annotation see as {@code THROWN}: the exception reduced to
 * three readable values, so that a guard or field can name the failure without reaching the exception object
 * itself (its cause, its stack trace or anything it references). Internal; immutable. A field whose value is
 * {@code THROWN} itself becomes the object {@code {"type": .., "className": .., "message": ..}}.
 *
 * <pre>{@code
 * Thrown thrown = Thrown.of(new CardDeclinedException("insufficient funds"));
 * thrown.type();       // "CardDeclinedException"
 * thrown.className();  // "com.acme.billing.CardDeclinedException"
 * thrown.message();    // "insufficient funds"
 * }</pre>
 *
 * @param type      the simple class name, as in {@code THROWN.type == 'CardDeclinedException'}
 * @param className the fully qualified class name (a nested class with {@code $})
 * @param message   {@link Throwable#getMessage()}, {@code null} when it has none
 */
public record Thrown(String type, String className, String message) {

    public Thrown {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(className, "className");
    }

    /** The view of {@code thrown}; an anonymous or local class is named by what follows its last dot. */
    public static Thrown of(Throwable thrown) {
        Class<?> type = thrown.getClass();
        String simple = type.getSimpleName();
        String name = type.getName();
        return new Thrown(simple.isEmpty() ? name.substring(name.lastIndexOf('.') + 1) : simple, name,
                thrown.getMessage());
    }
}
