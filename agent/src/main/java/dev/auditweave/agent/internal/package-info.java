/**
 * auditweave's internals: everything under {@code dev.auditweave.agent.internal} may change in any release, without
 * notice. One package per stage of the data flow: {@code weave} (the Byte Buddy and AspectJ adapters), {@code plan}
 * (an annotation or a declaration compiled once), {@code expr} (the expression language), {@code capture} (the
 * calling thread: guard, fields, the immutable event), {@code context} (request, trace and log context), {@code tx}
 * (held until commit), {@code enrich}, {@code dispatch} (queue, worker, batches, retries), {@code spool} (the disk
 * buffer), {@code sink} (the built-in sinks), {@code metrics} (the one ledger of every event's fate), {@code runtime},
 * {@code config}, {@code log}, {@code loader} (what an application's class loader provides) and {@code scan}.
 *
 * <p>The public API is elsewhere, and small: the annotations ({@code dev.auditweave.annotations}), the facade and the
 * extension types ({@code dev.auditweave.agent}), the metrics ({@code dev.auditweave.agent.metrics}) and the sink SPI
 * ({@code dev.auditweave.agent.spi}). Under the {@code -javaagent} only those are visible to the application: these
 * classes live in the agent's own class loader.
 *
 * <pre>{@code
 * import dev.auditweave.agent.Auditweave;                 // public: the facade
 * import dev.auditweave.agent.metrics.AuditweaveMetrics;  // public: a snapshot of the counters
 * AuditweaveMetrics metrics = Auditweave.metrics();
 * }</pre>
 */
package dev.auditweave.agent.internal;
