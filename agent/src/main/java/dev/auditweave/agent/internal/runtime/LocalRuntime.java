package dev.auditweave.agent.internal.runtime;

import dev.auditweave.agent.ActorResolver;
import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.AuditweaveTransaction;
import dev.auditweave.agent.EmitSite;
import dev.auditweave.agent.EventEnricher;
import dev.auditweave.agent.EventTap;
import dev.auditweave.agent.RequestResolver;

import dev.auditweave.agent.internal.capture.ActorResolvers;
import dev.auditweave.agent.internal.capture.CapturePath;
import dev.auditweave.agent.internal.config.DeclaredEmit;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.context.RequestResolvers;
import dev.auditweave.agent.internal.enrich.Enrichers;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.plan.BuildCheckedSites;
import dev.auditweave.agent.internal.plan.DeclaredSites;
import dev.auditweave.agent.internal.plan.PreparedSites;
import dev.auditweave.agent.internal.plan.SiteRules;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.runtime.Taps;
import dev.auditweave.agent.internal.sink.SinkProviders;
import dev.auditweave.agent.internal.tx.ScopedTransactions;
import dev.auditweave.agent.internal.tx.Transactions;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.agent.spi.SinkProvider;
import dev.auditweave.bootstrap.LogTarget;
import dev.auditweave.bootstrap.RuntimeControl;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The runtime of this copy of auditweave, as the {@link Auditweave} facade asks it. The facade of the application's
 * copy uses it when no {@code -javaagent} is attached; the agent hands its own copy's instance to every other copy
 * through {@link dev.auditweave.bootstrap.EmitBridge}. Kept apart from the facade so that the agent's shared copy
 * of the facade, on the bootstrap class path, never resolves the runtime there.
 *
 * <p>Internal: applications use {@link Auditweave}.
 */
public final class LocalRuntime implements RuntimeControl {

    private static final LocalRuntime INSTANCE = new LocalRuntime();

    private LocalRuntime() {
    }

    /** This copy's runtime. */
    public static RuntimeControl control() {
        return INSTANCE;
    }

    @Override
    public void start(Map<String, String> values, Map<String, String> origins) {
        Settings settings = Settings.fromValues(values, origins, System.getenv());
        DeclaredSites.fromFramework(settings);
        AuditweaveRuntime.startWith(settings);
    }

    @Override
    public void configureSites(Map<String, String> values, Map<String, String> origins) {
        DeclaredSites.fromFramework(Settings.fromValues(values, origins, System.getenv()));
    }

    @Override
    public boolean stop(long timeoutMillis) {
        boolean clean = AuditweaveRuntime.stop(Duration.ofMillis(timeoutMillis)) == 0;
        DeclaredSites.frameworkStopped();
        return clean;
    }

    @Override
    public long shutdownTimeoutMillis() {
        return AuditweaveRuntime.current().settings().shutdownTimeout().toMillis();
    }

    @Override
    public void prepare(Method method) {
        if (!PreparedSites.isAnnotated(method)) {
            return;
        }
        AuditweaveRuntime runtime = AuditweaveRuntime.current();
        PreparedSites.prepare(method, !runtime.isIdle(),
                "auditweave is idle (auditweave.enabled=false, or no sink): nothing is captured");
        CapturePath.warmUp();
        Transactions.prepare(method.getDeclaringClass());
    }

    @Override
    public int prepareBuildCheckedSites(ClassLoader loader) {
        return BuildCheckedSites.prepare(loader, this::prepare);
    }

    @Override
    public List<EmitSite> emitSites() {
        AuditweaveRuntime runtime = AuditweaveRuntime.current();
        List<EmitSite> sites = new ArrayList<>();
        PreparedSites.all().forEach((method, prepared) -> {
            String signature = method.getName() + Arrays.stream(method.getParameterTypes())
                    .map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
            for (PreparedSites.Site site : prepared) {
                sites.add(new EmitSite(method.getDeclaringClass().getName(), signature, site.type(), site.guard(),
                        site.enabled() ? runtime.sinksFor(site.type()) : List.of(), site.enabled(), site.reason(),
                        BuildCheckedSites.listed(method, site.type()), site.switchedOff(), site.declaredBy()));
            }
        });
        sites.addAll(declaredSites(runtime));
        sites.sort(Comparator.comparing(EmitSite::className).thenComparing(EmitSite::method)
                .thenComparing(EmitSite::type));
        return List.copyOf(sites);
    }

    /**
     * One site per declaration in configuration, on the class or interface it names: enabled once that class was
     * loaded with the method (its implementations are captured), else why not.
     */
    private static List<EmitSite> declaredSites(AuditweaveRuntime runtime) {
        List<EmitSite> sites = new ArrayList<>();
        SiteRules rules = DeclaredSites.rules();
        for (DeclaredEmit declaration : rules.declarations()) {
            String switchedOff = rules.switchedOff(declaration);
            String problem = switchedOff != null ? switchedOff : DeclaredSites.problem(declaration);
            boolean enabled = problem.isEmpty() && !runtime.isIdle();
            sites.add(new EmitSite(declaration.method().className(), declaration.signature(), declaration.type(),
                    declaration.when(), enabled ? runtime.sinksFor(declaration.type()) : List.of(), enabled,
                    problem.isEmpty() && !enabled ? "auditweave is idle: nothing is captured" : problem, false,
                    switchedOff != null, declaration.methodKey()));
        }
        return sites;
    }

    @Override
    public AuditweaveMetrics metrics(String sink) {
        AuditweaveRuntime runtime = AuditweaveRuntime.current();
        return sink == null ? runtime.metrics() : runtime.metrics(sink);
    }

    @Override
    public List<String> sinkNames() {
        return AuditweaveRuntime.current().sinkNames();
    }

    @Override
    public void logThrough(LogTarget target) {
        Loggers.redirectTo(target);
    }

    @Override
    public boolean flush(long timeoutMillis) {
        return AuditweaveRuntime.current().flush(Duration.ofMillis(timeoutMillis));
    }

    @Override
    public AuditweaveTransaction beginTransaction() {
        return ScopedTransactions.begin();
    }

    @Override
    public void addEnricher(EventEnricher enricher) {
        Enrichers.add(enricher);
    }

    @Override
    public void removeEnricher(EventEnricher enricher) {
        Enrichers.remove(enricher);
    }

    @Override
    public void addSinkProvider(SinkProvider provider) {
        SinkProviders.add(provider);
    }

    @Override
    public void removeSinkProvider(SinkProvider provider) {
        SinkProviders.remove(provider);
    }

    @Override
    public void addActorResolver(ActorResolver resolver) {
        ActorResolvers.add(resolver);
    }

    @Override
    public void removeActorResolver(ActorResolver resolver) {
        ActorResolvers.remove(resolver);
    }

    @Override
    public void addRequestResolver(RequestResolver resolver) {
        RequestResolvers.add(resolver);
    }

    @Override
    public void removeRequestResolver(RequestResolver resolver) {
        RequestResolvers.remove(resolver);
    }

    @Override
    public void addTap(EventTap tap) {
        Taps.add(tap);
    }

    @Override
    public void removeTap(EventTap tap) {
        Taps.remove(tap);
    }

    @Override
    public boolean awaitEnrichment(long timeoutMillis) {
        return AuditweaveRuntime.current().awaitEnrichment(Duration.ofMillis(timeoutMillis));
    }
}
