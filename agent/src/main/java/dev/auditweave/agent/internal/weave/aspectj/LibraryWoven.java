package dev.auditweave.agent.internal.weave.aspectj;

import dev.auditweave.agent.internal.scan.ClassBytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Whether the aspect library's {@link EmitAspect} wove a class: ajc's calls to it name its class in the woven class
 * file's constant pool. Read once per per-site emit site, at its first call ({@link WovenSite}), off the hot path.
 */
final class LibraryWoven {

    private static final byte[] LIBRARY_ASPECT = EmitAspect.class.getName().replace('.', '/')
            .getBytes(StandardCharsets.UTF_8);

    private LibraryWoven() {
    }

    /** Whether the class file of {@code typeName}, as {@code loader} finds it, calls the library's aspect. */
    static boolean wove(ClassLoader loader, String typeName) {
        String resource = typeName.replace('.', '/') + ".class";
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            return in != null && ClassBytes.contains(in.readAllBytes(), LIBRARY_ASPECT);
        } catch (IOException unreadable) {
            return false;
        }
    }
}
