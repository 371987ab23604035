package io.parley.analytics;

import java.util.Locale;

/**
 * Compares a rate (promises per enrollment, promises kept per promise...) between two arms of an experiment: the
 * difference of the two proportions with a 95% confidence interval (normal approximation, unpooled standard error)
 * and a verdict in plain words. Too few cases in an arm (fewer than {@link #MINIMUM_SAMPLE}, or fewer than five
 * successes or five failures in either) and no interval is claimed.
 */
public record RateComparison(String rate, long baseSize, long baseHits, long otherSize, long otherHits,
                             Double difference, Double low, Double high, String verdict) {
    public static final int MINIMUM_SAMPLE = 30;
    /** The two-sided 95% quantile of the standard normal distribution. */
    static final double Z95 = 1.959963984540054;

    /**
     * @param rate      what is compared, in words ("promise rate")
     * @param base      the arm compared against (the champion)
     * @param other     the challenger
     */
    public static RateComparison of(String rate, String base, long baseSize, long baseHits, String other,
                                    long otherSize, long otherHits) {
        if (baseHits < 0 || otherHits < 0 || baseHits > baseSize || otherHits > otherSize) {
            throw new IllegalArgumentException("hits must be between 0 and the sample size");
        }
        if (baseSize == 0 || otherSize == 0) {
            return new RateComparison(rate, baseSize, baseHits, otherSize, otherHits, null, null, null,
                    "no data yet: " + (baseSize == 0 ? base : other) + " has no cases for the " + rate);
        }
        double p1 = (double) baseHits / baseSize;
        double p2 = (double) otherHits / otherSize;
        double diff = p2 - p1;
        if (tooFew(baseSize, baseHits) || tooFew(otherSize, otherHits)) {
            return new RateComparison(rate, baseSize, baseHits, otherSize, otherHits, diff, null, null,
                    "not yet significant: too few cases to compare the " + rate + " (" + base + " " + baseSize
                            + ", " + other + " " + otherSize + "; at least " + MINIMUM_SAMPLE
                            + " each and five of each result are needed)");
        }
        double se = Math.sqrt(p1 * (1 - p1) / baseSize + p2 * (1 - p2) / otherSize);
        double low = diff - Z95 * se;
        double high = diff + Z95 * se;
        String interval = String.format(Locale.ROOT, "%s %s than %s by %.1f points (95%% interval %.1f to %.1f)",
                other, diff >= 0 ? "higher" : "lower", base, Math.abs(diff) * 100, low * 100, high * 100);
        String verdict;
        if (low > 0 || high < 0) {
            verdict = "significant: the " + rate + " of " + interval;
        } else {
            verdict = "not yet significant: the " + rate + " of " + interval + ", which could be no difference";
        }
        return new RateComparison(rate, baseSize, baseHits, otherSize, otherHits, diff, low, high, verdict);
    }

    private static boolean tooFew(long size, long hits) {
        return size < MINIMUM_SAMPLE || hits < 5 || size - hits < 5;
    }
}
