package dev.auditweave.agent.internal.expr;

import java.util.List;
import java.util.Objects;

/**
 * What an expression may refer to, in the terms of a {@link TypeModel}: the scope the checker works on, whichever
 * side built it. The runtime builds one from a reflective {@link Scope}; {@code auditweave-processor} builds one from
 * the compiler's view of the annotated method with {@link #of}, which decides the completion the same way
 * {@link Scope#of(java.lang.reflect.Method)} does (a {@code CompletionStage}, a Reactor {@code Mono} or {@code Flux},
 * told by name). Immutable.
 *
 * <pre>{@code
 * ModelScope scope = ModelScope.of("com.acme.UserService.blockUser(String, String)", List.of("userId", "reason"),
 *         List.of(string, string), intType, model, ModelScope.MAVEN_PARAMETERS_FIX);
 * ExpressionCompiler.check("RETURNED_ROWS > 0", scope, Expected.BOOLEAN);
 * }</pre>
 */
public final class ModelScope {

    /** The build setting that keeps parameter names with {@code maven-compiler-plugin}. */
    public static final String MAVEN_PARAMETERS_FIX = "maven-compiler-plugin <parameters>true</parameters>";

    /** The build setting that keeps parameter names with {@code aspectj-maven-plugin}. */
    public static final String ASPECTJ_PARAMETERS_FIX = "aspectj-maven-plugin <parameters>true</parameters>";

    private static final String MONO_CLASS = "reactor.core.publisher.Mono";
    private static final String FLUX_CLASS = "reactor.core.publisher.Flux";
    private static final String STAGE_CLASS = "java.util.concurrent.CompletionStage";

    private final MethodSignature<ModelType> signature;
    private final TypeModel model;
    private final String parametersFix;

    ModelScope(MethodSignature<ModelType> signature, TypeModel model, String parametersFix) {
        this.signature = signature;
        this.model = model;
        this.parametersFix = parametersFix;
    }

    /**
     * The scope of a method seen through {@code model}, for an annotation that fires on a normal return.
     *
     * @param description    how problems name the method, for example {@code "com.acme.UserService.blockUser(String, String)"}
     * @param parameterNames the parameter names the runtime will see, or {@code null} when it will not see them
     * @param parameterTypes the parameter types
     * @param returnType     the declared return type ({@code void} for a void method)
     * @param model          where the checker finds the types it knows by itself
     * @param parametersFix  the build setting an error about missing parameter names suggests, for example
     *                       {@link #MAVEN_PARAMETERS_FIX}
     */
    public static ModelScope of(String description, List<String> parameterNames, List<ModelType> parameterTypes,
                                ModelType returnType, TypeModel model, String parametersFix) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(returnType, "returnType");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(parametersFix, "parametersFix");
        MethodSignature<ModelType> returning = MethodSignature.returning(description, parameterNames, parameterTypes,
                returnType);
        Completion completion = completion(returnType);
        ModelType result = switch (completion) {
            case RETURN -> returnType;
            case STAGE -> returnType.typeArgument(STAGE_CLASS, 0);
            case MONO -> returnType.typeArgument(MONO_CLASS, 0);
            case FLUX -> model.type(long.class);
        };
        return new ModelScope(returning.completingWith(result, completion), model, parametersFix);
    }

    /** How a method declared to return {@code returnType} completes; the same decision as {@link Completion#of}. */
    public static Completion completion(ModelType returnType) {
        if (returnType.isSubtypeOf(STAGE_CLASS)) {
            return Completion.STAGE;
        }
        if (!returnType.isInterface() && returnType.isSubtypeOf(MONO_CLASS)) {
            return Completion.MONO;
        }
        if (!returnType.isInterface() && returnType.isSubtypeOf(FLUX_CLASS)) {
            return Completion.FLUX;
        }
        return Completion.RETURN;
    }

    /** This scope as an {@code on = Outcome.THROWN} annotation sees it; see {@link Scope#onThrown()}. */
    public ModelScope onThrown() {
        return signature.thrown() ? this : new ModelScope(signature.onThrown(), model, parametersFix);
    }

    /** How problems name the method. */
    public String description() {
        return signature.description();
    }

    /** When the annotations fire: at the return, or when the returned stage or publisher completes. */
    public Completion completion() {
        return signature.completion();
    }

    /** The type of the result: the return type, or what the returned value completes with. */
    public ModelType resultType() {
        return signature.resultType();
    }

    /** The parameter names, or {@code null} when the runtime will not see them. */
    List<String> parameterNames() {
        return signature.parameterNames();
    }

    List<ModelType> parameterTypes() {
        return signature.parameterTypes();
    }

    /** Whether this is the scope of an {@code on = Outcome.THROWN} annotation, in which {@code THROWN} exists. */
    boolean thrown() {
        return signature.thrown();
    }

    TypeModel model() {
        return model;
    }

    String parametersFix() {
        return parametersFix;
    }

    /** Where {@code ACTOR} travels in the arguments array; see {@link MethodSignature#actorSlot()}. */
    int actorSlot() {
        return signature.actorSlot();
    }

    @Override
    public String toString() {
        return signature.description();
    }
}
