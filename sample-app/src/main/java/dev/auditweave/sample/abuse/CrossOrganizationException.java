package dev.auditweave.sample.abuse;

/** An editor tried to mark a log entry of an organisation that is not theirs. */
public final class CrossOrganizationException extends RuntimeException {

    public CrossOrganizationException(Editor editor, long logId, String entryOrganizationId) {
        super("editor " + editor.email() + " of organization " + editor.organizationId() + " may not mark log entry "
                + logId + ", which belongs to " + (entryOrganizationId == null ? "no organization"
                : "organization " + entryOrganizationId));
    }
}
