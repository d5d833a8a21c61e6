package io.flowseg.evaluation;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.sampling.SamplingProgress;
import java.util.ArrayList;
import java.util.List;

/** Draws each case's samples with a sampler and scores them against the case's raters. */
public final class Evaluation {
    private final MultiRaterEvaluator evaluator;

    public Evaluation(MultiRaterEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    public EvaluationResult run(List<MultiRaterCase> cases, CaseSampler sampler, SamplingProgress progress) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no cases to evaluate");
        }
        long start = System.nanoTime();
        List<CaseSamples> samples = sampler.sample(cases, progress);
        double seconds = (System.nanoTime() - start) / 1e9;

        List<CaseResult> results = new ArrayList<>(cases.size());
        List<CaseMetrics> metrics = new ArrayList<>(cases.size());
        long evaluations = 0;
        for (int i = 0; i < cases.size(); i++) {
            MultiRaterCase input = cases.get(i);
            CaseSamples drawn = samples.get(i);
            CaseMetrics scores = evaluator.evaluate(CaseMasks.fromSoftSamples(drawn.softSamples(),
                    input.raterMasks().toArray(boolean[][]::new)));
            results.add(new CaseResult(input, drawn, scores));
            metrics.add(scores);
            evaluations += drawn.networkEvaluations();
        }
        return new EvaluationResult(sampler.describe(), results, AggregateMetrics.of(metrics),
                (double) evaluations / cases.size(), seconds / cases.size());
    }
}
