package io.flowseg.evaluation;

/** The two Dice figures: the paper's consensus Dice and Max-Dice. */
public final class DiceScores {

    private DiceScores() {
    }

    /**
     * Dice as the paper reports it: (mean of soft samples &gt;= 0.5) vs (fraction of raters &gt;= 0.5,
     * i.e. at least half the raters).
     */
    public static double paperDice(CaseMasks masks, EmptyPairConvention convention) {
        return MaskOverlap.dice(threshold(masks.meanMap()), threshold(masks.raterFrequency()), convention);
    }

    /**
     * Whether the consensus touches what any rater marked: 1 if the thresholded mean map overlaps the
     * raters' union, 0 if not, NaN if the union is empty. Its mean over cases is the share of lesions found.
     */
    public static double found(CaseMasks masks) {
        boolean[] consensus = threshold(masks.meanMap());
        double[] frequency = masks.raterFrequency();
        boolean anyMarked = false;
        for (int p = 0; p < frequency.length; p++) {
            if (frequency[p] > 0) {
                anyMarked = true;
                if (consensus[p]) {
                    return 1;
                }
            }
        }
        return anyMarked ? 0 : Double.NaN;
    }

    /**
     * Max-Dice: for each rater the best Dice over the samples, averaged over raters. Skipped pairs are
     * ignored in the max; a rater with only skipped pairs is left out of the average.
     */
    public static double maxDice(boolean[][] samples, boolean[][] raters, EmptyPairConvention convention) {
        double[][] dice = PairwiseScores.crossMatrix(raters, samples, (a, b) -> MaskOverlap.dice(a, b, convention));
        double[] bestPerRater = new double[raters.length];
        for (int e = 0; e < raters.length; e++) {
            bestPerRater[e] = NanStatistics.max(dice[e]);
        }
        return NanStatistics.mean(bestPerRater);
    }

    static boolean[] threshold(double[] map) {
        boolean[] mask = new boolean[map.length];
        for (int p = 0; p < map.length; p++) {
            mask[p] = map[p] >= CaseMasks.THRESHOLD;
        }
        return mask;
    }
}
