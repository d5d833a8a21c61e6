package io.flowseg.uncertainty;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Image-wide uncertainty figures of one study, derived from its M segmentation samples.
 * Variances are population variances across samples (divided by M). Areas are given for the
 * original image; mm² figures are {@code null} when the pixel spacing is unknown.
 *
 * @param samples                  number of samples M the figures were computed from
 * @param meanVariance             mean of the variance map over all pixels
 * @param maxVariance              maximum of the variance map
 * @param meanVarianceForeground   mean variance over the pixels that are foreground in at least one
 *                                 sample; 0 when no sample has any foreground
 * @param maxVarianceForeground    maximum variance over that same region; 0 when it is empty
 * @param p95Variance              95th percentile of the variance map over all pixels, interpolated
 *                                 linearly between order statistics (numpy's default)
 * @param uncertainAreaFraction    share of pixels whose variance is strictly above the uncertain level
 * @param uncertainAreaPixels      area of those pixels, in original image pixels
 * @param foregroundAreaPixels     area of the consensus mask, in original image pixels
 * @param foregroundAreaMm2        area of the consensus mask in mm², or {@code null} without pixel spacing
 * @param anyForegroundAreaPixels  area foreground in at least one sample, in original image pixels
 * @param sampleDiversity          mean over all unordered sample pairs of the Jaccard distance
 *                                 {@code 1 - IoU} of their binarised masks; a pair of empty masks
 *                                 counts as identical (distance 0), and M = 1 gives 0
 * @param meanEntropy              mean over pixels of the binary entropy, in bits, of the mean map
 *                                 (with {@code 0 log 0 = 0}): 0 where all samples agree on 0 or 1,
 *                                 at most 1 where the mean is 0.5
 */
public record UncertaintySummary(
        int samples,
        double meanVariance,
        double maxVariance,
        double meanVarianceForeground,
        double maxVarianceForeground,
        double p95Variance,
        double uncertainAreaFraction,
        double uncertainAreaPixels,
        double foregroundAreaPixels,
        Double foregroundAreaMm2,
        double anyForegroundAreaPixels,
        double sampleDiversity,
        double meanEntropy) {

    /** Every figure for people, in catalogue order: its label, then its value with its unit. */
    public Map<String, String> forPeople() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (UncertaintyFigure figure : UncertaintyFigure.values()) {
            rows.put(figure.label(), figure.format(figure.numberIn(this)));
        }
        return rows;
    }

    /** A summary from each figure's value (M as any number, the mm² figure null where there is none). */
    public static UncertaintySummary of(Function<UncertaintyFigure, Number> value) {
        Number mm2 = value.apply(UncertaintyFigure.FOREGROUND_AREA_MM2);
        return new UncertaintySummary(value.apply(UncertaintyFigure.SAMPLES).intValue(),
                value.apply(UncertaintyFigure.MEAN_VARIANCE).doubleValue(),
                value.apply(UncertaintyFigure.MAX_VARIANCE).doubleValue(),
                value.apply(UncertaintyFigure.MEAN_VARIANCE_FOREGROUND).doubleValue(),
                value.apply(UncertaintyFigure.MAX_VARIANCE_FOREGROUND).doubleValue(),
                value.apply(UncertaintyFigure.P95_VARIANCE).doubleValue(),
                value.apply(UncertaintyFigure.UNCERTAIN_AREA_FRACTION).doubleValue(),
                value.apply(UncertaintyFigure.UNCERTAIN_AREA_PIXELS).doubleValue(),
                value.apply(UncertaintyFigure.FOREGROUND_AREA_PIXELS).doubleValue(),
                mm2 != null ? mm2.doubleValue() : null,
                value.apply(UncertaintyFigure.ANY_FOREGROUND_AREA_PIXELS).doubleValue(),
                value.apply(UncertaintyFigure.SAMPLE_DIVERSITY).doubleValue(),
                value.apply(UncertaintyFigure.MEAN_ENTROPY).doubleValue());
    }

}
