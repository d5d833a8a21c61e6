package io.flowseg.evaluation;

/**
 * The samples drawn for one case.
 *
 * @param softSamples [M][pixels] at the case's original size, values in [0, 1]
 * @param networkEvaluations network evaluations spent on this case (0 for baselines without a network)
 */
public record CaseSamples(float[][] softSamples, long networkEvaluations) {
}
