package dev.auditweave.sample.demo;

import dev.auditweave.sample.script.Expected;

/**
 * A step that must not send {@code pattern}: the receiver may hold no more events matching it than the
 * script expects from other steps ({@code allowed}).
 */
public record NotSentCheck(int step, String description, String why, Expected pattern, long allowed,
                           long received) {

    public boolean ok() {
        return received <= allowed;
    }
}
