package io.flowseg.uncertainty;

/**
 * How much the binarised samples disagree as whole shapes: the mean over all unordered pairs of
 * samples of the Jaccard distance {@code 1 - |A ∩ B| / |A ∪ B|}. The service's {@code sampleDiversity}
 * figure and {@code eval}'s Diversity column are this one definition.
 */
public final class SampleDiversity {

    private SampleDiversity() {
    }

    /** The same for boolean masks over the same pixels (as {@code eval} holds them). */
    public static double of(boolean[][] masks) {
        long[][] bitsets = new long[masks.length][];
        for (int m = 0; m < masks.length; m++) {
            bitsets[m] = ForegroundMask.empty(masks[m].length);
            for (int p = 0; p < masks[m].length; p++) {
                ForegroundMask.include(bitsets[m], p, masks[m][p] ? 1 : 0);
            }
        }
        return meanPairwiseDistance(bitsets);
    }

    /**
     * Mean pairwise Jaccard distance of the given {@link ForegroundMask} bitsets over the same pixels.
     * Two empty masks are identical, so their distance is 0; a single mask has diversity 0.
     */
    static double meanPairwiseDistance(long[][] masks) {
        int count = masks.length;
        if (count < 2) {
            return 0;
        }
        // Mask sizes are computed once so each pair only needs the intersection count.
        long[] sizes = new long[count];
        for (int m = 0; m < count; m++) {
            sizes[m] = ForegroundMask.size(masks[m]);
        }
        double distanceSum = 0;
        for (int a = 0; a < count; a++) {
            for (int b = a + 1; b < count; b++) {
                long intersection = ForegroundMask.intersectionSize(masks[a], masks[b]);
                long union = sizes[a] + sizes[b] - intersection;
                distanceSum += union == 0 ? 0 : 1 - (double) intersection / union;
            }
        }
        long pairs = (long) count * (count - 1) / 2;
        return distanceSum / pairs;
    }
}
