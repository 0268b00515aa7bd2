package dev.auditweave.sample.abuse;

import java.util.List;

/**
 * The CIDR blocks whose traffic is trusted: an event from an address in one of them is stored but not scored.
 *
 * <pre>{@code
 * Allowlist office = Allowlist.of(List.of("10.0.0.0/8", "2001:db8::/32"));
 * office.allows("10.1.2.3");   // true
 * }</pre>
 *
 * @param blocks the blocks, in the order given
 */
public record Allowlist(List<CidrBlock> blocks) {

    public Allowlist {
        blocks = List.copyOf(blocks);
    }

    /** Parses each block ({@link CidrBlock#parse}). */
    public static Allowlist of(List<String> blocks) {
        return new Allowlist(blocks.stream().map(CidrBlock::parse).toList());
    }

    /** Whether {@code ip} lies in one of the blocks; {@code false} when it is null or not an address. */
    public boolean allows(String ip) {
        return blocks.stream().anyMatch(block -> block.contains(ip));
    }
}
