package dev.auditweave.agent.internal.config;

import java.net.URL;
import java.nio.file.Path;

/**
 * Where a configuration value came from, in the words used by error messages, warnings and
 * {@link Settings#describe()}.
 */
record Origin(String description) {

    static final Origin DEFAULT = new Origin("default");
    static final Origin AGENT_ARGUMENT = new Origin("agent argument");
    static final Origin SYSTEM_PROPERTY = new Origin("system property");
    static final Origin OVERRIDE = new Origin("override");

    static Origin environmentVariable(String name) {
        return new Origin("environment variable " + name);
    }

    static Origin file(Path path) {
        return new Origin("file " + path);
    }

    static Origin classPathResource(URL url) {
        return new Origin("class path resource " + url);
    }

    @Override
    public String toString() {
        return description;
    }
}
