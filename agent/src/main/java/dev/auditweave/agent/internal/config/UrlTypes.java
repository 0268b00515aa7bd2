package dev.auditweave.agent.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/** URLs, whose passwords are hidden when shown. */
final class UrlTypes {

    private UrlTypes() {
    }

    record HttpUrl() implements ValueType<Optional<URI>> {

        @Override
        public Optional<URI> parse(String text) {
            if (text.isEmpty()) {
                return Optional.empty();
            }
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("expected " + expected() + " (" + e.getReason() + ")");
            }
            String scheme = uri.getScheme();
            boolean http = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
            if (!http || uri.getHost() == null) {
                throw new IllegalArgumentException("expected " + expected());
            }
            return Optional.of(uri);
        }

        @Override
        public String expected() {
            return "an absolute http or https URL such as https://host/api/events, or empty for none";
        }

        /** Hides a password given as user info ({@code https://user:secret@host/...}). */
        @Override
        public String shown(String text) {
            int scheme = text.indexOf("://");
            int at = text.indexOf('@');
            int path = text.indexOf('/', scheme < 0 ? 0 : scheme + 3);
            boolean userInfo = scheme >= 0 && at > scheme && (path < 0 || at < path);
            return userInfo ? text.substring(0, scheme + 3) + "***" + text.substring(at) : text;
        }
    }

    record SinkUrl() implements ValueType<Optional<String>> {

        private static final Pattern ABSOLUTE =
                Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s\\p{Cntrl}]+");
        /** A {@code password=} parameter of a JDBC URL, up to the next separator. */
        private static final Pattern PASSWORD_PARAMETER =
                Pattern.compile("(?i)(password=)[^;&]*");

        @Override
        public Optional<String> parse(String text) {
            if (text.isEmpty()) {
                return Optional.empty();
            }
            if (!ABSOLUTE.matcher(text).matches()) {
                throw new IllegalArgumentException("expected " + expected());
            }
            return Optional.of(text);
        }

        @Override
        public String expected() {
            return "an absolute URL: http or https for an http sink (https://host/api/events), jdbc: for a jdbc sink"
                    + " (jdbc:postgresql://host:5432/app), or empty for none";
        }

        /** Hides a password given as user info or as a {@code password=} parameter. */
        @Override
        public String shown(String text) {
            return PASSWORD_PARAMETER.matcher(new HttpUrl().shown(text)).replaceAll("$1***");
        }
    }
}
