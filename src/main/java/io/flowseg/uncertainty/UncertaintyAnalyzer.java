package io.flowseg.uncertainty;

/**
 * Turns the M segmentation samples of one study into uncertainty maps and figures.
 *
 * <p>Conventions: a sample value is foreground when {@code >=} the foreground threshold; the
 * consensus mask is the strict majority vote (foreground in more than half of the samples, so an
 * exact tie with even M is background); variance is the population variance (divided by M, numpy's
 * {@code var} with ddof=0); a pixel is uncertain when its variance is strictly above the uncertain
 * level. Figures are computed in double precision; the maps are narrowed to float.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class UncertaintyAnalyzer {

    private static final double SUMMARY_PERCENTILE = 95;

    private final UncertaintySettings settings;

    public UncertaintyAnalyzer(UncertaintySettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings are required");
        }
        this.settings = settings;
    }

    /**
     * Analyses samples whose original image has the model resolution and an unknown pixel spacing,
     * so areas are in model pixels and no mm² figures are reported.
     *
     * @see #analyse(float[][], int, int, OriginalImage)
     */
    public UncertaintyReport analyse(float[][] samples, int width, int height) {
        SampleStack stack = new SampleStack(samples, width, height);
        return analyse(stack, new OriginalImage(width, height));
    }

    /**
     * Analyses the decoded samples of one study.
     *
     * @param samples  M {@code >= 1} samples, each {@code width * height} row-major values in [0, 1]
     * @param width    map width at model resolution
     * @param height   map height at model resolution
     * @param original the original image, whose size and optional spacing the areas are reported for
     * @throws IllegalArgumentException if there is no sample, a sample has the wrong length, a value
     *                                  lies outside [0, 1], the size is not positive, or original is null
     */
    public UncertaintyReport analyse(float[][] samples, int width, int height, OriginalImage original) {
        SampleStack stack = new SampleStack(samples, width, height);
        if (original == null) {
            throw new IllegalArgumentException("original image is required");
        }
        return analyse(stack, original);
    }

    private UncertaintyReport analyse(SampleStack stack, OriginalImage original) {
        PixelStatistics statistics = PixelStatistics.accumulate(stack, settings.foregroundThreshold());
        UncertaintySummary summary = summarise(statistics, new AreaScale(stack.pixelCount(), original));
        return new UncertaintyReport(stack.width(), stack.height(), toFloat(statistics.mean()),
                toFloat(statistics.variance()), consensusMask(statistics, stack.pixelCount()), summary);
    }

    private UncertaintySummary summarise(PixelStatistics statistics, AreaScale area) {
        PixelTally tally = PixelTally.of(statistics, settings.uncertainVarianceLevel());
        double foregroundAreaPixels = area.originalPixels(tally.consensusPixels());
        return new UncertaintySummary(
                statistics.sampleCount(),
                tally.meanVariance(),
                tally.varianceMax(),
                tally.meanAnyForegroundVariance(),
                tally.anyForegroundVarianceMax(),
                Percentile.linear(statistics.variance(), SUMMARY_PERCENTILE),
                area.fraction(tally.uncertainPixels()),
                area.originalPixels(tally.uncertainPixels()),
                foregroundAreaPixels,
                area.squareMillimetres(foregroundAreaPixels),
                area.originalPixels(tally.anyForegroundPixels()),
                SampleDiversity.meanPairwiseDistance(statistics.foregroundMasks()),
                tally.meanEntropy());
    }

    private static float[] consensusMask(PixelStatistics statistics, int pixels) {
        float[] mask = new float[pixels];
        for (int i = 0; i < pixels; i++) {
            mask[i] = statistics.isConsensusForeground(i) ? 1f : 0f;
        }
        return mask;
    }

    private static float[] toFloat(double[] values) {
        float[] narrowed = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            narrowed[i] = (float) values[i];
        }
        return narrowed;
    }
}
