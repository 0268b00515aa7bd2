package dev.auditweave.agent.internal.context;

import dev.auditweave.agent.ClientRequest;
import dev.auditweave.agent.RequestResolver;
import dev.auditweave.agent.internal.log.Loggers;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The built-in {@link RequestResolver} for the servlet request that Spring binds to the thread
 * ({@code RequestContextHolder}: every Spring MVC request, and any servlet application with Spring's
 * {@code RequestContextFilter} or {@code RequestContextListener}), asked after every other resolver when Spring Web is
 * visible from the application's class loader. Reaches Spring and the servlet API (Jakarta or the older
 * {@code javax.servlet}, whichever {@code ServletRequestAttributes.getRequest()} returns) through method handles
 * looked up once per class loader, so auditweave depends on neither.
 *
 * <pre>{@code
 * RequestResolver spring = SpringWebRequests.find(UserService.class.getClassLoader());   // null: no Spring Web
 * ClientRequest request = spring.resolve();                                             // null outside a request
 * }</pre>
 */
final class SpringWebRequests implements RequestResolver {

    private static final Logger LOG = Loggers.get(SpringWebRequests.class);

    private static final String HOLDER = "org.springframework.web.context.request.RequestContextHolder";
    private static final String ATTRIBUTES = "org.springframework.web.context.request.ServletRequestAttributes";

    private final Class<?> attributesType;
    /** {@code ()Object}: {@code RequestContextHolder.getRequestAttributes()}. */
    private final MethodHandle attributes;
    /** {@code (Object)Object}: {@code ServletRequestAttributes.getRequest()}. */
    private final MethodHandle request;
    /** {@code (Object)Object} each: {@code getMethod()}, {@code getRequestURI()}, {@code getRemoteAddr()}. */
    private final MethodHandle method;
    private final MethodHandle uri;
    private final MethodHandle remoteAddress;
    /** {@code (Object)Object}: {@code getHeaderNames()}, an {@code Enumeration<String>}. */
    private final MethodHandle headerNames;
    /** {@code (Object,String)Object}: {@code getHeaders(name)}, an {@code Enumeration<String>}. */
    private final MethodHandle headers;

    private SpringWebRequests(Class<?> attributesType, MethodHandle attributes, MethodHandle request,
                              MethodHandle method, MethodHandle uri, MethodHandle remoteAddress,
                              MethodHandle headerNames, MethodHandle headers) {
        this.attributesType = attributesType;
        this.attributes = attributes;
        this.request = request;
        this.method = method;
        this.uri = uri;
        this.remoteAddress = remoteAddress;
        this.headerNames = headerNames;
        this.headers = headers;
    }

    /**
     * The resolver for the Spring Web that {@code loader} sees, or {@code null} when it sees none (or one without
     * the expected methods, which is logged). Never throws.
     */
    static RequestResolver find(ClassLoader loader) {
        Class<?> holder;
        Class<?> attributesType;
        try {
            holder = Class.forName(HOLDER, false, loader);
            attributesType = Class.forName(ATTRIBUTES, false, loader);
        } catch (ClassNotFoundException | LinkageError absent) {
            return null;
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Method getRequest = attributesType.getMethod("getRequest");
            Class<?> servletRequest = getRequest.getReturnType();
            Class<?> requestAttributes = holder.getMethod("getRequestAttributes").getReturnType();
            MethodType reader = MethodType.methodType(Object.class, Object.class);
            MethodHandle attributes = lookup.findStatic(holder, "getRequestAttributes",
                    MethodType.methodType(requestAttributes)).asType(MethodType.methodType(Object.class));
            MethodHandle request = lookup.unreflect(getRequest).asType(reader);
            MethodHandle method = text(lookup, servletRequest, "getMethod");
            MethodHandle uri = text(lookup, servletRequest, "getRequestURI");
            MethodHandle remote = text(lookup, servletRequest, "getRemoteAddr");
            MethodHandle names = lookup.findVirtual(servletRequest, "getHeaderNames",
                    MethodType.methodType(Enumeration.class)).asType(reader);
            MethodHandle values = lookup.findVirtual(servletRequest, "getHeaders",
                    MethodType.methodType(Enumeration.class, String.class))
                    .asType(MethodType.methodType(Object.class, Object.class, String.class));
            return new SpringWebRequests(attributesType, attributes, request, method, uri, remote, names, values);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warn("auditweave: Spring Web is on the class path of {} but not as expected ({}); REQUEST is not"
                    + " resolved from it", loader, e.toString());
            return null;
        }
    }

    private static MethodHandle text(MethodHandles.Lookup lookup, Class<?> type, String name)
            throws ReflectiveOperationException {
        return lookup.findVirtual(type, name, MethodType.methodType(String.class))
                .asType(MethodType.methodType(Object.class, Object.class));
    }

    @Override
    public ClientRequest resolve() {
        try {
            Object bound = (Object) attributes.invokeExact();
            if (!attributesType.isInstance(bound)) {
                return null;
            }
            Object servlet = (Object) request.invokeExact(bound);
            if (servlet == null) {
                return null;
            }
            return ClientRequest.of((String) (Object) method.invokeExact(servlet),
                    (String) (Object) uri.invokeExact(servlet), (String) (Object) remoteAddress.invokeExact(servlet),
                    headers(servlet));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("the servlet request could not be read: " + t, t);
        }
    }

    private Map<String, String> headers(Object servlet) throws Throwable {
        Map<String, String> copy = new LinkedHashMap<>();
        Enumeration<?> names = (Enumeration<?>) (Object) headerNames.invokeExact(servlet);
        while (names != null && names.hasMoreElements()) {
            Object name = names.nextElement();
            if (!(name instanceof String header) || header.isBlank()) {
                continue;
            }
            Enumeration<?> values = (Enumeration<?>) (Object) headers.invokeExact(servlet, header);
            StringBuilder joined = new StringBuilder();
            while (values != null && values.hasMoreElements()) {
                Object value = values.nextElement();
                if (value != null) {
                    joined.append(joined.length() == 0 ? "" : ", ").append(value);
                }
            }
            copy.merge(header, joined.toString(), (a, b) -> a + ", " + b);
        }
        return copy;
    }

    @Override
    public String toString() {
        return "SpringWebRequests[" + attributesType.getClassLoader() + "]";
    }
}
