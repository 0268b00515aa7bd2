package dev.auditweave.agent.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each redaction mode on its own: the keyed hash, the mask, and the values neither applies to. */
class RedactionTest {

    private static final HashKey KEY = HashKey.of("a-test-key-of-32-bytes-0123456789");

    // ---------------------------------------------------------------- HASH

    @Test
    void hash_isTheHmacSha256OfTheTextAs64LowerCaseHexDigits() {
        // Computed independently: printf 'The quick brown fox jumps over the lazy dog' \
        //     | openssl dgst -sha256 -hmac 'key-key-key-key!'
        assertThat(HashKey.of("key-key-key-key!").hash("The quick brown fox jumps over the lazy dog"))
                .isEqualTo(OPENSSL_VECTOR);
    }

    private static final String OPENSSL_VECTOR = "419aa03ce18e6934d1268198d7a28dc16d14e034d3110802dd234ee1bf311e7b";

    @Test
    void hash_isTheSameForTheSameTextAndDiffersForAnotherTextOrKey() {
        Object once = Redaction.HASH.apply("ada@example.com", KEY, "email");
        Object again = Redaction.HASH.apply("ada@example.com", KEY, "email");

        assertThat(once).isEqualTo(again);
        assertThat(Redaction.HASH.apply("bob@example.com", KEY, "email")).isNotEqualTo(once);
        assertThat(Redaction.HASH.apply("ada@example.com", HashKey.of("another-key-of-32-bytes-98765432"), "email"))
                .isNotEqualTo(once);
    }

    @Test
    void hash_ofANumberIsTheHashOfItsText() {
        assertThat(Redaction.HASH.apply(4242L, KEY, "card")).isEqualTo(KEY.hash("4242"));
        assertThat(Redaction.HASH.apply(new BigDecimal("1.50"), KEY, "amount")).isEqualTo(KEY.hash("1.50"));
    }

    @Test
    void hash_withoutAKeyThrowsRatherThanSendTheClearValue() {
        assertThatThrownBy(() -> Redaction.HASH.apply("ada@example.com", null, "email"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("field 'email'").hasMessageContaining("auditweave.redact.key-env")
                .hasMessageNotContaining("ada@example.com");
    }

    @Test
    void hashKey_shorterThan16BytesIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> HashKey.of("short-secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the key has 12 bytes; expected at least 16");
    }

    @Test
    void hashKey_toStringNeverShowsTheKey() {
        assertThat(KEY.toString()).doesNotContain("a-test-key").contains("33 bytes");
    }

    @Test
    void hash_isSafeFromSeveralThreadsAtOnce() throws Exception {
        String expected = KEY.hash("ada@example.com");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 2_000; i++) {
                        if (!KEY.hash("ada@example.com").equals(expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            start.countDown();
            for (Future<Boolean> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- MASK

    @Test
    void mask_anEmailKeepsOnlyItsDomain() {
        assertThat(Redaction.MASK.apply("ada.lovelace@example.com", null, "email")).isEqualTo("***@example.com");
    }

    @Test
    void mask_longTextKeepsItsLastFourCharacters() {
        assertThat(Redaction.MASK.apply("4242424242424242", null, "card")).isEqualTo("****4242");
        assertThat(Redaction.MASK.apply(12345678L, null, "phone")).isEqualTo("****5678");
    }

    @Test
    void mask_shortTextKeepsNothing() {
        assertThat(Redaction.MASK.apply("1234567", null, "pin")).isEqualTo("****");
        assertThat(Redaction.MASK.apply("", null, "empty")).isEqualTo("****");
    }

    @Test
    void mask_anAtSignAtEitherEndIsNoEmail() {
        assertThat(Redaction.MASK.apply("@handle12", null, "handle")).isEqualTo("****le12");
        assertThat(Redaction.MASK.apply("user@", null, "odd")).isEqualTo("****");
    }

    // ---------------------------------------------------------------- values of every kind

    @Test
    void nullStaysNull() {
        assertThat(Redaction.HASH.apply(null, null, "email")).isNull();
        assertThat(Redaction.MASK.apply(null, null, "email")).isNull();
    }

    @Test
    void enumsAndUuidsAreRedactedByTheirText() {
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertThat(Redaction.HASH.apply(id, KEY, "id")).isEqualTo(KEY.hash(id.toString()));
        assertThat(Redaction.MASK.apply(TimeUnit.MILLISECONDS, null, "unit")).isEqualTo("****ONDS");
    }

    @Test
    void aValueThatIsNeitherTextNorANumberIsSentAsNull() {
        assertThat(Redaction.HASH.apply(Map.of("email", "ada@example.com"), KEY, "profile")).isNull();
        assertThat(Redaction.MASK.apply(List.of("ada@example.com"), KEY, "emails")).isNull();
        assertThat(Redaction.MASK.apply(true, KEY, "flag")).isNull();
    }

    @Test
    void none_passesTheValueAsItIs() {
        Map<String, String> value = Map.of("a", "b");
        assertThat(Redaction.NONE.apply(value, null, "x")).isSameAs(value);
    }

    @Test
    void of_knowsTheNamesOfRedactButDrop() {
        assertThat(Redaction.of("HASH")).isEqualTo(Redaction.HASH);
        assertThatThrownBy(() -> Redaction.of("DROP")).isInstanceOf(IllegalArgumentException.class);
    }
}
