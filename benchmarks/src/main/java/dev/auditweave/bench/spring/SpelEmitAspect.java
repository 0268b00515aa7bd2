package dev.auditweave.bench.spring;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * What many teams write today: an {@code @Around} aspect that proceeds, evaluates a SpEL condition against
 * the arguments and the result, evaluates the SpEL fields and hands a map to a publisher. A generous version:
 * parsed expressions are cached (many hand-written aspects parse per call) and the publisher is a
 * non-blocking offer to a bounded queue, the same hand-off auditweave does.
 */
@Aspect
public class SpelEmitAspect {

    private final ExpressionParser parser = new SpelExpressionParser();
    private final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
    private final Map<String, Expression> parsed = new ConcurrentHashMap<>();
    private final Consumer<Map<String, Object>> publisher;

    public SpelEmitAspect(Consumer<Map<String, Object>> publisher) {
        this.publisher = publisher;
    }

    @Around("@annotation(emit)")
    public Object around(ProceedingJoinPoint pjp, SpelEmit emit) throws Throwable {
        Object result = pjp.proceed();
        try {
            Method method = ((MethodSignature) pjp.getSignature()).getMethod();
            MethodBasedEvaluationContext context =
                    new MethodBasedEvaluationContext(pjp.getTarget(), method, pjp.getArgs(), names);
            context.setVariable("result", result);
            if (!emit.condition().isEmpty()
                    && !Boolean.TRUE.equals(expression(emit.condition()).getValue(context, Boolean.class))) {
                return result;
            }
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", emit.type());
            event.put("occurred_at", System.currentTimeMillis());
            Map<String, Object> data = new LinkedHashMap<>();
            for (String field : emit.data()) {
                int eq = field.indexOf('=');
                data.put(field.substring(0, eq), expression(field.substring(eq + 1)).getValue(context));
            }
            event.put("data", data);
            publisher.accept(event);
        } catch (RuntimeException e) {
            // fail-open, as the field notes demand
        }
        return result;
    }

    private Expression expression(String source) {
        return parsed.computeIfAbsent(source, parser::parseExpression);
    }
}
