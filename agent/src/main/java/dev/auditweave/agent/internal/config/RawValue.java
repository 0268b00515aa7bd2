package dev.auditweave.agent.internal.config;

/**
 * One key and its text as a source gave it, before {@code ${VAR}} references are resolved.
 *
 * @param key    the full key, with the {@code auditweave.} prefix when the source used one
 * @param text   the value, surrounding whitespace removed
 * @param origin where it came from
 */
record RawValue(String key, String text, Origin origin) {
}
