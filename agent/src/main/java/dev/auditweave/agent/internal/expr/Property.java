package dev.auditweave.agent.internal.expr;

import java.lang.reflect.Type;

/**
 * A resolved property.
 *
 * @param type   its declared generic type, as seen from the owner's type
 * @param reader how to read it from a non-null owner
 */
record Property(Type type, PropertyReader reader) {
}
