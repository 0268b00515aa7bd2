/**
 * Redaction of event fields on the calling thread ({@code @Field(redact = HASH | MASK | DROP)}): the keyed hash
 * ({@link dev.auditweave.agent.internal.redact.HashKey}), the mask and the choice between them
 * ({@link dev.auditweave.agent.internal.redact.Redaction}). Internal.
 */
package dev.auditweave.agent.internal.redact;
