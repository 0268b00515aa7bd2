package dev.auditweave.agent.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.ClientRequest;
import dev.auditweave.agent.RequestResolver;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.context.RequestResolvers;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.plan.PlanCache;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class ContextCaptureTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    private final MemorySink sink = new MemorySink();
    private final List<RequestResolver> added = new ArrayList<>();
    private AuditweaveRuntime runtime;

    @BeforeEach
    void start() {
        runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.batch.max-delay-ms", "0",
                "auditweave.context.trusted-proxies", "10.0.0.0/8")), List.of(sink));
    }

    @AfterEach
    void clear() {
        added.forEach(RequestResolvers::remove);
        RequestContextHolder.resetRequestAttributes();
        MDC.clear();
    }

    // ---------------------------------------------------------------- REQUEST

    @Test
    void request_fromSpringsThreadBoundServletRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(servletRequest("POST",
                "/api/auth/signup", "10.0.0.2", Map.of("User-Agent", List.of("curl/8.5.0"),
                        "X-Forwarded-For", List.of("203.0.113.7"), "X-JA4", List.of("t13d1516h2_8daaf6152771")))));

        call("signUp", null, "u-1");

        assertThat(single().data()).containsExactly(Map.entry("kilo_user_id", "u-1"),
                Map.entry("ip_address", "203.0.113.7"), Map.entry("user_agent", "curl/8.5.0"),
                Map.entry("ja4_digest", "t13d1516h2_8daaf6152771"), Map.entry("route", "POST /api/auth/signup"));
    }

    @Test
    void request_severalValuesOfOneHeaderAreJoined() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(servletRequest("GET", "/", "10.0.0.2",
                Map.of("X-Forwarded-For", List.of("198.51.100.1", "203.0.113.7, 10.0.0.5")))));

        call("signUp", null, "u-1");

        assertThat(single().data().get("ip_address")).isEqualTo("203.0.113.7");
    }

    @Test
    void request_aResolverAddedInCodeComesFirst() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(servletRequest("GET", "/", "127.0.0.1",
                Map.of())));
        add(() -> ClientRequest.of("POST", "/grpc/SignUp", "198.51.100.4", Map.of("User-Agent", "grpc-java/1.70")));

        call("signUp", null, "u-1");

        assertThat(single().data()).containsEntry("ip_address", "198.51.100.4")
                .containsEntry("user_agent", "grpc-java/1.70").containsEntry("route", "POST /grpc/SignUp");
    }

    @Test
    void request_outsideARequestIsNullAndTheEventIsStillSent() {
        call("signUp", null, "u-1");

        Map<String, Object> data = single().data();
        assertThat(data).containsEntry("kilo_user_id", "u-1");
        assertThat(data.get("ip_address")).isNull();
        assertThat(data.get("user_agent")).isNull();
        assertThat(runtime.metrics().captureErrors()).isZero();
    }

    @Test
    void request_aResolverThatThrowsLeavesRequestNullCountedAndTheEventSent() {
        add(() -> {
            throw new IllegalStateException("gateway context unavailable");
        });

        call("signUp", null, "u-1");

        assertThat(single().data()).containsEntry("kilo_user_id", "u-1");
        assertThat(runtime.metrics().captureErrors()).isEqualTo(1);
    }

    @Test
    void request_isResolvedOnlyForAnnotationsThatReadIt() {
        Counting resolver = add(new Counting(ClientRequest.of("GET", "/", "127.0.0.1", Map.of())));

        call("noContext", null, "u-1");
        call("traceOnly", null, "u-1");

        assertThat(events()).hasSize(2);
        assertThat(resolver.asked.get()).isZero();
    }

    @Test
    void request_ofAStageIsTheOneServedAtReturnNotAtCompletion() {
        add(new Counting(ClientRequest.of("POST", "/async", "203.0.113.9", Map.of())));
        CompletableFuture<String> stage = new CompletableFuture<>();

        Capture.afterReturn(PlanCache.forMethod(method("signUpLater")), new Object[] {"u-1"}, stage);
        added.forEach(RequestResolvers::remove);
        stage.complete("done");

        assertThat(single().data()).containsEntry("ip_address", "203.0.113.9");
    }

    // ---------------------------------------------------------------- TRACE

    @Test
    void trace_isTheCurrentOpenTelemetrySpan() {
        SpanContext context = SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());
        try (Scope ignored = Span.wrap(context).makeCurrent()) {
            call("traceOnly", null, "u-1");
        }

        assertThat(single().data()).containsExactly(Map.entry("trace_id", TRACE_ID), Map.entry("span_id", SPAN_ID));
    }

    @Test
    void trace_withoutASpanIsNull() {
        call("traceOnly", null, "u-1");

        assertThat(single().data().get("trace_id")).isNull();
        assertThat(runtime.metrics().captureErrors()).isZero();
    }

    // ---------------------------------------------------------------- MDC

    /**
     * The tests' SLF4J binding (slf4j-simple) keeps no MDC at all; its MDC is given SLF4J's own map-backed adapter
     * for these tests, so that {@code org.slf4j.MDC} holds what they put, as with Logback or Log4j.
     */
    private static void withBasicMdc(Runnable test) throws ReflectiveOperationException {
        Method set = MDC.class.getDeclaredMethod("setMDCAdapter", MDCAdapter.class);
        set.setAccessible(true);
        MDCAdapter original = MDC.getMDCAdapter();
        set.invoke(null, new BasicMDCAdapter());
        try {
            test.run();
        } finally {
            set.invoke(null, original);
        }
    }

    @Test
    void mdc_theNamedKeysOfTheApplicationsMdc() throws ReflectiveOperationException {
        withBasicMdc(this::namedKeys);
    }

    private void namedKeys() {
        MDC.put("request-id", "r-42");
        MDC.put("secret", "not sent");

        call("logged", null, "u-1");

        assertThat(single().data()).containsExactly(Map.entry("request_id", "r-42"));
    }

    @Test
    void mdc_aKeyThatIsNotSetIsNull() throws ReflectiveOperationException {
        withBasicMdc(() -> {
            MDC.put("other", "x");

            call("logged", null, "u-1");

            assertThat(single().data().get("request_id")).isNull();
        });
    }

    // ---------------------------------------------------------------- helpers

    private <T extends RequestResolver> T add(T resolver) {
        added.add(resolver);
        RequestResolvers.add(resolver);
        return resolver;
    }

    private void call(String name, Object result, Object... args) {
        Capture.afterReturn(PlanCache.forMethod(method(name)), args, result);
    }

    private Event single() {
        List<Event> events = events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private List<Event> events() {
        assertThat(runtime.flush(Duration.ofSeconds(10))).isTrue();
        return sink.events();
    }

    private static Method method(String name) {
        return Arrays.stream(Fixtures.class.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    /** A servlet request that answers what {@code SpringWebRequests} reads. */
    private static HttpServletRequest servletRequest(String method, String uri, String remote,
                                                     Map<String, List<String>> headers) {
        Map<String, List<String>> byName = new HashMap<>(headers);
        return (HttpServletRequest) Proxy.newProxyInstance(ContextCaptureTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, called, args) -> switch (called.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getRemoteAddr" -> remote;
                    case "getHeaderNames" -> Collections.enumeration(byName.keySet());
                    case "getHeaders" -> Collections.enumeration(byName.getOrDefault((String) args[0], List.of()));
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "request " + method + " " + uri;
                    default -> null;
                });
    }

    private static final class Counting implements RequestResolver {
        private final ClientRequest request;
        private final AtomicInteger asked = new AtomicInteger();

        Counting(ClientRequest request) {
            this.request = request;
        }

        @Override
        public ClientRequest resolve() {
            asked.incrementAndGet();
            return request;
        }
    }

    @SuppressWarnings("unused")
    static final class Fixtures {
        @EmitsAbuseEvent(type = "auth.signup", data = {
                @Field(name = "kilo_user_id", value = "userId"),
                @Field(name = "ip_address", value = "REQUEST.ip"),
                @Field(name = "user_agent", value = "REQUEST.userAgent"),
                @Field(name = "ja4_digest", value = "REQUEST.headers['X-JA4']"),
                @Field(name = "route", value = "REQUEST.method + ' ' + REQUEST.path")})
        void signUp(String userId) {
        }

        @EmitsAbuseEvent(type = "auth.signup", data = @Field(name = "ip_address", value = "REQUEST.ip"))
        CompletableFuture<String> signUpLater(String userId) {
            return null;
        }

        @EmitsAbuseEvent(type = "note.added", data = @Field(name = "kilo_user_id", value = "userId"))
        void noContext(String userId) {
        }

        @EmitsAbuseEvent(type = "traced", data = {@Field(name = "trace_id", value = "TRACE.traceId"),
                @Field(name = "span_id", value = "TRACE.spanId")})
        void traceOnly(String userId) {
        }

        @EmitsAbuseEvent(type = "logged", data = @Field(name = "request_id", value = "MDC['request-id']"))
        void logged(String userId) {
        }
    }
}
