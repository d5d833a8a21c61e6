package io.flowseg.evaluation;

import java.util.List;

/**
 * Reliability of the mean probability map against the rater frequency.
 *
 * @param bins                     equal-width bins on [0, 1]
 * @param expectedCalibrationError count-weighted mean of |meanPredicted - meanObserved| over bins
 */
public record ReliabilityTable(List<ReliabilityBin> bins, double expectedCalibrationError) {

    public ReliabilityTable {
        bins = List.copyOf(bins);
    }
}
