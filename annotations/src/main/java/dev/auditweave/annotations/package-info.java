/**
 * The public annotations of auditweave: put {@link dev.auditweave.annotations.EmitsAbuseEvent} on a
 * service method and the method reports what it did, woven at build time by AspectJ or at start-up by
 * the {@code -javaagent}. This module has no dependencies.
 */
package dev.auditweave.annotations;
