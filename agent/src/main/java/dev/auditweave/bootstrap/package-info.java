/**
 * Internal, not API, although its types are public: what the {@code -javaagent} keeps at the top level of its jar and
 * appends to the bootstrap class path, so that instrumented code in any class loader reaches it. The launcher
 * ({@code premain}), the bridge the Byte Buddy advice calls ({@link dev.auditweave.bootstrap.EmitBridge} to an
 * {@link dev.auditweave.bootstrap.EmitHandler}), and the {@link dev.auditweave.bootstrap.RuntimeControl} behind the
 * {@code Auditweave} facade. Applications call the facade, never these.
 *
 * <pre>{@code
 * java -javaagent:auditweave-agent.jar -jar app.jar     // AgentLauncher.premain installs the EmitHandler
 * }</pre>
 */
package dev.auditweave.bootstrap;
