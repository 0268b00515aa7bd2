package dev.auditweave.agent.internal.config;

import dev.auditweave.agent.ConfigException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the text after {@code -javaagent:auditweave-agent.jar=}.
 *
 * <p>Pairs are separated by commas and split at their first {@code =}, so values may contain {@code =} (URLs with
 * query strings). A comma-separated piece without {@code =} continues the previous value, which is how lists are
 * written: {@code sink=log,http,http.url=https://host/events?tenant=a} gives {@code auditweave.sink = log,http}
 * and {@code auditweave.http.url = https://host/events?tenant=a}. Keys may omit the {@code auditweave.} prefix.
 */
final class AgentArguments {

    private AgentArguments() {
    }

    static Layer parse(String arguments) {
        if (arguments == null || arguments.isBlank()) {
            return Layer.EMPTY;
        }
        Map<String, StringBuilder> values = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        StringBuilder current = null;
        for (String piece : arguments.split(",", -1)) {
            int equals = piece.indexOf('=');
            if (equals < 0) {
                if (current == null) {
                    throw new ConfigException(withPrefix(piece.trim()), "'" + piece.trim()
                            + "' (agent argument): expected key=value pairs separated by commas, such as"
                            + " sink=http,http.url=https://host/api/events");
                }
                // An empty piece (a trailing comma) continues with nothing rather than appending a stray comma.
                if (!piece.isBlank()) {
                    current.append(',').append(piece);
                }
                continue;
            }
            String name = piece.substring(0, equals).trim();
            if (name.isEmpty()) {
                throw new ConfigException("", "'" + piece.trim()
                        + "' (agent argument): expected a key before '='");
            }
            String key = withPrefix(name);
            current = new StringBuilder(piece.substring(equals + 1));
            if (values.put(key, current) != null) {
                warnings.add(key + " is given more than once in the agent arguments; the last value wins");
                // Keep the position of the last occurrence, as a reader of the command line would expect.
                values.remove(key);
                values.put(key, current);
            }
        }
        List<RawValue> raw = new ArrayList<>();
        values.forEach((key, value) -> raw.add(new RawValue(key, value.toString().trim(), Origin.AGENT_ARGUMENT)));
        return new Layer(raw, warnings);
    }

    private static String withPrefix(String name) {
        return name.startsWith(ConfigKeys.PREFIX) ? name : ConfigKeys.PREFIX + name;
    }
}
