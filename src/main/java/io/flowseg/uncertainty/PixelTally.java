package io.flowseg.uncertainty;

/**
 * Sums, maxima and counts over all pixels of a {@link PixelStatistics}, taken in one pass, from
 * which the image-wide figures of an {@link UncertaintySummary} are derived.
 */
record PixelTally(
        int pixels,
        double varianceSum,
        double varianceMax,
        int anyForegroundPixels,
        double anyForegroundVarianceSum,
        double anyForegroundVarianceMax,
        int uncertainPixels,
        int consensusPixels,
        double entropySum) {

    /** Tallies every pixel; a pixel is uncertain when its variance is strictly above {@code uncertainVarianceLevel}. */
    static PixelTally of(PixelStatistics statistics, double uncertainVarianceLevel) {
        double[] variance = statistics.variance();
        double[] mean = statistics.mean();
        double varianceSum = 0;
        double varianceMax = 0;
        int anyForegroundPixels = 0;
        double anyForegroundVarianceSum = 0;
        double anyForegroundVarianceMax = 0;
        int uncertainPixels = 0;
        int consensusPixels = 0;
        double entropySum = 0;
        for (int i = 0; i < variance.length; i++) {
            double v = variance[i];
            varianceSum += v;
            varianceMax = Math.max(varianceMax, v);
            if (statistics.isAnyForeground(i)) {
                anyForegroundPixels++;
                anyForegroundVarianceSum += v;
                anyForegroundVarianceMax = Math.max(anyForegroundVarianceMax, v);
            }
            if (v > uncertainVarianceLevel) {
                uncertainPixels++;
            }
            if (statistics.isConsensusForeground(i)) {
                consensusPixels++;
            }
            entropySum += BinaryEntropy.bits(mean[i]);
        }
        return new PixelTally(variance.length, varianceSum, varianceMax, anyForegroundPixels,
                anyForegroundVarianceSum, anyForegroundVarianceMax, uncertainPixels, consensusPixels, entropySum);
    }

    double meanVariance() {
        return varianceSum / pixels;
    }

    /** Mean variance where any sample is foreground; 0 when no sample has foreground. */
    double meanAnyForegroundVariance() {
        return anyForegroundPixels == 0 ? 0 : anyForegroundVarianceSum / anyForegroundPixels;
    }

    double meanEntropy() {
        return entropySum / pixels;
    }
}
