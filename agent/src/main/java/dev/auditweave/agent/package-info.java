/**
 * The public face of auditweave's runtime: the {@link dev.auditweave.agent.Auditweave} facade and the extension
 * types an application implements or receives ({@link dev.auditweave.agent.ActorResolver},
 * {@link dev.auditweave.agent.RequestResolver}, {@link dev.auditweave.agent.EventEnricher},
 * {@link dev.auditweave.agent.EventTap}, {@link dev.auditweave.agent.AuditweaveTransaction}, and their values
 * {@link dev.auditweave.agent.Actor}, {@link dev.auditweave.agent.ClientRequest},
 * {@link dev.auditweave.agent.EmitSite}, {@link dev.auditweave.agent.EmittedEvent},
 * {@link dev.auditweave.agent.ConfigException}). With the metrics ({@code dev.auditweave.agent.metrics}), the sink SPI
 * ({@code dev.auditweave.agent.spi}) and the annotations, this is the whole API; {@code dev.auditweave.agent.internal}
 * is not.
 *
 * <pre>{@code
 * Auditweave.addActorResolver(() -> Actor.user(currentUserId()));
 * boolean drained = Auditweave.flush(Duration.ofSeconds(5));
 * }</pre>
 */
package dev.auditweave.agent;
