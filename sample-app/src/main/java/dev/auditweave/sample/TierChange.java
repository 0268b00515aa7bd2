package dev.auditweave.sample;

/** What {@link SubscriptionService#changeTier} did: the tier and its rank before and after. */
public record TierChange(String userId, String previousTier, int previousRank, String newTier, int newRank) {

    static TierChange of(String userId, Tier previous, Tier next) {
        return new TierChange(userId, previous.label(), previous.rank(), next.label(), next.rank());
    }
}
