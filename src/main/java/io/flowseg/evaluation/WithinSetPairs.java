package io.flowseg.evaluation;

/**
 * Which pairs enter GED's within-set terms E[d(pred, pred')] and E[d(gt, gt')].
 *
 * <p>{@link #WITH_SELF_PAIRS} (all i, j including i == j, as in the PHiSeg-style reference code;
 * flowseg's default) is the energy distance between the two empirical distributions, 0 exactly when
 * they coincide, and is what published LIDC figures use. {@link #DISTINCT} (i != j) is the unbiased
 * estimate of the population distance but is not 0 when the samples equal the raters (e.g. -2/3
 * for two different masks on each side).
 */
public enum WithinSetPairs {
    DISTINCT,
    WITH_SELF_PAIRS
}
