package io.flowseg.evaluation;

/**
 * Mean and sample standard deviation (n-1) of one metric over cases, NaN cases ignored.
 *
 * @param name    metric name
 * @param mean    mean over counted cases (NaN if none)
 * @param std     sample standard deviation over counted cases (NaN if fewer than two)
 * @param counted cases with a finite value
 * @param total   cases offered
 */
public record MetricSummary(String name, double mean, double std, int counted, int total) {

    public static MetricSummary of(String name, double[] perCase) {
        return new MetricSummary(name, NanStatistics.mean(perCase), NanStatistics.sampleStd(perCase),
                NanStatistics.countFinite(perCase), perCase.length);
    }
}
