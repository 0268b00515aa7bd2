package dev.auditweave.agent.internal.weave.bytebuddy;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.declaresField;
import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;

import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.plan.DeclaredSites;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.runtime.LocalRuntime;
import dev.auditweave.bootstrap.EmitBridge;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.slf4j.Logger;

/**
 * The agent proper, started by {@link dev.auditweave.bootstrap.AgentLauncher} in the agent's private class loader:
 *
 * <pre>{@code
 * java -javaagent:agent/target/auditweave-agent.jar=sink=http,http.url=http://host/api/events -jar app.jar
 * }</pre>
 *
 * Instruments every method that carries {@code @EmitsAbuseEvent}, or inherits it from a superclass or interface
 * method (Spring Data repository proxies included), and every method a site is declared on in configuration
 * ({@code auditweave.emit.<id>.method}, implementations and overrides of a declared interface or superclass method
 * included), but none that configuration switched off ({@code auditweave.disable.*}), never the JDK's or auditweave's own classes, and never a
 * method that AspectJ already wove (that would emit twice): a woven class's calls are handed to this agent's
 * runtime through {@link EmitBridge}, so one runtime serves the JVM. If anything goes wrong here the application
 * starts uninstrumented.
 */
public final class AuditweaveAgent {

    private static final Logger LOG = Loggers.get(AuditweaveAgent.class);
    private static final String EMITS = "dev.auditweave.annotations.EmitsAbuseEvent";
    private static final String EMITS_CONTAINER = "dev.auditweave.annotations.EmitsAbuseEvents";
    private static final String MONO = "reactor.core.publisher.Mono";
    private static final String FLUX = "reactor.core.publisher.Flux";
    /**
     * Byte Buddy's Nexus serves self-injected type initializers, which inlined advice never needs; left enabled,
     * creating an AgentBuilder probes {@code sun.misc.Unsafe} and Java 24+ prints warnings on the application's
     * stderr. The shaded jar relocates this name with Byte Buddy, so only auditweave's private copy reads it.
     */
    private static final String NEXUS_DISABLED = "net.bytebuddy.nexus.disabled";

    /** Compiles plans, and checks declared sites, off the application's threads. */
    private static final PlanPrecompiler PRECOMPILER = new PlanPrecompiler();

    private AuditweaveAgent() {
    }

    /**
     * At JVM start no application class is loaded yet, so nothing needs retransforming, and Byte Buddy is not
     * even initialised until the first class that declares or inherits an annotated method is loaded: an
     * {@link AnnotatedClassesOnly} filter decides from each class file's bytes and hands only those classes to
     * Byte Buddy. Start-up pays for the runtime, not for Byte Buddy.
     */
    public static void premain(String arguments, Instrumentation instrumentation) {
        try {
            DeclaredSites.agentAttached();
            if (attach(arguments)) {
                instrumentation.addTransformer(new AnnotatedClassesOnly(
                        () -> agentBuilder(instrumentation, AgentBuilder.RedefinitionStrategy.DISABLED).makeRaw(),
                        ApplicationConfiguration::firstApplicationLoader, (name, loader) -> {
                            DeclaredSites.classLoading(name);
                            PRECOMPILER.scheduleDeclared(name, loader);
                        }), false);
                Runtime.getRuntime().addShutdownHook(
                        new Thread(DeclaredSites::reportNeverLoaded, "auditweave-declared-sites"));
            }
        } catch (Throwable t) {
            LOG.error("auditweave: the agent could not start; the application runs uninstrumented", t);
        }
    }

    /** For dynamic attach; classes already loaded are retransformed. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        try {
            DeclaredSites.agentAttached();
            if (attach(arguments)) {
                agentBuilder(instrumentation, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                        .installOn(instrumentation);
            }
        } catch (Throwable t) {
            LOG.error("auditweave: the agent could not start; the application runs uninstrumented", t);
        }
    }

    private static boolean attach(String arguments) {
        if (!EmitBridge.install(new AgentEmitHandler(LocalRuntime.control()))) {
            LOG.warn("auditweave: another auditweave agent is attached already; this one does nothing");
            return false;
        }
        AuditweaveRuntime runtime = AuditweaveRuntime.install(arguments);
        if (runtime.isIdle()) {
            LOG.info("auditweave: nothing to deliver to, no class is instrumented");
            return false;
        }
        return true;
    }

    /** The advice inlined at the exits of every instrumented method, with its own parameter bindings. */
    static Advice emitAdvice() {
        return Advice.withCustomMapping()
                .bind(PlanId.class, new PlanIdMapping())
                .bind(new ReferenceArgumentMapping.Factory())
                .to(EmitAdvice.class);
    }

    private static AgentBuilder agentBuilder(Instrumentation instrumentation,
                                             AgentBuilder.RedefinitionStrategy redefinition) {
        if (System.getProperty(NEXUS_DISABLED) == null) {
            System.setProperty(NEXUS_DISABLED, "true");
        }
        Advice advice = emitAdvice();
        Advice publisherAdvice =
                Advice.withCustomMapping().bind(PlanId.class, new PlanIdMapping()).to(PublisherAdvice.class);
        // Declared Mono or Flux exactly: the watching publisher must fit the declared type (else a plan-time error).
        ElementMatcher.Junction<MethodDescription> reactor = returns(named(MONO).or(named(FLUX)));
        return new AgentBuilder.Default()
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .disableClassFormatChanges()
                .with(redefinition)
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(new TransformationLog())
                // A JDK proxy lives in a named module (jdk.proxyN), which must read the bridge's unnamed one.
                .assureReadEdgeTo(instrumentation, EmitBridge.class)
                .ignore(any(), isBootstrapClassLoader())
                .or(ignoredTypes())
                .type(declaresMethod(advisedMethods(false)))
                .transform((builder, type, classLoader, module, domain) -> {
                    ElementMatcher.Junction<MethodDescription> advised = advisedMethods(wovenByAspectj().matches(type));
                    return builder.visit(advice.on(advised)).visit(publisherAdvice.on(advised.and(reactor)));
                });
    }

    /**
     * The methods the agent instruments: concrete ones that carry {@code @EmitsAbuseEvent}, have a site declared on
     * them in configuration, or inherit either from a superclass or interface method; never one configuration
     * switched off, which so costs nothing.
     *
     * @param wovenByAspectj whether the class was woven by AspectJ, whose aspect already advises its own annotated
     *                       methods: then only the inherited and declared ones
     */
    static ElementMatcher.Junction<MethodDescription> advisedMethods(boolean wovenByAspectj) {
        ElementMatcher.Junction<MethodDescription> annotated =
                isAnnotatedWith(named(EMITS)).or(isAnnotatedWith(named(EMITS_CONTAINER)));
        ElementMatcher.Junction<MethodDescription> declared = ConfiguredSites.declared();
        ElementMatcher.Junction<MethodDescription> inherited =
                not(annotated).and(not(declared)).and(new InheritsEmitAnnotation(EMITS, EMITS_CONTAINER));
        ElementMatcher.Junction<MethodDescription> concrete = isMethod().and(not(isAbstract())).and(not(isBridge()))
                .and(not(ConfiguredSites.switchedOff(EMITS, EMITS_CONTAINER)));
        return concrete.and(wovenByAspectj ? inherited.or(declared) : annotated.or(declared).or(inherited));
    }

    private static ElementMatcher.Junction<TypeDescription> ignoredTypes() {
        return nameStartsWith("dev.auditweave.agent.")
                .or(nameStartsWith("dev.auditweave.shaded."))
                .or(nameStartsWith("dev.auditweave.bootstrap."))
                .or(nameStartsWith("java."))
                .or(nameStartsWith("javax."))
                .or(nameStartsWith("jdk.").and(not(nameStartsWith("jdk.proxy"))))
                .or(nameStartsWith("sun."))
                .or(nameStartsWith("com.sun.").and(not(nameStartsWith("com.sun.proxy."))))
                .or(nameStartsWith("org.aspectj."))
                .or(nameContains("$$"))
                .or(isSynthetic());
    }

    /** ajc gives every class it wove with a JoinPoint-taking advice static {@code ajc$tjp_N} fields. */
    private static ElementMatcher.Junction<TypeDescription> wovenByAspectj() {
        return declaresField(nameStartsWith("ajc$tjp_"));
    }

    /**
     * Reports failures to instrument (at WARN) and each instrumented class (at DEBUG), and has the plans of each
     * instrumented class compiled right after.
     */
    private static final class TransformationLog extends AgentBuilder.Listener.Adapter {
        private final PlanPrecompiler precompiler = PRECOMPILER;

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, net.bytebuddy.utility.JavaModule module,
                                     boolean loaded, net.bytebuddy.dynamic.DynamicType dynamicType) {
            LOG.debug("auditweave: instrumented {}", type.getName());
            if (loader != null) {
                precompiler.schedule(type.getName(), loader);
            }
        }

        @Override
        public void onError(String typeName, ClassLoader loader, net.bytebuddy.utility.JavaModule module,
                            boolean loaded, Throwable throwable) {
            LOG.warn("auditweave: could not instrument {}; it runs without events: {}", typeName, throwable.toString());
        }
    }
}
