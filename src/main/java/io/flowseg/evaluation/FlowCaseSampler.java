package io.flowseg.evaluation;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.engine.SegmentationEngine;
import io.flowseg.engine.Study;
import io.flowseg.engine.StudyResult;
import io.flowseg.sampling.SamplingProgress;
import io.flowseg.sampling.SamplingSettings;
import java.util.List;
import java.util.Locale;

/**
 * Samples every case with the flow model. All cases go to the engine in one call, so their
 * samples share forward passes (continuous batching) as a busy service's studies would.
 */
public final class FlowCaseSampler implements CaseSampler {
    private final SegmentationEngine engine;
    private final SamplingSettings settings;
    private final String model;

    /**
     * @param model name of the model behind the engine, for the description
     */
    public FlowCaseSampler(SegmentationEngine engine, SamplingSettings settings, String model) {
        this.engine = engine;
        this.settings = settings;
        this.model = model;
    }

    @Override
    public String name() {
        return "flow";
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "model %s, M=%d, w=%s, %d %s steps, %s", model, settings.samples(),
                settings.guidance(), settings.steps(), settings.solver().id(), CaseSampler.seedText(settings.seed()));
    }

    /** Each case is a study named by its case id, so without a seed each case's noise derives from its id. */
    @Override
    public List<CaseSamples> sample(List<MultiRaterCase> cases, SamplingProgress progress) {
        List<Study> studies = cases.stream()
                .map(c -> new Study(c.id(), c.image(), null, settings, null))
                .toList();
        return engine.segment(studies, progress).stream().map(FlowCaseSampler::atOriginalSize).toList();
    }

    private static CaseSamples atOriginalSize(StudyResult result) {
        float[][] soft = new float[result.samples().samples().length][];
        for (int m = 0; m < soft.length; m++) {
            soft[m] = result.sampleAtOriginalSize(m);
        }
        return new CaseSamples(soft, result.samples().networkEvaluations());
    }
}
