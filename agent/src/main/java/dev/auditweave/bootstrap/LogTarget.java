package dev.auditweave.bootstrap;

/**
 * Where the agent's log lines go once the application's own logging is up: an adapter over the application's
 * SLF4J, supplied by the Spring Boot starter, so that auditweave's lines and the {@code log} sink's events follow
 * the application's Logback or Log4j2 configuration. Levels are SLF4J's {@code Level.toInt()} values (TRACE 0,
 * DEBUG 10, INFO 20, WARN 30, ERROR 40). Internal: see {@link dev.auditweave.agent.Auditweave#logThrough}.
 */
public interface LogTarget {

    /** Whether the logger of that name would write a line at {@code level}. */
    boolean isEnabled(String logger, int level);

    /** Writes one line, already formatted; {@code error} may be {@code null}. */
    void log(String logger, int level, String message, Throwable error);
}
