package dev.auditweave.agent.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.plan.ArgumentAtHand;
import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.bootstrap.EmitBridge;
import dev.auditweave.bootstrap.EmitHandler;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HotSpot's C2 inlines a call only when the classes named by the callee's signature are loaded; otherwise the call
 * stays out of line ("unloaded signature classes" in {@code -XX:+PrintInlining}), and a guard-false call pays for it
 * every time. Two getters on that path return a class that a JVM may otherwise never load: {@link EmitHandler} when
 * no agent is attached, {@link ArgumentAtHand} when no guard reads an argument alone. Each test starts auditweave's
 * classes afresh in a class loader of their own, as an application without those cases would, and looks at what is
 * loaded. The per-call cost itself is measured by {@code PerCallBenchmark.guardFalse_aspectj} (docs/performance.md).
 */
class HotPathSignaturesTest {

    @Test
    void withoutAnAgentTheHandlerTypeIsLoadedOnceTheHandoffIsDecided() throws Exception {
        try (FreshClasses fresh = new FreshClasses()) {
            Class.forName(AgentHandoff.class.getName(), true, fresh);

            // Asked first: reflecting on EmitBridge would load EmitHandler as well.
            assertThat(fresh.loaded(EmitHandler.class)).as("EmitHandler, which AgentHandoff.agent() returns").isTrue();
            assertThat(fresh.handlerInstalled()).as("no agent in this loader").isFalse();
        }
    }

    @Test
    void aPlanWithNoArgumentAtHandHasThatClassLoaded() throws Exception {
        try (FreshClasses fresh = new FreshClasses()) {
            Class<?> planType = Class.forName(EmitPlan.class.getName(), true, fresh);
            assertThat(fresh.loaded(ArgumentAtHand.class)).as("before any plan").isFalse();

            Object plan = planType.getConstructor(String.class, List.class).newInstance("none", List.of());

            // Asked first: reflecting on argumentAtHand() would load ArgumentAtHand as well.
            assertThat(fresh.loaded(ArgumentAtHand.class)).as("ArgumentAtHand, which argumentAtHand() returns")
                    .isTrue();
            assertThat(planType.getMethod("argumentAtHand").invoke(plan)).as("this plan's").isNull();
        }
    }

    /** Loads auditweave's own classes itself, from the agent's and the annotations' class directories or jars. */
    private static final class FreshClasses extends URLClassLoader {

        FreshClasses() {
            super(new URL[] {codeSource(AgentHandoff.class), codeSource(EmitBridge.class),
                    codeSource(dev.auditweave.annotations.EmitsAbuseEvent.class)},
                    FreshClasses.class.getClassLoader());
        }

        private static URL codeSource(Class<?> type) {
            return type.getProtectionDomain().getCodeSource().getLocation();
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.auditweave.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                return type != null ? type : findClass(name);
            }
        }

        boolean loaded(Class<?> type) {
            return findLoadedClass(type.getName()) != null;
        }

        boolean handlerInstalled() throws ReflectiveOperationException {
            return loadClass(EmitBridge.class.getName()).getMethod("handler").invoke(null) != null;
        }
    }
}
