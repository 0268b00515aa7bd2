package dev.auditweave.agent.internal.expr;

/** Reads one property of a non-null value; resolved once, used on every call. */
interface PropertyReader {

    Object read(Object target);
}
