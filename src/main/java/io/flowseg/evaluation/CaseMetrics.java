package io.flowseg.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * All metrics of one case, tagged with the empty-pair convention they were computed under.
 *
 * @param convention         empty-vs-empty convention used for every IoU/Dice below
 * @param ged                generalised energy distance (lower is better)
 * @param hungarianMatchedIoU HM-IoU
 * @param paperDice          Dice of thresholded sample mean vs at-least-half rater vote
 * @param found              1 when the consensus (mean map >= 0.5) overlaps the raters' union, 0 when it
 *                           misses it, NaN when no rater marked anything (nothing to find)
 * @param collectiveInsight  CI score and its terms (its maxDice is the case's Max-Dice)
 * @param varianceCorrelation Pearson correlation of predicted vs rater pixel variance
 * @param reliability        reliability table and ECE of the mean map
 * @param sampleDiversity    mean 1 - IoU over distinct sample pairs (two empty samples: 0)
 */
public record CaseMetrics(
        EmptyPairConvention convention,
        double ged,
        double hungarianMatchedIoU,
        double paperDice,
        double found,
        CollectiveInsight collectiveInsight,
        double varianceCorrelation,
        ReliabilityTable reliability,
        double sampleDiversity) {

    public static final String GED = "GED";
    public static final String HM_IOU = "HM-IoU";
    public static final String PAPER_DICE = "Dice";
    public static final String MAX_DICE = "Max-Dice";
    public static final String FOUND = "Found";
    public static final String CI = "CI";
    public static final String COMBINED_SENSITIVITY = "S_c";
    public static final String DIVERSITY_AGREEMENT = "D_a";
    public static final String VARIANCE_CORRELATION = "Var-corr";
    public static final String ECE = "ECE";
    public static final String DIVERSITY = "Diversity";

    /** Max-Dice (shared with the CI score's D_max term). */
    public double maxDice() {
        return collectiveInsight.maxDice();
    }

    /** The scalar metrics by name, in a stable order; used for aggregation and printing. */
    public Map<String, Double> scalars() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(GED, ged);
        values.put(HM_IOU, hungarianMatchedIoU);
        values.put(PAPER_DICE, paperDice);
        values.put(MAX_DICE, maxDice());
        values.put(FOUND, found);
        values.put(CI, collectiveInsight.score());
        values.put(COMBINED_SENSITIVITY, collectiveInsight.combinedSensitivity());
        values.put(DIVERSITY_AGREEMENT, collectiveInsight.diversityAgreement());
        values.put(VARIANCE_CORRELATION, varianceCorrelation);
        values.put(ECE, reliability.expectedCalibrationError());
        values.put(DIVERSITY, sampleDiversity);
        return values;
    }
}
