package dev.auditweave.agent.internal.expr;

import static dev.auditweave.agent.internal.expr.Compile.compile;
import static dev.auditweave.agent.internal.expr.Compile.fails;
import static dev.auditweave.agent.internal.expr.Compile.scope;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextRootsTest {

    interface Api {
        int signUp(String userId);

        void shadow(String REQUEST);

        void headers(Map<String, String> headers);
    }

    private static final Scope SIGN_UP = scope(Api.class, "signUp");
    private static final Request REQUEST = new Request("203.0.113.7", "POST", "/api/auth/signup", "curl/8.5.0",
            ContextMap.caseInsensitive(Map.of("User-Agent", "curl/8.5.0", "CF-IPCountry", "NZ")));
    private static final Trace TRACE = new Trace("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");
    private static final ContextMap MDC = ContextMap.of(Map.of("request-id", "r-42", "tenant", "acme"));

    /** {@code signUp}'s arguments with the context slots: actor, request, trace, MDC. */
    private static Object[] args(Request request, Trace trace, ContextMap mdc) {
        return new Object[] {"u-1", null, request, trace, mdc};
    }

    // ---------------------------------------------------------------- REQUEST

    @Test
    void request_partsAreTypedStrings() {
        Object[] args = args(REQUEST, null, null);
        assertThat(compile("REQUEST.ip", SIGN_UP).evaluate(args, 1, 0L)).isEqualTo("203.0.113.7");
        assertThat(compile("REQUEST.userAgent", SIGN_UP).evaluate(args, 1, 0L)).isEqualTo("curl/8.5.0");
        assertThat(compile("REQUEST.method + ' ' + REQUEST.path", SIGN_UP).evaluate(args, 1, 0L))
                .isEqualTo("POST /api/auth/signup");
        fails("REQUEST.ip > 1", SIGN_UP, 11, "operator '>' cannot compare REQUEST.ip (a String) with 1 (a number)");
    }

    @Test
    void request_headerByQuotedNameIgnoresCase() {
        Object[] args = args(REQUEST, null, null);
        assertThat(compile("REQUEST.headers['user-agent']", SIGN_UP).evaluate(args, 1, 0L)).isEqualTo("curl/8.5.0");
        assertThat(compile("REQUEST.headers['CF-IPCountry'] == 'NZ'", SIGN_UP).test(args, 1, 0L)).isTrue();
        assertThat(compile("REQUEST.headers['X-JA4']", SIGN_UP).evaluate(args, 1, 0L)).isNull();
        assertThat(compile("REQUEST.headers.accept", SIGN_UP).evaluate(args, 1, 0L)).isNull();
    }

    @Test
    void request_outsideARequestIsNullAndSoAreItsParts() {
        Object[] outside = args(null, null, null);
        assertThat(compile("REQUEST.ip", SIGN_UP).evaluate(outside, 1, 0L)).isNull();
        assertThat(compile("REQUEST.headers['User-Agent']", SIGN_UP).evaluate(outside, 1, 0L)).isNull();
        assertThat(compile("REQUEST == null", SIGN_UP).test(outside, 1, 0L)).isTrue();
        assertThat(compile("REQUEST.ip", SIGN_UP).evaluate(new Object[] {"u-1"}, 1, 0L))
                .as("without the context slots").isNull();
    }

    @Test
    void request_misspeltPartIsAnErrorListingTheParts() {
        fails("REQUEST.ipp", SIGN_UP, 8, "no property 'ipp' on REQUEST (it has: ip, method, path, userAgent, headers);"
                + " did you mean 'ip'?; a header is read by name, as in REQUEST.headers['User-Agent']");
    }

    @Test
    void request_asAWholeValueIsAnErrorSoThatNoHeaderLeavesByAccident() {
        fails("REQUEST", SIGN_UP, 0, "REQUEST is the whole request, which would send every header (cookies and"
                + " authorization included): name the part, as in REQUEST.ip, REQUEST.userAgent, REQUEST.method,"
                + " REQUEST.path or REQUEST.headers['X-Request-Id']");
        fails("REQUEST.headers", SIGN_UP, 0, "REQUEST.headers is a whole map of headers, which would send every"
                + " entry: name the key, as in REQUEST.headers['User-Agent']");
        fails("'h: ' + REQUEST.headers", SIGN_UP, 8, "REQUEST.headers is a whole map of headers, which would send"
                + " every entry: name the key, as in REQUEST.headers['User-Agent']");
    }

    @Test
    void request_winsOverAParameterOfTheSameName() {
        Scope shadow = scope(Api.class, "shadow");
        Object[] args = {"the parameter", null, REQUEST, null, null};
        assertThat(compile("REQUEST.ip", shadow).evaluate(args, null, 0L)).isEqualTo("203.0.113.7");
        assertThat(compile("args[0]", shadow).evaluate(args, null, 0L)).isEqualTo("the parameter");
    }

    // ---------------------------------------------------------------- TRACE

    @Test
    void trace_idsAndTheWholeTrace() {
        Object[] args = args(null, TRACE, null);
        assertThat(compile("TRACE.traceId", SIGN_UP).evaluate(args, 1, 0L)).isEqualTo(TRACE.traceId());
        assertThat(compile("TRACE.spanId", SIGN_UP).evaluate(args, 1, 0L)).isEqualTo(TRACE.spanId());
        assertThat(compile("TRACE", SIGN_UP).evaluate(args, 1, 0L)).isSameAs(TRACE);
        assertThat(compile("TRACE.traceId", SIGN_UP).evaluate(args(null, null, null), 1, 0L))
                .as("no span").isNull();
        fails("TRACE.trace", SIGN_UP, 6, "no property 'trace' on TRACE (it has: traceId, spanId); did you mean"
                + " 'traceId'?");
    }

    // ---------------------------------------------------------------- MDC

    @Test
    void mdc_keysByNameDottedOrQuoted() {
        Object[] args = args(null, null, MDC);
        assertThat(compile("MDC.tenant", SIGN_UP).evaluate(args, 1, 0L)).isEqualTo("acme");
        assertThat(compile("MDC['request-id']", SIGN_UP).evaluate(args, 1, 0L)).isEqualTo("r-42");
        assertThat(compile("MDC.absent", SIGN_UP).evaluate(args, 1, 0L)).isNull();
        fails("MDC.tenant * 2", SIGN_UP, 0, "operator '*' needs numbers, but MDC.tenant is a String");
        fails("MDC", SIGN_UP, 0, "MDC is a whole map of logging context keys, which would send every entry: name the"
                + " key, as in MDC.requestId or MDC['request-id']");
    }

    // ---------------------------------------------------------------- quoted names elsewhere

    @Test
    void quotedName_readsAMapKeyOfAParameterToo() {
        Scope headers = scope(Api.class, "headers");
        assertThat(compile("headers['X-Request-Id']", headers)
                .evaluate(new Object[] {Map.of("X-Request-Id", "r-7")}, null, 0L)).isEqualTo("r-7");
    }

    @Test
    void quotedName_needsAQuotedNonEmptyName() {
        fails("REQUEST.headers[0]", SIGN_UP, 16, "expected a quoted name, as in headers['User-Agent'] (only args"
                + " takes a number, as in args[0])");
        fails("REQUEST.headers['']", SIGN_UP, 16, "expected a name between the quotes, as in headers['User-Agent']");
        fails("REQUEST.headers['User-Agent'", SIGN_UP, 28, "expected ']'");
    }

    // ---------------------------------------------------------------- what an expression reads

    @Test
    void eachRootIsReadOnlyWhenWrittenAndCountsAsReadingTheArguments() {
        CompiledExpression both = compile("REQUEST.ip + TRACE.traceId", SIGN_UP);
        assertThat(both.contextRoots()).isEqualTo(ContextRoot.REQUEST.bit() | ContextRoot.TRACE.bit());
        assertThat(both.readsArguments()).isTrue();
        assertThat(both.readsActor()).isFalse();
        assertThat(compile("MDC.tenant", SIGN_UP).contextRoots()).isEqualTo(ContextRoot.MDC.bit());
        assertThat(compile("ACTOR.id", SIGN_UP).contextRoots()).isEqualTo(ContextRoot.ACTOR.bit());
        assertThat(compile("userId", SIGN_UP).contextRoots()).isZero();
        CompiledExpression rows = ExpressionCompiler.compile("RETURNED_ROWS > 0", SIGN_UP, Expected.BOOLEAN);
        assertThat(rows.contextRoots()).isZero();
        assertThat(rows.readsArguments()).isFalse();
    }
}
