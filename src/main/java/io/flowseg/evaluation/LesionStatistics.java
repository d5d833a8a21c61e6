package io.flowseg.evaluation;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.uncertainty.Percentile;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures a synthetic preset is matched to, measured on any multi-rater cases: how often most
 * raters mark nothing, how large the marked lesions are, where they sit and how far raters agree,
 * and how bright lung and lesion are.
 *
 * @param cases cases measured
 * @param mostRatersEmptyShare share of cases where fewer than half the raters mark anything
 * @param areaP10 10th percentile of a non-empty rater mask's area, in pixels of a 128 px image
 * @param areaMedian median of that area
 * @param areaP90 90th percentile of that area
 * @param centreOffset mean distance of the raters' union's centroid from the image centre, in 128 px pixels
 * @param pairwiseIoU mean IoU over pairs of non-empty rater masks of a case (cases with two or more)
 * @param backgroundMean mean intensity outside the raters' union, 0..1 of the 8-bit range
 * @param lesionContrast median over cases of mean intensity inside the union minus outside it
 */
public record LesionStatistics(int cases, double mostRatersEmptyShare, double areaP10, double areaMedian,
                               double areaP90, double centreOffset, double pairwiseIoU, double backgroundMean,
                               double lesionContrast) {

    public static LesionStatistics of(List<MultiRaterCase> cases) {
        int mostEmpty = 0;
        List<Double> areas = new ArrayList<>();
        double offsetSum = 0;
        int offsetCases = 0;
        double iouSum = 0;
        int iouPairs = 0;
        double backgroundSum = 0;
        List<Double> contrasts = new ArrayList<>();
        for (MultiRaterCase c : cases) {
            int w = c.image().width();
            int h = c.image().height();
            double toReference = 128.0 / w;
            boolean[] union = new boolean[w * h];
            List<boolean[]> marked = new ArrayList<>();
            for (boolean[] mask : c.raterMasks()) {
                int area = 0;
                for (int p = 0; p < mask.length; p++) {
                    if (mask[p]) {
                        area++;
                        union[p] = true;
                    }
                }
                if (area > 0) {
                    marked.add(mask);
                    areas.add(area * toReference * toReference);
                }
            }
            if (2 * marked.size() < c.raters()) {
                mostEmpty++;
            }
            for (int a = 0; a < marked.size(); a++) {
                for (int b = a + 1; b < marked.size(); b++) {
                    // Both masks mark something, so no empty pair arises and the convention is moot.
                    iouSum += MaskOverlap.iou(marked.get(a), marked.get(b), EmptyPairConvention.SCORE_ONE);
                    iouPairs++;
                }
            }
            double sx = 0, sy = 0, inside = 0, outside = 0;
            int n = 0;
            float[] pixels = c.image().pixels();
            for (int p = 0; p < union.length; p++) {
                if (union[p]) {
                    sx += p % w + 0.5;
                    sy += p / w + 0.5;
                    inside += pixels[p];
                    n++;
                } else {
                    outside += pixels[p];
                }
            }
            double background = outside / Math.max(1, union.length - n) / 255;
            backgroundSum += background;
            if (n > 0) {
                offsetSum += Math.hypot(sx / n - w / 2.0, sy / n - h / 2.0) * toReference;
                offsetCases++;
                contrasts.add(inside / n / 255 - background);
            }
        }
        return new LesionStatistics(cases.size(), mostEmpty / (double) cases.size(), percentile(areas, 10),
                percentile(areas, 50), percentile(areas, 90),
                offsetCases == 0 ? Double.NaN : offsetSum / offsetCases,
                iouPairs == 0 ? Double.NaN : iouSum / iouPairs, backgroundSum / cases.size(),
                percentile(contrasts, 50));
    }

    private static double percentile(List<Double> values, double percent) {
        return Percentile.linearOrNaN(values.stream().mapToDouble(Double::doubleValue).toArray(), percent);
    }
}
