package dev.auditweave.spring;

/**
 * A bean told when {@link AuditweaveLifecycle} has started the runtime, such as the meter binder, which can only
 * then know the sinks. Kept free of optional libraries so that the lifecycle can ask for every such bean even when
 * Micrometer is absent.
 */
interface StartListener {

    void started();
}
