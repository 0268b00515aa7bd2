package dev.auditweave.agent.spi;

/**
 * Makes the sinks of one type: {@code auditweave.sink.<name>.type=<type()>} makes one through {@link #create} per
 * named sink, once, at start-up.
 *
 * <pre>{@code
 * public final class FileSinkProvider implements SinkProvider {
 *     public String type() { return "file"; }
 *     public Sink create(SinkContext context) {
 *         return new FileSink(context.path("path"));   // auditweave.sink.<name>.path, required
 *     }
 * }
 * // META-INF/services/dev.auditweave.agent.spi.SinkProvider:
 * //   com.example.audit.FileSinkProvider
 * // auditweave.properties:
 * //   auditweave.sinks=audit
 * //   auditweave.sink.audit.type=file
 * //   auditweave.sink.audit.path=/var/log/app/audit.jsonl
 * }</pre>
 *
 * <p>Found, in this order (the first provider of a type wins): those added in code
 * ({@code Auditweave.addSinkProvider}; with the Spring Boot starter, every bean of this type), the built-in ones
 * ({@code http}, {@code jdbc}, {@code log}, {@code memory}), then by {@link java.util.ServiceLoader} through the thread context
 * class loader of the thread that starts auditweave, the system class loader and, under the {@code -javaagent}, the
 * class loader of the application's first annotated class (a Spring Boot fat jar's). Needs a public no-argument
 * constructor for the ServiceLoader.
 */
public interface SinkProvider {

    /**
     * The type this provider makes, as {@code auditweave.sink.<name>.type} names it: a letter, then letters, digits,
     * {@code .}, {@code _} or {@code -}, such as {@code file} or {@code com.example.file}.
     */
    String type();

    /**
     * Makes the sink {@code context.name()}, reading its settings through {@code context}. Called once per named
     * sink, at start-up, on the thread that starts auditweave.
     *
     * @throws dev.auditweave.agent.ConfigException for a bad setting (as {@link SinkContext}'s getters throw
     *                                                     it): start-up reports it as is
     * @throws Exception                                   for anything else: start-up fails with a
     *                                                     {@code ConfigException} naming the sink's type key and this
     *                                                     provider's class
     */
    Sink create(SinkContext context) throws Exception;
}
