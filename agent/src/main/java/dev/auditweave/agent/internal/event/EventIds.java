package dev.auditweave.agent.internal.event;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Event ids: random for ordinary events, name-based for events with an idempotency key.
 *
 * <pre>{@code
 * EventIds.random();                               // e.g. "3f0c...-4..."
 * EventIds.forKey("stripe.charge.dispute.created", "evt_123"); // the same string on every delivery
 * }</pre>
 */
public final class EventIds {

    private EventIds() {
    }

    /**
     * A version-4 UUID from {@link ThreadLocalRandom}: ids need uniqueness, not secrecy, and
     * {@link UUID#randomUUID()} would put a contended {@code SecureRandom} on the calling thread.
     */
    public static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(version4High(random.nextLong()), version4Low(random.nextLong())).toString();
    }

    /** The high half of a version-4 UUID made from 64 random bits. */
    static long version4High(long bits) {
        return (bits & 0xffffffffffff0fffL) | 0x0000000000004000L;
    }

    /** The low half of a version-4 (IETF variant) UUID made from 64 random bits. */
    static long version4Low(long bits) {
        return (bits & 0x3fffffffffffffffL) | 0x8000000000000000L;
    }

    /**
     * A name-based UUID of the type and the key, so that a redelivered webhook yields the same id and the
     * receiver can drop the duplicate. The type is part of the name because one key (a Stripe event id)
     * may legitimately produce events of several types.
     */
    public static String forKey(String type, String key) {
        byte[] name = (type + '\n' + key).getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(name).toString();
    }
}
