package dev.auditweave.agent.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** A method that only inherits its annotations gets the plan of the method that carries them. */
class InheritedPlanTest {

    interface Moderation {
        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0",
                data = @Field(name = "kilo_user_id", value = "userId"))
        int block(String userId);
    }

    static class Moderator implements Moderation {
        @Override
        public int block(String userId) {
            return 1;
        }
    }

    static class OwnModerator implements Moderation {
        @Override
        @EmitsAbuseEvent(type = "user.blocked.own")
        public int block(String userId) {
            return 1;
        }
    }

    @Test
    void forMethod_anImplementationSharesTheInterfaceMethodsCompiledSpecs() throws NoSuchMethodException {
        EmitPlan declared = PlanCache.forMethod(Moderation.class.getMethod("block", String.class));
        EmitPlan inherited = PlanCache.forMethod(Moderator.class.getMethod("block", String.class));

        assertThat(inherited.specs()).isSameAs(declared.specs());
        assertThat(inherited.method()).contains("Moderation.block").contains("inherited by " + Moderator.class.getName());
    }

    @Test
    void forMethod_anOwnAnnotationWins() throws NoSuchMethodException {
        EmitPlan own = PlanCache.forMethod(OwnModerator.class.getMethod("block", String.class));

        assertThat(own.specs()).extracting(EventSpec::type).containsExactly("user.blocked.own");
    }

    @Test
    void forMethod_aMethodWithoutAnyAnnotationHasAnEmptyPlan() throws NoSuchMethodException {
        Method plain = Object.class.getMethod("toString");

        assertThat(PlanCache.forMethod(plain).isEmpty()).isTrue();
    }
}
