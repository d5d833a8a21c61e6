package io.flowseg.sampling;

/**
 * The M segmentations drawn for one request.
 *
 * @param request what was asked, with the seed actually used
 * @param samples decoded samples clamp(x / 2 + 0.5), [M][R * R]
 * @param networkEvaluations rows of forward passes spent on this request
 * @param forwardPasses forward passes this request took part in (shared with other requests)
 */
public record SampleSet(SamplingJob request, float[][] samples, long networkEvaluations, int forwardPasses) {
}
