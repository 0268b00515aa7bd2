package reactor.core.publisher;

/**
 * Stands in for Project Reactor's {@code Mono} in the agent's tests: the plan builder recognises Reactor's types by
 * class name (the agent has no dependency on Reactor), so a class of this name is all a test needs.
 */
public abstract class Mono<T> {
}
