/**
 * The built-in sink of type {@code jdbc}: events as rows of an audit table ({@code id} unique, {@code type},
 * {@code actor}, {@code data} as JSON, {@code occurred_at}), inserted idempotently in batches, on PostgreSQL or H2.
 * Uses {@code java.sql} only; the driver comes from the application's class path. See docs/delivery.md,
 * "Database sink".
 */
package dev.auditweave.agent.internal.sink.jdbc;
