package dev.auditweave.sample;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.NoSuchElementException;

/**
 * Files shared by public link, and their downloads: the exfiltration trail of field notes §3. The actor of a
 * download is whoever downloads ({@code ACTOR}): a signed-in user, or nobody for an anonymous visitor of the public
 * link, whose event has a {@code null} actor, never the file owner's id.
 */
public class DownloadService {

    private final Database database;

    public DownloadService(Database database) {
        this.database = database;
    }

    /** Shares a file of {@code ownerId} under {@code fileId}. Emits nothing: publishing is not a download. */
    public void publish(String fileId, String ownerId, String name) throws SQLException {
        database.update("INSERT INTO files(id, owner_id, name) VALUES (?, ?, ?)", fileId, ownerId, name);
    }

    /** Hands out the file; throws {@link NoSuchElementException} when there is none (and emits nothing). */
    @EmitsAbuseEvent(type = EventTypes.FILE_DOWNLOADED, data = {
            @Field(name = "file_id", value = "fileId"),
            @Field(name = "owner_id", value = "result.ownerId"),
            @Field(name = "actor", value = "ACTOR.id"),
            @Field(name = "actor_label", value = "ACTOR.label")})
    public Download download(String fileId) throws SQLException {
        try (Connection connection = database.connection()) {
            String owner = Jdbc.queryString(connection, "SELECT owner_id FROM files WHERE id = ?", fileId)
                    .orElseThrow(() -> new NoSuchElementException("no file " + fileId));
            String name = Jdbc.queryString(connection, "SELECT name FROM files WHERE id = ?", fileId).orElseThrow();
            return new Download(fileId, owner, name);
        }
    }
}
