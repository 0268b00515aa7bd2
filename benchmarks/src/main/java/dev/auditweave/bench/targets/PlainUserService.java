package dev.auditweave.bench.targets;

/** The baseline: the same method as the instrumented targets, without any annotation or instrumentation. */
public class PlainUserService {

    private int rows;

    public void setRows(int rows) {
        this.rows = rows;
    }

    public int blockUser(String userId, String reason) {
        return rows;
    }
}
