package io.flowseg.evaluation;

/**
 * One bin of a reliability table.
 *
 * @param lower             lower edge (inclusive)
 * @param upper             upper edge (exclusive, except the last bin which includes 1.0)
 * @param count             pixels whose predicted mean probability falls in the bin
 * @param meanPredicted     mean predicted probability of those pixels (NaN if count is 0)
 * @param meanObserved      mean rater frequency of those pixels (NaN if count is 0)
 */
public record ReliabilityBin(double lower, double upper, long count, double meanPredicted, double meanObserved) {
}
