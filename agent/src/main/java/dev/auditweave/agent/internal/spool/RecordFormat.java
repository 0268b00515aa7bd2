package dev.auditweave.agent.internal.spool;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * One record of a segment file, big-endian:
 *
 * <pre>
 * magic   4 bytes  0x41575331 ("AWS1")
 * length  4 bytes  payload length
 * crc     4 bytes  CRC32C of the length field and the payload
 * payload length bytes: the event as UTF-8 JSON
 * </pre>
 *
 * <p>The magic lets a reader find the next record after a corrupt one; the checksum tells a torn or flipped
 * record from a whole one.
 */
final class RecordFormat {

    static final int MAGIC = 0x41575331;
    static final int HEADER_BYTES = 12;
    /** No event comes near this; a bigger length field is corruption. */
    static final int MAX_PAYLOAD = 16 << 20;

    private RecordFormat() {
    }

    static int recordBytes(int payloadLength) {
        return HEADER_BYTES + payloadLength;
    }

    static void write(ByteBuffer out, byte[] payload) {
        out.putInt(MAGIC);
        out.putInt(payload.length);
        out.putInt(crc(payload.length, payload, 0, payload.length));
        out.put(payload);
    }

    static int crc(int length, byte[] payload, int offset, int count) {
        CRC32C crc = new CRC32C();
        crc.update((length >>> 24) & 0xff);
        crc.update((length >>> 16) & 0xff);
        crc.update((length >>> 8) & 0xff);
        crc.update(length & 0xff);
        crc.update(payload, offset, count);
        return (int) crc.getValue();
    }

    /**
     * The payload length of a whole, valid record starting at {@code position} of {@code bytes} (valid up to
     * {@code limit}), or -1 when there is none there.
     */
    static int validAt(byte[] bytes, int position, int limit) {
        if (limit - position < HEADER_BYTES) {
            return -1;
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, position, HEADER_BYTES);
        if (header.getInt() != MAGIC) {
            return -1;
        }
        int length = header.getInt();
        int crc = header.getInt();
        if (length < 0 || length > MAX_PAYLOAD || length > limit - position - HEADER_BYTES) {
            return -1;
        }
        return crc(length, bytes, position + HEADER_BYTES, length) == crc ? length : -1;
    }
}
