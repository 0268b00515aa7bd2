package dev.auditweave.agent.weave.bytebuddy;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.declaresField;
import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.auditweave.agent.runtime.AuditweaveRuntime;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code -javaagent} entry point:
 *
 * <pre>{@code
 * java -javaagent:agent/target/auditweave-agent.jar=sink=http,http.url=http://host/api/events -jar app.jar
 * }</pre>
 *
 * Instruments only classes that declare an annotated method, never the JDK's or auditweave's own, and never
 * a class that AspectJ already wove (that would emit twice). If anything goes wrong here the application
 * starts uninstrumented.
 */
public final class AuditweaveAgent {

    private static final Logger LOG = LoggerFactory.getLogger(AuditweaveAgent.class);
    private static final String EMITS = "dev.auditweave.annotations.EmitsAbuseEvent";
    private static final String EMITS_CONTAINER = "dev.auditweave.annotations.EmitsAbuseEvents";
    /**
     * Byte Buddy's Nexus serves self-injected type initializers, which inlined advice never needs; left enabled,
     * creating an AgentBuilder probes {@code sun.misc.Unsafe} and Java 24+ prints warnings on the application's
     * stderr. The shaded jar relocates this name with Byte Buddy, so only auditweave's private copy reads it.
     */
    private static final String NEXUS_DISABLED = "net.bytebuddy.nexus.disabled";

    private AuditweaveAgent() {
    }

    /**
     * At JVM start no application class is loaded yet, so nothing needs retransforming, and Byte Buddy is not
     * even initialised until the first class that mentions {@code @EmitsAbuseEvent} is loaded: a
     * {@link AnnotatedClassesOnly} filter looks for the annotation's name in each class file's bytes and hands
     * only those classes to Byte Buddy. Start-up pays for the runtime, not for Byte Buddy.
     */
    public static void premain(String arguments, Instrumentation instrumentation) {
        try {
            if (active(arguments)) {
                instrumentation.addTransformer(new AnnotatedClassesOnly(
                        () -> agentBuilder(AgentBuilder.RedefinitionStrategy.DISABLED).makeRaw()), false);
            }
        } catch (Throwable t) {
            LOG.error("auditweave: the agent could not start; the application runs uninstrumented", t);
        }
    }

    /** For dynamic attach; classes already loaded are retransformed. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        try {
            if (active(arguments)) {
                agentBuilder(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION).installOn(instrumentation);
            }
        } catch (Throwable t) {
            LOG.error("auditweave: the agent could not start; the application runs uninstrumented", t);
        }
    }

    private static boolean active(String arguments) {
        AuditweaveRuntime runtime = AuditweaveRuntime.install(arguments);
        if (runtime.isIdle()) {
            LOG.info("auditweave: nothing to deliver to, no class is instrumented");
            return false;
        }
        return true;
    }

    private static AgentBuilder agentBuilder(AgentBuilder.RedefinitionStrategy redefinition) {
        if (System.getProperty(NEXUS_DISABLED) == null) {
            System.setProperty(NEXUS_DISABLED, "true");
        }
        ElementMatcher.Junction<MethodDescription> annotated =
                isAnnotatedWith(named(EMITS)).or(isAnnotatedWith(named(EMITS_CONTAINER)));
        Advice advice = Advice.withCustomMapping().bind(PlanId.class, new PlanIdMapping()).to(EmitAdvice.class);
        return new AgentBuilder.Default()
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .disableClassFormatChanges()
                .with(redefinition)
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(new TransformationLog())
                .ignore(any(), isBootstrapClassLoader())
                .or(ignoredTypes())
                .type(declaresMethod(annotated).and(not(wovenByAspectj())))
                .transform((builder, type, classLoader, module, domain) ->
                        builder.visit(advice.on(isMethod().and(annotated).and(not(isAbstract())))));
    }

    private static ElementMatcher.Junction<TypeDescription> ignoredTypes() {
        return nameStartsWith("dev.auditweave.agent.")
                .or(nameStartsWith("dev.auditweave.shaded."))
                .or(nameStartsWith("java."))
                .or(nameStartsWith("javax."))
                .or(nameStartsWith("jdk."))
                .or(nameStartsWith("sun."))
                .or(nameStartsWith("com.sun."))
                .or(nameStartsWith("org.aspectj."))
                .or(isSynthetic());
    }

    /** ajc gives every class it wove with a JoinPoint-taking advice static {@code ajc$tjp_N} fields. */
    private static ElementMatcher.Junction<TypeDescription> wovenByAspectj() {
        return declaresField(nameStartsWith("ajc$tjp_"));
    }

    /** Reports failures to instrument (at WARN) and each instrumented class (at DEBUG). */
    private static final class TransformationLog extends AgentBuilder.Listener.Adapter {
        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, net.bytebuddy.utility.JavaModule module,
                                     boolean loaded, net.bytebuddy.dynamic.DynamicType dynamicType) {
            LOG.debug("auditweave: instrumented {}", type.getName());
        }

        @Override
        public void onError(String typeName, ClassLoader loader, net.bytebuddy.utility.JavaModule module,
                            boolean loaded, Throwable throwable) {
            LOG.warn("auditweave: could not instrument {}; it runs without events: {}", typeName, throwable.toString());
        }
    }
}
