package dev.auditweave.sample.abuse;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium for the page test: found as the system property {@value #PROPERTY} (a path), else as
 * {@code chromium} or {@code chromium-browser} on the {@code PATH}; each run gets a fresh profile directory.
 */
final class HeadlessChromium {

    static final String PROPERTY = "abuse.chromium";
    private static final List<String> NAMES = List.of("chromium", "chromium-browser");
    private static final long TIMEOUT_SECONDS = 90;

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The browser, or empty when none is installed. */
    static Optional<HeadlessChromium> find() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(new HeadlessChromium(path)) : Optional.empty();
        }
        String pathVariable = System.getenv("PATH");
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String directory : pathVariable.split(File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(new HeadlessChromium(candidate));
                }
            }
        }
        return Optional.empty();
    }

    /** The DOM of {@code url} after its scripts ran for {@code virtualMillis} of virtual time. */
    String dumpDom(String url, int virtualMillis, Path log) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", "--virtual-time-budget=" + virtualMillis, url), log);
    }

    /** A screenshot of {@code url} after its scripts ran, at 1280x900. */
    void screenshot(String url, int virtualMillis, Path png, Path log) throws IOException, InterruptedException {
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=1280,900",
                "--virtual-time-budget=" + virtualMillis, url), log);
    }

    /** Runs the browser with {@code arguments}; returns its standard output; its error output goes to {@code log}. */
    private String run(List<String> arguments, Path log) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("abuse-chromium-profile");
        try {
            List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--no-first-run", "--user-data-dir=" + profile));
            command.addAll(arguments);
            Path out = Files.createTempFile("abuse-chromium", ".out");
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command
                        + " (its output: " + log + ")");
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            Files.delete(out);
            if (process.exitValue() != 0) {
                throw new IOException("chromium exited with " + process.exitValue() + ": " + command + " (its output: "
                        + log + ")");
            }
            return stdout;
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Override
    public String toString() {
        return binary.toString();
    }
}
