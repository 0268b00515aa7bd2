package dev.auditweave.agent.internal.weave.bytebuddy;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.method.ParameterList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.constant.NullConstant;
import net.bytebuddy.implementation.bytecode.member.MethodVariableAccess;

/**
 * Resolves {@link ReferenceArgument} per instrumented method: a load of the parameter when it is of a reference type,
 * else the {@code null} constant. Read-only, as the advice never assigns it.
 */
final class ReferenceArgumentMapping implements Advice.OffsetMapping {

    /** Makes the mapping of one {@link ReferenceArgument} parameter of the advice. */
    static final class Factory implements Advice.OffsetMapping.Factory<ReferenceArgument> {

        @Override
        public Class<ReferenceArgument> getAnnotationType() {
            return ReferenceArgument.class;
        }

        @Override
        public Advice.OffsetMapping make(ParameterDescription.InDefinedShape target,
                                         AnnotationDescription.Loadable<ReferenceArgument> annotation,
                                         AdviceType adviceType) {
            if (!target.getType().asErasure().represents(Object.class)) {
                throw new IllegalStateException("a @ReferenceArgument parameter is an Object, not " + target);
            }
            int index = annotation.load().value();
            if (index < 0) {
                throw new IllegalStateException("a @ReferenceArgument position is at least 0, not " + index);
            }
            return new ReferenceArgumentMapping(index);
        }
    }

    private final int index;

    private ReferenceArgumentMapping(int index) {
        this.index = index;
    }

    @Override
    public Target resolve(TypeDescription instrumentedType, MethodDescription instrumentedMethod, Assigner assigner,
                          Advice.ArgumentHandler argumentHandler, Sort sort) {
        ParameterList<?> parameters = instrumentedMethod.getParameters();
        if (index >= parameters.size() || parameters.get(index).getType().isPrimitive()) {
            return new Target.ForStackManipulation(NullConstant.INSTANCE);
        }
        ParameterDescription parameter = parameters.get(index);
        return new Target.ForStackManipulation(MethodVariableAccess.of(parameter.getType())
                .loadFrom(argumentHandler.argument(parameter.getOffset())));
    }
}
