/**
 * auditweave for Spring Boot 3.5 and 4.0: add {@code dev.auditweave:auditweave-spring-boot-starter} and configure
 * auditweave in {@code application.properties} or {@code .yml} like any other part of the application.
 *
 * <pre>{@code
 * auditweave.sinks=abuse
 * auditweave.sink.abuse.type=http
 * auditweave.sink.abuse.url=https://abuse.example.com/api/events
 * management.endpoints.web.exposure.include=health,auditweave
 * }</pre>
 *
 * <p><b>Public API</b>: the auto-configuration classes (to order or exclude them), and the beans they define, by
 * type, for {@code @ConditionalOnMissingBean} and tests: {@link dev.auditweave.spring.AuditweaveLifecycle},
 * {@link dev.auditweave.spring.AuditweaveMeterBinder}, {@link dev.auditweave.spring.AuditweaveHealthIndicator}
 * (Boot 4), {@code AuditweaveBoot3HealthIndicator} (Boot 3) and {@link dev.auditweave.spring.AuditweaveEndpoint}.
 * Their constructors and every other type of this package are internal. The starter talks to auditweave only
 * through the {@link dev.auditweave.agent.Auditweave} facade.
 */
package dev.auditweave.spring;
