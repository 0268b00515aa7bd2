package dev.auditweave.bench.handwritten;

import java.util.Map;

/** The benchmark target with its emit code written by hand after the update, as the field notes show. */
public class HandWrittenUserService {

    private final HandWrittenEmitter emitter;
    private int rows;

    public HandWrittenUserService(HandWrittenEmitter emitter) {
        this.emitter = emitter;
    }

    public void setRows(int rows) {
        this.rows = rows;
    }

    public int blockUser(String userId, String reason) {
        int updated = rows;
        if (updated > 0) {
            emitter.emit("user.blocked", Map.of("kilo_user_id", userId, "reason", reason));
        }
        return updated;
    }
}
