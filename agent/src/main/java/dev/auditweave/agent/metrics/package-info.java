/**
 * The public metrics: {@link dev.auditweave.agent.metrics.AuditweaveMetrics}, an immutable snapshot of the counters
 * (of the runtime, or of one sink), {@link dev.auditweave.agent.metrics.DropReason}, why an event was not delivered,
 * and {@link dev.auditweave.agent.metrics.AuditweaveMXBean}, the same figures over JMX. The counting itself is
 * internal ({@code dev.auditweave.agent.internal.metrics}).
 *
 * <pre>{@code
 * AuditweaveMetrics metrics = Auditweave.metrics();
 * long lost = metrics.dropped();
 * long rolledBack = metrics.droppedRollback();
 * }</pre>
 */
package dev.auditweave.agent.metrics;
