package dev.auditweave.sample.demo;

import java.util.List;

/**
 * What the receiver got since it started or was last reset.
 *
 * @param events     the distinct events, by id, in arrival order
 * @param duplicates events whose id had been received before, dropped (a redelivered webhook)
 * @param batches    the accepted POST requests
 * @param rejected   requests refused with 401 (wrong or missing CF-Access headers)
 */
public record Received(List<ReceivedEvent> events, List<ReceivedEvent> duplicates, int batches, int rejected) {

    public Received {
        events = List.copyOf(events);
        duplicates = List.copyOf(duplicates);
    }
}
