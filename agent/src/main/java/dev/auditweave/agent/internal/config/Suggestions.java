package dev.auditweave.agent.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for keys and environment variables nobody knows, by edit distance. */
final class Suggestions {

    private Suggestions() {
    }

    /** {@code unknown key auditweave.htp.url (system property); did you mean auditweave.http.url?} */
    static String unknownKey(String key, Origin origin) {
        return "unknown key " + key + " (" + origin + ")" + didYouMean(closestKey(key));
    }

    /** {@code unknown environment variable AUDITWEAVE_HTP_URL; did you mean AUDITWEAVE_HTTP_URL?} */
    static String unknownEnvironmentVariable(String name) {
        return "unknown environment variable " + name + didYouMean(closestEnvironmentVariable(name));
    }

    /** The known key {@code key} was most likely meant to be, if any is close enough. */
    static Optional<String> closestKey(String key) {
        // Properties files and overrides need the prefix; a missing one is the likeliest slip.
        String prefixed = key.startsWith(ConfigKeys.PREFIX) ? key : ConfigKeys.PREFIX + key;
        List<String> candidates = new ArrayList<>();
        ConfigKeys.keys().forEach(known -> candidates.add(known.name()));
        int lastDot = prefixed.lastIndexOf('.');
        for (KeyFamily family : ConfigKeys.families()) {
            // Compare with the family's key for the same chosen part: http.headers.X-Id is close to http.header.X-Id.
            candidates.add(family.keyFor(prefixed.substring(lastDot + 1)));
        }
        String sinkPrefix = ConfigKeys.PREFIX + "sink.";
        int nameEnd = prefixed.indexOf('.', sinkPrefix.length());
        if (prefixed.startsWith(sinkPrefix) && nameEnd > sinkPrefix.length()) {
            // A named sink's keys: sink.abuse.ulr is close to sink.abuse.url.
            String sink = prefixed.substring(sinkPrefix.length(), nameEnd);
            for (KeyFamily family : SinkKeys.families()) {
                if (!family.hasTwoParts()) {
                    candidates.add(family.keyFor(sink));
                }
            }
        }
        return closest(prefixed, ConfigKeys.PREFIX.length(), candidates).filter(known -> !known.equals(key));
    }

    static Optional<String> closestEnvironmentVariable(String name) {
        String prefix = ConfigKey.environmentName(ConfigKeys.PREFIX);
        List<String> candidates = new ArrayList<>();
        ConfigKeys.keys().forEach(known -> candidates.add(known.environmentVariable()));
        return closest(name, prefix.length(), candidates).filter(known -> !known.equals(name));
    }

    /**
     * The candidate nearest to {@code word}, if within a third of the length of what follows the shared prefix:
     * close enough to be a typo, far enough not to suggest {@code sink} for {@code foo}.
     */
    private static Optional<String> closest(String word, int prefixLength, List<String> candidates) {
        int allowed = Math.max(1, (word.length() - prefixLength) / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String didYouMean(Optional<String> suggestion) {
        return suggestion.map(known -> "; did you mean " + known + "?").orElse("");
    }
}
