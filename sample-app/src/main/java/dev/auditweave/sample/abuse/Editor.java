package dev.auditweave.sample.abuse;

import java.util.Objects;

/**
 * A person who may mark log entries, and the organisation whose entries they may mark ({@value #ANY_ORGANIZATION}:
 * every entry, those of no organisation included).
 *
 * <pre>{@code
 * Editor eve = Editor.parse("eve@acme.example=o-acme");
 * eve.mayMark("o-acme");    // true
 * eve.mayMark("o-globex");  // false
 * }</pre>
 *
 * @param email          who they are, as Cloudflare Access names them ({@code Cf-Access-Authenticated-User-Email})
 * @param organizationId their organisation, or {@value #ANY_ORGANIZATION}
 */
public record Editor(String email, String organizationId) {

    public static final String ANY_ORGANIZATION = "*";

    public Editor {
        if (email == null || email.isBlank() || !email.contains("@")) {
            throw new IllegalArgumentException("an editor is named by an email address, got '" + email + "'");
        }
        if (organizationId == null || organizationId.isBlank()) {
            throw new IllegalArgumentException("editor " + email + " needs an organisation id (or * for all)");
        }
    }

    /**
     * Parses {@code email=organization}.
     *
     * @throws IllegalArgumentException naming the text when it is not of that form
     */
    public static Editor parse(String text) {
        Objects.requireNonNull(text, "text");
        int equals = text.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("an editor is email=organization (or email=*), got '" + text + "'");
        }
        return new Editor(text.substring(0, equals).strip(), text.substring(equals + 1).strip());
    }

    /** Whether this editor may mark an entry of {@code entryOrganizationId} ({@code null}: of no organisation). */
    public boolean mayMark(String entryOrganizationId) {
        return ANY_ORGANIZATION.equals(organizationId) || organizationId.equals(entryOrganizationId);
    }
}
