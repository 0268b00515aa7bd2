package dev.auditweave.sample.demo;

import java.nio.file.Files;
import java.nio.file.Path;

/** The auditweave repository root: {@code -Dauditweave.repo=...}, or the first directory up from here with agent/ and pom.xml. */
final class RepoRoot {

    static final String PROPERTY = "auditweave.repo";

    private RepoRoot() {
    }

    static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("agent")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the auditweave repository (a directory with agent/ and pom.xml) "
                + "above " + start + ": run from inside it or pass -D" + PROPERTY + "=<path>");
    }
}
