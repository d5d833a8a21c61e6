package io.flowseg.training;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.engine.SegmentationEngine;
import io.flowseg.evaluation.CaseMetrics;
import io.flowseg.evaluation.Evaluation;
import io.flowseg.evaluation.MultiRaterEvaluator;
import io.flowseg.model.VelocityModel;
import io.flowseg.model.VelocityPredictor;
import io.flowseg.sampling.SamplingSettings;
import io.flowseg.uncertainty.UncertaintySettings;
import java.util.List;

/**
 * Mean GED on the held-out cases, measured with the evaluation's own samplers and metrics (and
 * its default empty-pair convention), so the log's figure means what {@code eval} reports.
 */
public final class ValidationGed {
    private final List<MultiRaterCase> cases;
    private final SamplingSettings settings;
    private final int maxBatch;
    private final Evaluation evaluation = new Evaluation(new MultiRaterEvaluator());

    public ValidationGed(List<MultiRaterCase> cases, SamplingSettings settings, int maxBatch) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no validation cases");
        }
        this.cases = List.copyOf(cases);
        this.settings = settings;
        this.maxBatch = maxBatch;
    }

    public double measure(VelocityModel model, Objective objective) {
        try (VelocityPredictor field = model.newPredictor()) {
            SegmentationEngine engine = new SegmentationEngine(field, maxBatch, UncertaintySettings.defaults());
            return evaluation.run(cases, ModelCaseSampler.of(objective, model, field, engine, settings, maxBatch), (d, t) -> { })
                    .aggregate().get(CaseMetrics.GED).mean();
        }
    }

    public SamplingSettings settings() {
        return settings;
    }
}
