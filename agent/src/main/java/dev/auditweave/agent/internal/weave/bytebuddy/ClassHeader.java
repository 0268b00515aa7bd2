package dev.auditweave.agent.internal.weave.bytebuddy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The names a class file gives itself, its superclass and its interfaces (internal form, {@code a/b/C}), read by
 * walking the constant pool and nothing more: what the agent's filter needs to decide, before Byte Buddy parses
 * anything, whether a class can inherit an annotated method.
 *
 * @param name       this class
 * @param superName  the superclass, {@code null} for {@code java/lang/Object} and for a module-info
 * @param interfaces the directly implemented interfaces
 */
record ClassHeader(String name, String superName, List<String> interfaces) {

    private static final int MAGIC = 0xCAFEBABE;

    /** Parses the header of {@code bytes}, or returns {@code null} when they are not a class file it can read. */
    static ClassHeader parse(byte[] bytes) {
        try {
            return read(bytes);
        } catch (IndexOutOfBoundsException malformed) {
            return null;
        }
    }

    private static ClassHeader read(byte[] bytes) {
        if (u4(bytes, 0) != MAGIC) {
            return null;
        }
        int count = u2(bytes, 8);
        int[] offsets = new int[count];
        int position = 10;
        for (int index = 1; index < count; index++) {
            offsets[index] = position;
            int tag = bytes[position] & 0xFF;
            switch (tag) {
                case 1 -> position += 3 + u2(bytes, position + 1);            // Utf8
                case 3, 4, 9, 10, 11, 12, 17, 18 -> position += 5;            // Integer, Float, refs, NameAndType, dynamic
                case 5, 6 -> {                                                 // Long, Double: two slots
                    position += 9;
                    index++;
                }
                case 7, 8, 16, 19, 20 -> position += 3;                        // Class, String, MethodType, Module, Package
                case 15 -> position += 4;                                      // MethodHandle
                default -> {
                    return null;
                }
            }
        }
        int thisClass = u2(bytes, position + 2);
        int superClass = u2(bytes, position + 4);
        int interfaceCount = u2(bytes, position + 6);
        List<String> interfaces = new ArrayList<>(interfaceCount);
        for (int i = 0; i < interfaceCount; i++) {
            interfaces.add(className(bytes, offsets, u2(bytes, position + 8 + 2 * i)));
        }
        return new ClassHeader(className(bytes, offsets, thisClass),
                superClass == 0 ? null : className(bytes, offsets, superClass), List.copyOf(interfaces));
    }

    private static String className(byte[] bytes, int[] offsets, int classIndex) {
        int utf8 = offsets[u2(bytes, offsets[classIndex] + 1)];
        int length = u2(bytes, utf8 + 1);
        // Class names are ASCII in practice; modified UTF-8 equals UTF-8 for everything but NUL and supplementary code points.
        return new String(bytes, utf8 + 3, length, StandardCharsets.UTF_8);
    }

    private static int u2(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }

    private static int u4(byte[] bytes, int at) {
        return (u2(bytes, at) << 16) | u2(bytes, at + 2);
    }
}
