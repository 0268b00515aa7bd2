package dev.auditweave.spring;

import dev.auditweave.agent.ConfigException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an invalid auditweave value that failed the start into Boot's "APPLICATION FAILED TO START" report, with the
 * agent's message (key, value, origin, expectation) as the description rather than a stack trace.
 */
final class ConfigFailureAnalyzer extends AbstractFailureAnalyzer<ConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigException cause) {
        return new FailureAnalysis("Invalid auditweave configuration: " + cause.getMessage(),
                "Correct " + cause.key() + " where the message says it was set, or set auditweave.enabled=false"
                        + " to start without capturing events.", cause);
    }
}
