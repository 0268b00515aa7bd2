/**
 * The Kafka sink, {@code auditweave.sink.<name>.type=kafka}: {@link dev.auditweave.sink.kafka.KafkaSinkProvider}
 * makes one per named sink. Everything else of the package is internal.
 */
package dev.auditweave.sink.kafka;
