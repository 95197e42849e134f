package io.flotilla.scheduler.placement.kubernetes.framework;


/** Upstream {@code helper.DefaultNormalizeScore}, shared by TaintToleration and NodeAffinity. */
public final class ScoreNormalizer {

    public static final long MAX_NODE_SCORE = 100;

    private ScoreNormalizer() {}

    /**
     * Scales scores to {@code [0, max]} by the largest one (integer division); with {@code reverse}
     * the result is {@code max - scaled}. When every score is 0 they stay 0, or become {@code max}
     * when reversed.
     */
    public static void defaultNormalize(long max, boolean reverse, long[] scores) {
        long maxCount = 0;
        for (long s : scores) {
            maxCount = Math.max(maxCount, s);
        }
        if (maxCount == 0) {
            if (reverse) {
                java.util.Arrays.fill(scores, max);
            }
            return;
        }
        for (int i = 0; i < scores.length; i++) {
            long s = max * scores[i] / maxCount;
            scores[i] = reverse ? max - s : s;
        }
    }
}
