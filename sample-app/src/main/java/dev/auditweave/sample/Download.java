package dev.auditweave.sample;

/** A file handed out by a download: its id, its owner and its name. */
public record Download(String fileId, String ownerId, String name) {
}
