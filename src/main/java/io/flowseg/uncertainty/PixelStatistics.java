package io.flowseg.uncertainty;

/**
 * Per-pixel statistics of a {@link SampleStack}, gathered in a single pass over the sample values:
 * mean, population variance, how many samples vote foreground, and each sample's foreground mask.
 */
final class PixelStatistics {

    /** Pixels per tile: 2048 pixels keep mean, squared deviations and votes (40 KiB) in L1/L2 cache. */
    private static final int TILE_PIXELS = 2048;

    private final int sampleCount;
    private final double[] mean;
    private final double[] variance;
    private final int[] foregroundVotes;
    private final long[][] foregroundMasks;

    private PixelStatistics(int sampleCount, double[] mean, double[] variance, int[] foregroundVotes,
                            long[][] foregroundMasks) {
        this.sampleCount = sampleCount;
        this.mean = mean;
        this.variance = variance;
        this.foregroundVotes = foregroundVotes;
        this.foregroundMasks = foregroundMasks;
    }

    /**
     * Reads every sample value once. Mean and variance use Welford's update, which stays exact
     * where all samples agree (variance exactly 0) and avoids the cancellation of sum-of-squares.
     * The variance is the population variance (divided by M, like numpy's {@code var} with ddof=0).
     * A value is foreground when {@code >= foregroundThreshold}.
     *
     * @throws IllegalArgumentException if a value lies outside [0, 1] or is NaN
     */
    static PixelStatistics accumulate(SampleStack stack, double foregroundThreshold) {
        int pixels = stack.pixelCount();
        int sampleCount = stack.sampleCount();
        double[] mean = new double[pixels];
        double[] squaredDeviations = new double[pixels];
        int[] votes = new int[pixels];
        long[][] masks = new long[sampleCount][];
        for (int m = 0; m < sampleCount; m++) {
            masks[m] = ForegroundMask.empty(pixels);
        }
        // Pixels are visited in tiles, and within a tile sample by sample: the tile's accumulators
        // stay in cache while every sample array is still read sequentially, exactly once.
        for (int tileStart = 0; tileStart < pixels; tileStart += TILE_PIXELS) {
            int tileEnd = Math.min(tileStart + TILE_PIXELS, pixels);
            for (int m = 0; m < sampleCount; m++) {
                float[] sample = stack.samples()[m];
                long[] mask = masks[m];
                double inverseSeen = 1.0 / (m + 1);
                for (int i = tileStart; i < tileEnd; i++) {
                    double value = sample[i];
                    if (!(value >= 0 && value <= 1)) {
                        throw new IllegalArgumentException(
                                "sample " + m + " pixel " + i + " is " + value + ", expected a value within [0, 1]");
                    }
                    double delta = value - mean[i];
                    mean[i] += delta * inverseSeen;
                    squaredDeviations[i] += delta * (value - mean[i]);
                    // Branch-free: noisy samples would make a foreground branch mispredict often.
                    int foreground = value >= foregroundThreshold ? 1 : 0;
                    votes[i] += foreground;
                    ForegroundMask.include(mask, i, foreground);
                }
            }
        }
        double[] variance = squaredDeviations; // reused in place: the sums are not needed afterwards
        for (int i = 0; i < pixels; i++) {
            variance[i] /= sampleCount;
        }
        return new PixelStatistics(sampleCount, mean, variance, votes, masks);
    }

    int sampleCount() {
        return sampleCount;
    }

    double[] mean() {
        return mean;
    }

    double[] variance() {
        return variance;
    }

    long[][] foregroundMasks() {
        return foregroundMasks;
    }

    /** Majority vote: foreground in strictly more than half of the samples, so ties go to background. */
    boolean isConsensusForeground(int pixel) {
        return 2L * foregroundVotes[pixel] > sampleCount;
    }

    /** Foreground in at least one sample: the union of all plausible segmentations. */
    boolean isAnyForeground(int pixel) {
        return foregroundVotes[pixel] > 0;
    }
}
