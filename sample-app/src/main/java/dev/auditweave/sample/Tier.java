package dev.auditweave.sample;

import java.util.Locale;

/** Subscription tiers, ordered by rank: a move to a higher rank is an upgrade. */
public enum Tier {
    FREE(0), STARTER(1), PRO(2), TEAM(3);

    private final int rank;

    Tier(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** The lower-case name, as sent in events ({@code "pro"}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
