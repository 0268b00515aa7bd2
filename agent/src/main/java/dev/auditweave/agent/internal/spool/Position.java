package dev.auditweave.agent.internal.spool;

/** A place in the spool: segment number and byte offset in it. */
record Position(long seq, long offset) implements Comparable<Position> {
    @Override
    public int compareTo(Position other) {
        int bySeq = Long.compare(seq, other.seq);
        return bySeq != 0 ? bySeq : Long.compare(offset, other.offset);
    }
}
