package io.flowseg.evaluation;

import io.flowseg.dataset.MultiRaterCase;

/**
 * One evaluated case.
 *
 * @param input the case with its raters
 * @param samples what the sampler drew for it
 * @param metrics its scores against the raters
 */
public record CaseResult(MultiRaterCase input, CaseSamples samples, CaseMetrics metrics) {
}
