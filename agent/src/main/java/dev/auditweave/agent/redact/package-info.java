/**
 * Redaction of event fields on the calling thread ({@code @Field(redact = HASH | MASK | DROP)}): the keyed hash
 * ({@link dev.auditweave.agent.redact.HashKey}), the mask and the choice between them
 * ({@link dev.auditweave.agent.redact.Redaction}). Internal.
 */
package dev.auditweave.agent.redact;
