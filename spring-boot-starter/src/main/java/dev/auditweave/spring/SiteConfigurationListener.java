package dev.auditweave.spring;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Hands the emit sites that the {@code Environment} declares ({@code auditweave.emit.<id>.*}) and switches off
 * ({@code auditweave.disable.*}) to auditweave as soon as the environment is prepared, before any bean class is
 * loaded: the {@code -javaagent} matches a class when it loads, which for a Spring Security or other library class is
 * long before {@link AuditweaveLifecycle} starts the runtime. Registered in {@code META-INF/spring.factories}. An
 * invalid value is left for the lifecycle's start to report, where it fails the context as usual.
 *
 * <pre>{@code
 * # application.properties
 * auditweave.emit.signin.method=org.springframework.security.authentication.AuthenticationEventPublisher\
 *   #publishAuthenticationSuccess(org.springframework.security.core.Authentication)
 * auditweave.emit.signin.type=auth.signin
 * auditweave.emit.signin.data.kilo_user_id=args[0].name
 * }</pre>
 */
public final class SiteConfigurationListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SiteConfigurationListener.class);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        try {
            EnvironmentValues values = EnvironmentValues.of(event.getEnvironment());
            Auditweave.configureSites(values.values(), values.origins());
        } catch (ConfigException e) {
            LOG.debug("auditweave: emit sites are read again at start, which reports: {}", e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("auditweave: could not read the emit sites of the environment early: {}", e.toString());
        }
    }
}
