package dev.auditweave.sample.demo;

/** A finished child JVM: its exit code and when it ran (epoch ms). */
public record ChildRun(int exitCode, long startMillis, long endMillis) {

    public double seconds() {
        return (endMillis - startMillis) / 1000.0;
    }
}
