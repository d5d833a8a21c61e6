package io.flowseg.training;

import io.flowseg.engine.SegmentationEngine;
import io.flowseg.evaluation.CaseSampler;
import io.flowseg.evaluation.FlowCaseSampler;
import io.flowseg.evaluation.MajorityVoteCaseSampler;
import io.flowseg.model.VelocityModel;
import io.flowseg.sampling.SamplingSettings;
import io.flowseg.sampling.VelocityField;

/** The evaluation sampler for a trained model, chosen by what the model was trained to output. */
public final class ModelCaseSampler {

    private ModelCaseSampler() {
    }

    /**
     * @param objective what the model was trained to output
     * @param model    the model, for its name and version
     * @param field    a predictor of that model, owned by the caller
     * @param engine   the engine over {@code field}, used by flow models
     * @param settings sampling settings (baselines use only M)
     * @param maxBatch cases per forward pass for baselines
     */
    public static CaseSampler of(Objective objective, VelocityModel model, VelocityField field,
                                 SegmentationEngine engine, SamplingSettings settings, int maxBatch) {
        String name = model.info().name();
        return switch (objective) {
            case FLOW_MATCHING -> new FlowCaseSampler(engine, settings, name);
            case MAJORITY_VOTE -> new MajorityVoteCaseSampler(field, settings.samples(), maxBatch, name);
        };
    }
}
