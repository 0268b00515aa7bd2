package dev.auditweave.agent.internal.weave.bytebuddy;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;

/** Resolves {@link PlanId} by registering the instrumented method and weaving its id in as a constant. */
final class PlanIdMapping implements Advice.OffsetMapping {

    @Override
    public Target resolve(TypeDescription instrumentedType, MethodDescription instrumentedMethod, Assigner assigner,
                          Advice.ArgumentHandler argumentHandler, Sort sort) {
        int id = PlanSlots.register(instrumentedType.getName(), instrumentedMethod.getInternalName(),
                instrumentedMethod.getDescriptor());
        return new Target.ForStackManipulation(IntegerConstant.forValue(id));
    }
}
