package reactor.core.publisher;

/** Stands in for Project Reactor's {@code Flux}, recognised by class name: see {@link Mono}. */
public abstract class Flux<T> {
}
