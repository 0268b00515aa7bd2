package dev.auditweave.sample.demo;

import dev.auditweave.sample.script.Expected;

/**
 * An expected event and the received event that fulfils it.
 *
 * @param step     the script step, numbered from 1 as SampleApp prints it
 * @param position the expectation's position in the whole script, for pairing the two modes
 */
public record Match(int step, int position, Expected expected, ReceivedEvent event) {
}
