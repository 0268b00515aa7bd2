package dev.auditweave.agent.internal.scan;

/** Searches in a class file's bytes: a name in its constant pool is there as it is (UTF-8 of an internal name). */
public final class ClassBytes {

    private ClassBytes() {
    }

    /** Whether {@code bytes} contain {@code part} anywhere. */
    public static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
