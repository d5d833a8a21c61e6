package io.flowseg.evaluation;

import io.flowseg.sampling.SamplingSettings;

/**
 * Quality against cost at one sweep point.
 *
 * @param settings the point's sampling settings
 * @param aggregate its metrics over the cases
 * @param networkEvaluationsPerStudy its cost in network evaluations per case
 * @param secondsPerStudy its sampling wall time per case
 */
public record SweepRow(SamplingSettings settings, AggregateMetrics aggregate, double networkEvaluationsPerStudy,
                       double secondsPerStudy) {

    /** The curve this point belongs to in a quality-versus-cost plot: its solver and guidance weight, or its preset. */
    public String series() {
        String sampler = settings.preset() != null ? "preset " + settings.preset() : settings.solver().id();
        return sampler + " w=" + settings.guidance();
    }

    /** Mean of a metric over the cases. */
    public double mean(String metric) {
        return aggregate.get(metric).mean();
    }
}
