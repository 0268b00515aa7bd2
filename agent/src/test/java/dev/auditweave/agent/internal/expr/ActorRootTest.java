package dev.auditweave.agent.internal.expr;

import static dev.auditweave.agent.internal.expr.Compile.compile;
import static dev.auditweave.agent.internal.expr.Compile.fails;
import static dev.auditweave.agent.internal.expr.Compile.scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.Actor;
import org.junit.jupiter.api.Test;

class ActorRootTest {

    interface Api {
        int blockUser(String userId, String reason);

        void none();

        void shadow(String ACTOR);
    }

    private static final Scope BLOCK_USER = scope(Api.class, "blockUser");
    private static final Actor ADA = Actor.user("ada@example.com", "Ada");

    // ---------------------------------------------------------------- typing

    @Test
    void actorIdAndLabelAreCheckedAgainstTheActorType() {
        assertThat(compile("ACTOR.id", BLOCK_USER).evaluate(new Object[] {"u-1", "spam", ADA}, 1, 0L))
                .isEqualTo("ada@example.com");
        assertThat(compile("ACTOR.label", BLOCK_USER).evaluate(new Object[] {"u-1", "spam", ADA}, 1, 0L))
                .isEqualTo("Ada");
        assertThat(compile("ACTOR.system", BLOCK_USER).evaluate(new Object[] {"u-1", "spam", ADA}, 1, 0L))
                .isEqualTo(false);
        assertThat(compile("ACTOR", BLOCK_USER).evaluate(new Object[] {"u-1", "spam", ADA}, 1, 0L)).isSameAs(ADA);
    }

    @Test
    void actor_misspeltPropertyIsACompileErrorListingTheActorsProperties() {
        fails("ACTOR.nme", BLOCK_USER, 6, "no property 'nme' on dev.auditweave.agent.Actor (it has: id, label, system)");
        fails("ACTOR.lable", BLOCK_USER, 6, "no property 'lable' on dev.auditweave.agent.Actor (it has: id, label, "
                + "system); did you mean 'label'?");
    }

    @Test
    void actor_cannotBeComparedWithANumberOrUsedAsABoolean() {
        fails("ACTOR == 1", BLOCK_USER, 6, "operator '==' cannot compare ACTOR (a dev.auditweave.agent.Actor) with 1 "
                + "(a number)");
        fails("ACTOR && true", BLOCK_USER, 0, "operator '&&' needs booleans, but ACTOR is a dev.auditweave.agent.Actor");
    }

    @Test
    void actor_isABuiltInInEveryMethodEvenWithoutParameters() {
        Scope none = scope(Api.class, "none");
        assertThat(compile("ACTOR.id", none).evaluate(new Object[] {ADA}, null, 0L)).isEqualTo("ada@example.com");
    }

    @Test
    void actor_winsOverAParameterOfTheSameNameAndLaterErrorsSaySo() {
        Scope shadow = scope(Api.class, "shadow");
        assertThat(compile("ACTOR", shadow).evaluate(new Object[] {"the parameter", ADA}, null, 0L)).isSameAs(ADA);
        assertThat(compile("args[0]", shadow).evaluate(new Object[] {"the parameter", ADA}, null, 0L))
                .isEqualTo("the parameter");
        fails("ACTOR.x", shadow, 6, "no property 'x' on dev.auditweave.agent.Actor (it has: id, label, system); note:"
                + " 'ACTOR' is the acting principal (an Actor, null for an anonymous caller), not parameter 0 'ACTOR'"
                + " (String), which is written 'args[0]'");
    }

    // ---------------------------------------------------------------- anonymous callers

    @Test
    void anonymousCaller_actorIsNullAndItsIdToo() {
        Object[] anonymous = {"u-1", "spam", null};
        assertThat(compile("ACTOR", BLOCK_USER).evaluate(anonymous, 1, 0L)).isNull();
        assertThat(compile("ACTOR.id", BLOCK_USER).evaluate(anonymous, 1, 0L)).isNull();
        assertThat(compile("ACTOR == null", BLOCK_USER).evaluate(anonymous, 1, 0L)).isEqualTo(true);
    }

    @Test
    void withoutTheActorSlotActorIsNullNeverAnotherValue() {
        assertThat(compile("ACTOR.id", BLOCK_USER).evaluate(new Object[] {"u-1", "spam"}, 1, 0L)).isNull();
        assertThat(compile("ACTOR.id", BLOCK_USER).evaluate(null, 1, 0L)).isNull();
    }

    @Test
    void aSystemActorHasANullIdAndItsLabel() {
        Object[] args = {"u-1", "spam", Actor.system("Admin API")};
        assertThat(compile("ACTOR.id", BLOCK_USER).evaluate(args, 1, 0L)).isNull();
        assertThat(compile("ACTOR.label", BLOCK_USER).evaluate(args, 1, 0L)).isEqualTo("Admin API");
        assertThat(compile("ACTOR != null && ACTOR.id == null", BLOCK_USER).test(args, 1, 0L)).isTrue();
    }

    // ---------------------------------------------------------------- what an expression reads

    @Test
    void readingActorCountsAsReadingTheArguments() {
        CompiledExpression guard = ExpressionCompiler.compile("RETURNED_ROWS > 0 && ACTOR != null", BLOCK_USER,
                Expected.BOOLEAN);
        assertThat(guard.readsActor()).isTrue();
        assertThat(guard.readsArguments()).as("so that select() leaves the guard to the step with the arguments")
                .isTrue();
        CompiledExpression rows = ExpressionCompiler.compile("RETURNED_ROWS > 0", BLOCK_USER, Expected.BOOLEAN);
        assertThat(rows.readsActor()).isFalse();
        assertThat(compile("userId", BLOCK_USER).readsActor()).isFalse();
    }
}
