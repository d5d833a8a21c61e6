package io.flowseg.evaluation;

import java.util.List;

/**
 * What an evaluation found, with what is needed to read it: the sampler's settings and the
 * empty-pair convention every figure was computed under.
 *
 * @param settings the sampler's description ({@link CaseSampler#describe()})
 * @param cases every case with its samples and metrics, in case order
 * @param aggregate mean and spread of each metric over the cases
 * @param networkEvaluationsPerStudy network evaluations per case, on average
 * @param secondsPerStudy wall time of sampling per case (all cases sampled together, divided by their count)
 */
public record EvaluationResult(String settings, List<CaseResult> cases, AggregateMetrics aggregate,
                               double networkEvaluationsPerStudy, double secondsPerStudy) {

    public EvaluationResult {
        cases = List.copyOf(cases);
    }

    public EmptyPairConvention convention() {
        return aggregate.convention();
    }
}
