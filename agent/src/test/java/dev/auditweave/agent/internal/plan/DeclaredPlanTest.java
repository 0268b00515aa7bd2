package dev.auditweave.agent.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.expr.CompiledExpression;
import dev.auditweave.agent.internal.expr.Scope;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.annotations.Outcome;
import dev.auditweave.annotations.Phase;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A site declared in configuration compiles, through the annotation's own code, into the same plan as the equivalent
 * annotation, and fails with the same messages; a switched-off site's plan has nothing left to capture.
 */
class DeclaredPlanTest {

    private static final String FIXTURES = Fixtures.class.getName();

    private final List<String> problems = new ArrayList<>();

    @AfterEach
    void noRulesAfterwards() {
        DeclaredSites.frameworkStopped();
        DeclaredSites.fromRuntime(Settings.defaults());
    }

    @Test
    void aDeclaration_compilesAsTheEquivalentAnnotation() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("auditweave.emit.block.method", FIXTURES + "#declared(java.lang.String, int)");
        keys.put("auditweave.emit.block.type", "user.blocked");
        keys.put("auditweave.emit.block.when", "rank > 2");
        keys.put("auditweave.emit.block.data.kilo_user_id", "userId");
        keys.put("auditweave.emit.block.data.rank", "rank * 10");
        keys.put("auditweave.emit.block.idempotency-key", "'block-' + userId");
        keys.put("auditweave.emit.block.phase", "immediate");
        keys.put("auditweave.emit.block.on", "thrown");
        keys.put("auditweave.emit.block.enrich", "memberships");
        declare(keys);

        EventSpec annotated = single(build("annotated"));
        EventSpec declared = single(build("declared"));

        assertThat(problems).isEmpty();
        assertThat(declared.type()).isEqualTo(annotated.type()).isEqualTo("user.blocked");
        assertThat(declared.afterCommit()).isEqualTo(annotated.afterCommit()).isFalse();
        assertThat(declared.onThrown()).isEqualTo(annotated.onThrown()).isTrue();
        assertThat(declared.enrichers()).isEqualTo(annotated.enrichers()).containsExactly("memberships");
        assertThat(declared.fields()).extracting(EventSpec.FieldSpec::name)
                .isEqualTo(annotated.fields().stream().map(EventSpec.FieldSpec::name).toList())
                .containsExactly("kilo_user_id", "rank");
        Object[] args = {"u-1", 3};
        assertThat(declared.guard().test(args, null, 0L)).isEqualTo(annotated.guard().test(args, null, 0L)).isTrue();
        assertThat(values(declared, args)).isEqualTo(values(annotated, args)).containsExactly("u-1", 30L);
        assertThat(declared.idempotencyKey().evaluate(args, null, 0L))
                .isEqualTo(annotated.idempotencyKey().evaluate(args, null, 0L)).isEqualTo("block-u-1");
    }

    @Test
    void aDeclaration_withABadExpression_failsWithTheAnnotationsMessageNamingItsKey() {
        declare(Map.of(
                "auditweave.emit.typo.method", FIXTURES + "#declaredTypo(java.lang.String)",
                "auditweave.emit.typo.type", "user.blocked",
                "auditweave.emit.typo.data.kilo_user_id", "usrId"));

        assertThat(build("annotatedTypo").specs()).isEmpty();
        assertThat(build("declaredTypo").specs()).isEmpty();

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("auditweave: @EmitsAbuseEvent(type = \"user.blocked\") on ");
        assertThat(problems.get(1)).startsWith("auditweave: declared emit site auditweave.emit.typo.method = '"
                + FIXTURES + "#declaredTypo(java.lang.String)' (override) (type \"user.blocked\") on ");
        assertThat(checkerMessage(problems.get(1))).isEqualTo(checkerMessage(problems.get(0)))
                .contains("data field 'kilo_user_id'").contains("usrId").contains("userId");
    }

    @Test
    void aDeclaration_besideAnAnnotation_addsASecondSite() {
        declare(Map.of(
                "auditweave.emit.more.method", FIXTURES + "#annotatedTypo",
                "auditweave.emit.more.type", "user.watched",
                "auditweave.emit.more.data.kilo_user_id", "userId"));

        EmitPlan plan = build("annotatedTypo");

        assertThat(plan.specs()).extracting(EventSpec::type).containsExactly("user.watched");
        assertThat(problems).singleElement().asString().contains("@EmitsAbuseEvent(type = \"user.blocked\")");
    }

    // ---- switched off: nothing left to capture ----

    @Test
    void aTypeSwitchedOff_isNotCompiledAndReportsNothing() {
        declare(Map.of("auditweave.disable.types", "user.*"));

        EmitPlan plan = build("annotatedTypo");

        assertThat(plan.specs()).isEmpty();
        assertThat(problems).as("a switched-off annotation is not even checked").isEmpty();
    }

    @Test
    void aMethodSwitchedOff_hasTheEmptyPlan() throws NoSuchMethodException {
        Method method = Fixtures.class.getDeclaredMethod("switchedOff", String.class);
        declare(Map.of("auditweave.disable.methods", FIXTURES + "#switchedOff(java.lang.String)"));

        EmitPlan plan = PlanCache.forMethod(method);

        assertThat(plan.specs()).isEmpty();
        assertThat(plan.returnedSpecs()).isZero();
        assertThat(plan.thrownSpecs()).isZero();
    }

    private static List<Object> values(EventSpec spec, Object[] args) {
        return spec.fields().stream().map(field -> field.value().evaluate(args, null, 0L)).toList();
    }

    /** The Checker's own words: what follows the first line, which names the annotation or the declaration. */
    private static String checkerMessage(String problem) {
        return problem.substring(problem.indexOf('\n'));
    }

    private static EventSpec single(EmitPlan plan) {
        assertThat(plan.specs()).hasSize(1);
        return plan.specs().get(0);
    }

    private static void declare(Map<String, String> values) {
        DeclaredSites.fromFramework(Settings.defaults().with(values));
    }

    private EmitPlan build(String name) {
        Method method = Arrays.stream(Fixtures.class.getDeclaredMethods()).filter(m -> m.getName().equals(name))
                .findFirst().orElseThrow();
        return EmitPlanBuilder.build(method, Scope.of(method), problems::add);
    }

    @SuppressWarnings("unused")
    static final class Fixtures {
        @EmitsAbuseEvent(type = "user.blocked", when = "rank > 2", data = {
                @Field(name = "kilo_user_id", value = "userId"), @Field(name = "rank", value = "rank * 10")},
                idempotencyKey = "'block-' + userId", phase = Phase.IMMEDIATE, on = Outcome.THROWN,
                enrich = "memberships")
        void annotated(String userId, int rank) {
        }

        void declared(String userId, int rank) {
        }

        @EmitsAbuseEvent(type = "user.blocked", data = @Field(name = "kilo_user_id", value = "usrId"))
        void annotatedTypo(String userId) {
        }

        void declaredTypo(String userId) {
        }

        @EmitsAbuseEvent(type = "user.blocked", data = @Field(name = "kilo_user_id", value = "userId"))
        void switchedOff(String userId) {
        }
    }
}
