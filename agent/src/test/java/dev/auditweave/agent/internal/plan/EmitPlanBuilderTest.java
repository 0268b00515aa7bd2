package dev.auditweave.agent.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.expr.Scope;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmitPlanBuilderTest {

    private final List<String> problems = new ArrayList<>();

    @Test
    void compilesEveryValidAnnotation() {
        EmitPlan plan = build("changeTier");

        assertThat(plan.specs()).extracting(EventSpec::type)
                .containsExactly("subscription.upgraded", "subscription.downgraded");
        assertThat(problems).isEmpty();
    }

    @Test
    void aBadExpressionDisablesOnlyItsAnnotationAndNamesEverythingNeededToFixIt() {
        EmitPlan plan = build("withTypo");

        assertThat(plan.specs()).extracting(EventSpec::type).containsExactly("user.unblocked");
        assertThat(problems).singleElement().asString()
                .contains("@EmitsAbuseEvent(type = \"user.blocked\")")
                .contains(Fixtures.class.getSimpleName()).contains("withTypo")
                .contains("data field 'kilo_user_id'")
                .contains("usrId")
                .contains("column 1");
    }

    @Test
    void aSyntaxErrorInTheGuardNamesTheAttributeAndColumn() {
        build("badGuard");

        assertThat(problems).singleElement().asString()
                .contains("when").contains("RETURNED_ROWS >").contains("column");
    }

    @Test
    void anEmptyTypeOrADuplicateFieldIsRejected() {
        build("emptyType");
        build("duplicateField");

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("type: must not be empty");
        assertThat(problems.get(1)).contains("field 'reason' is declared twice");
    }

    private EmitPlan build(String name) {
        Method method = Arrays.stream(Fixtures.class.getDeclaredMethods()).filter(m -> m.getName().equals(name))
                .findFirst().orElseThrow();
        return EmitPlanBuilder.build(method, Scope.of(method), problems::add);
    }

    @SuppressWarnings("unused")
    static final class Fixtures {
        @EmitsAbuseEvent(type = "subscription.upgraded", when = "newRank > oldRank")
        @EmitsAbuseEvent(type = "subscription.downgraded", when = "newRank < oldRank")
        void changeTier(int oldRank, int newRank) {
        }

        @EmitsAbuseEvent(type = "user.blocked", data = @Field(name = "kilo_user_id", value = "usrId"))
        @EmitsAbuseEvent(type = "user.unblocked", data = @Field(name = "kilo_user_id", value = "userId"))
        void withTypo(String userId) {
        }

        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS >")
        int badGuard() {
            return 1;
        }

        @EmitsAbuseEvent(type = " ")
        void emptyType() {
        }

        @EmitsAbuseEvent(type = "user.blocked",
                data = {@Field(name = "reason", value = "reason"), @Field(name = "reason", value = "reason")})
        void duplicateField(String reason) {
        }
    }
}
