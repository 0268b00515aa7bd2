package dev.auditweave.agent.internal.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The class files of a directory of classes, a jar, or a Spring Boot fat jar (its {@code BOOT-INF/classes} and
 * the jars in {@code BOOT-INF/lib}, read in place), by binary class name. Only those that mention
 * {@code @EmitsAbuseEvent} at all are kept, so that scanning a fat jar of a hundred libraries stays quick.
 *
 * <pre>{@code
 * Map<String, byte[]> classes = ClassFiles.read(Path.of("target/app.jar"));
 * }</pre>
 */
final class ClassFiles {

    private static final byte[] MARKER = "Ldev/auditweave/annotations/EmitsAbuseEvent".getBytes(StandardCharsets.UTF_8);
    private static final String BOOT_CLASSES = "BOOT-INF/classes/";
    private static final String WEB_CLASSES = "WEB-INF/classes/";

    private ClassFiles() {
    }

    /**
     * The annotated class files under {@code location}, a directory or a jar (nested jars included), sorted by name.
     *
     * @throws IllegalArgumentException when {@code location} is neither a directory nor a readable jar
     */
    static Map<String, byte[]> read(Path location) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.filter(file -> file.toString().endsWith(".class") && Files.isRegularFile(file))
                        .forEach(file -> keep(classes, location.relativize(file).toString().replace('\\', '/'),
                                bytes(file)));
            }
        } else if (Files.isRegularFile(location)) {
            try (InputStream in = Files.newInputStream(location)) {
                readJar(in, classes, location.toString());
            }
        } else {
            throw new IllegalArgumentException(location + ": no such directory or jar");
        }
        return classes;
    }

    private static void readJar(InputStream in, Map<String, byte[]> classes, String name) throws IOException {
        try (JarInputStream jar = new JarInputStream(in)) {
            boolean entries = false;
            for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                entries = true;
                String path = entry.getName();
                if (path.endsWith(".class") && !path.startsWith("META-INF/versions/")) {
                    keep(classes, strip(path), jar.readAllBytes());
                } else if (path.endsWith(".jar")) {
                    readJar(new ByteArrayInputStream(jar.readAllBytes()), classes, name + "!/" + path);
                }
            }
            if (!entries) {
                throw new IllegalArgumentException(name + ": not a jar (no entries)");
            }
        }
    }

    private static String strip(String path) {
        if (path.startsWith(BOOT_CLASSES)) {
            return path.substring(BOOT_CLASSES.length());
        }
        return path.startsWith(WEB_CLASSES) ? path.substring(WEB_CLASSES.length()) : path;
    }

    private static void keep(Map<String, byte[]> classes, String path, byte[] bytes) {
        if (!path.equals("module-info.class") && ClassBytes.contains(bytes, MARKER)) {
            classes.put(path.substring(0, path.length() - ".class".length()).replace('/', '.'), bytes);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
