/*
 * Lets Debian's libhsdis0-fcml disassemble for -XX:+PrintAssembly on JDK 9 and later.
 *
 * The package's library exports only the old entry point, decode_instructions; the JVM now looks up
 * decode_instructions_virtual and, without it, prints code as hex. This forwards one to the other: the JVM passes
 * the code in place, so the buffer is the code's own address. Used for docs/performance.md's reading of the
 * compiled guard-false loop; nothing in the build needs it.
 *
 *   apt-get install libhsdis0-fcml
 *   gcc -shared -fPIC -o hsdis-amd64.so benchmarks/tools/hsdis-fcml-shim.c -ldl
 *   ln -sf "$PWD/hsdis-amd64.so" /usr/lib/jvm/java-17-openjdk-amd64/lib/hsdis-amd64.so
 *   java -jar benchmarks/target/benchmarks.jar 'PerCallBenchmark.guardFalse_aspectj$' -f 1 \
 *       -jvmArgsAppend "-XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=print,*guardFalse_aspectj_avgt_jmhStub"
 */
#include <dlfcn.h>
#include <stdint.h>

typedef void *(*decode_instructions_t)(void *start, void *end, void *event_callback, void *event_stream,
                                       void *printf_callback, void *printf_stream, const char *options);

void *decode_instructions_virtual(uintptr_t start_va, uintptr_t end_va, unsigned char *buffer, uintptr_t length,
                                  void *event_callback, void *event_stream, void *printf_callback,
                                  void *printf_stream, const char *options, int newline) {
    static decode_instructions_t decode;
    if (decode == 0) {
        void *fcml = dlopen("/usr/lib/x86_64-linux-gnu/libhsdis.so.0", RTLD_NOW | RTLD_LOCAL);
        if (fcml == 0) {
            return 0;
        }
        decode = (decode_instructions_t) dlsym(fcml, "decode_instructions");
        if (decode == 0) {
            return 0;
        }
    }
    return decode(buffer, buffer + length, event_callback, event_stream, printf_callback, printf_stream, options);
}
