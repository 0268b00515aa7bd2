/**
 * The sink SPI: where events go, as a plug-in. A {@link dev.auditweave.agent.spi.SinkProvider} listed in
 * {@code META-INF/services/dev.auditweave.agent.spi.SinkProvider} (or, with the Spring Boot starter, a bean of that
 * type, or one added with {@code Auditweave.addSinkProvider}) makes a type of sink; a named sink of that type is
 * configured by {@code auditweave.sink.<name>.type=<type>} and its own keys {@code auditweave.sink.<name>.*}, read
 * through the {@link dev.auditweave.agent.spi.SinkContext}. The built-in {@code http}, {@code jdbc}, {@code log} and
 * {@code memory} sinks are providers of the same SPI.
 *
 * <p>Every type of this package is public API and shared, under the {@code -javaagent}, on the bootstrap class path
 * (the agent's own classes are not visible to the application), so that a provider in the application's class path
 * implements the very interfaces the agent calls. Nothing else of the agent is.
 *
 * <pre>{@code
 * public final class FileSinkProvider implements SinkProvider {
 *     public String type() { return "file"; }
 *     public Sink create(SinkContext context) throws IOException {
 *         return new FileSink(context.path("path"), context);
 *     }
 * }
 * }</pre>
 *
 * See docs/delivery.md, "Writing a sink", for the whole example and the rules a sink must keep.
 */
package dev.auditweave.agent.spi;
