package io.flowseg.evaluation;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.sampling.SamplingProgress;
import io.flowseg.sampling.SamplingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates the same cases at every point of a {@link SweepGrid}: quality against cost, from which
 * fast presets are chosen. Only the aggregates are kept, not the samples.
 */
public final class Sweep {
    private final Evaluation evaluation;
    private final Function<SamplingSettings, CaseSampler> samplers;

    /**
     * @param samplers the sampler of a grid point
     */
    public Sweep(Evaluation evaluation, Function<SamplingSettings, CaseSampler> samplers) {
        this.evaluation = evaluation;
        this.samplers = samplers;
    }

    /**
     * @param progress a progress listener for each grid point
     * @return one row per grid point, in grid order
     */
    public List<SweepRow> run(List<MultiRaterCase> cases, SweepGrid grid,
                              Function<SamplingSettings, SamplingProgress> progress) {
        List<SweepRow> rows = new ArrayList<>();
        for (SamplingSettings point : grid.points()) {
            EvaluationResult result = evaluation.run(cases, samplers.apply(point), progress.apply(point));
            rows.add(new SweepRow(point, result.aggregate(), result.networkEvaluationsPerStudy(),
                    result.secondsPerStudy()));
        }
        return rows;
    }
}
