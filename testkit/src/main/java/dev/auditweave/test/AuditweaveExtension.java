package dev.auditweave.test;

import java.lang.reflect.Method;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Records every event emitted during each test, for {@link AuditweaveAssertions}: register it with
 * {@code @ExtendWith(AuditweaveExtension.class)} and take an {@link EmittedEvents} parameter.
 *
 * <pre>{@code
 * @ExtendWith(AuditweaveExtension.class)
 * class UserServiceTest {
 *     @Test
 *     void anUpdateThatMatchesNoRowEmitsNothing(EmittedEvents events) {
 *         users.blockUser("nobody", "spam");
 *         assertThat(events).doesNotContainEvent("user.blocked");
 *     }
 * }
 * }</pre>
 *
 * <p><b>What it records.</b> Every event auditweave releases to delivery, through an {@link dev.auditweave.agent.EventTap}
 * added with the public facade: after its transaction committed (a rolled-back one releases nothing) and after its
 * enrichers ran, whatever its sinks then do with it. It works the same for code woven at build time (the runtime in
 * the test's class path) and under the {@code -javaagent} (surefire's {@code argLine}), where only the public API
 * classes on the bootstrap class path connect the test to the agent's runtime. auditweave must have a sink
 * ({@code auditweave.sink=memory} is the cheapest); the events still go to it.
 *
 * <p><b>Isolation.</b> One recording per test method, of what the test method itself emits: it starts after the
 * {@code @BeforeEach} methods, once the events they (or earlier tests) left in enrichment have gone out, so that a
 * fixture set up there does not show; it ends when the test method returns. {@code @BeforeEach}, {@code @AfterEach}
 * and {@code @BeforeAll} methods cannot take an {@link EmittedEvents}. The runtime and its taps are one per JVM, so
 * under JUnit's parallel execution two tests that record at the same time would see each other's events: their
 * assertions then fail saying so. Give every class that uses the extension
 * {@code @ResourceLock(AuditweaveExtension.EVENTS)} (so they never run at the same time as each other), or
 * {@code @Isolated} when other tests that run in parallel emit events too.
 *
 * <p><b>Transactions.</b> An event that waits for a commit is recorded when it commits. Inside a test-managed
 * transaction that is rolled back at the end (Spring's {@code @Transactional} on a test) it never is: commit it
 * ({@code TestTransaction.flagForCommit(); TestTransaction.end();}) or give that annotation
 * {@code phase = Phase.IMMEDIATE}.
 *
 * <p><b>Without {@code @ExtendWith}.</b> The kit's jar lists the extension in
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension}: with JUnit's automatic registration switched
 * on ({@code junit.jupiter.extensions.autodetection.enabled=true} in {@code junit-platform.properties}, or as a system
 * property of surefire), every test records, and any test may take an {@link EmittedEvents} parameter.
 */
public final class AuditweaveExtension implements BeforeTestExecutionCallback, AfterTestExecutionCallback,
        ParameterResolver {

    /** The {@code @ResourceLock} key of auditweave's events: {@code @ResourceLock(AuditweaveExtension.EVENTS)}. */
    public static final String EVENTS = "dev.auditweave.events";

    /** How long a test's start waits for the events of its set-up and of earlier tests to leave enrichment. */
    private static final Duration SETTLE_BEFORE = Duration.ofSeconds(5);

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AuditweaveExtension.class);

    private final RuntimeView runtime;

    /** The extension JUnit instantiates. */
    public AuditweaveExtension() {
        this(RuntimeView.FACADE);
    }

    AuditweaveExtension(RuntimeView runtime) {
        this.runtime = runtime;
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        runtime.awaitEnrichment(SETTLE_BEFORE);
        String test = context.getTestClass().map(Class::getSimpleName).orElse("?") + "."
                + context.getTestMethod().map(Method::getName).orElse(context.getDisplayName());
        context.getStore(NAMESPACE).put(Recording.class, Recording.start(test, runtime));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Recording recording = context.getStore(NAMESPACE).remove(Recording.class, Recording.class);
        if (recording != null) {
            recording.stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmittedEvents.class;
    }

    @Override
    public EmittedEvents resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Recording recording = context.getTestMethod().isPresent()
                ? context.getStore(NAMESPACE).get(Recording.class, Recording.class) : null;
        if (recording == null) {
            throw new ParameterResolutionException("EmittedEvents holds what one test method emits: take it as a"
                    + " parameter of the @Test method, not of " + parameter.getDeclaringExecutable());
        }
        return recording.events();
    }
}
