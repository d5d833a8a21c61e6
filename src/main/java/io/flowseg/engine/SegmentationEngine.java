package io.flowseg.engine;

import io.flowseg.imaging.FieldOfView;
import io.flowseg.imaging.Image;
import io.flowseg.imaging.ModelInputPreparer;
import io.flowseg.sampling.FlowSampler;
import io.flowseg.sampling.SampleSet;
import io.flowseg.sampling.SamplingJob;
import io.flowseg.sampling.SamplingProgress;
import io.flowseg.sampling.SamplingSession;
import io.flowseg.sampling.VelocityField;
import io.flowseg.uncertainty.OriginalImage;
import io.flowseg.uncertainty.UncertaintyAnalyzer;
import io.flowseg.uncertainty.UncertaintyReport;
import io.flowseg.uncertainty.UncertaintySettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Studies in, segmentations and uncertainty out: prepares each image for the model, samples all
 * studies together (sharing forward passes), summarises each, and maps the maps back to each
 * image's own size. One engine per thread, like the velocity field it drives.
 */
public final class SegmentationEngine {
    private final VelocityField field;
    private final FlowSampler sampler;
    private final ModelInputPreparer preparer;
    private final UncertaintyAnalyzer analyzer;
    private final int maxBatch;

    /** Rows of one forward pass at most. */
    public int maxBatch() {
        return maxBatch;
    }

    public SegmentationEngine(VelocityField field, int maxBatch, UncertaintySettings uncertainty) {
        this.field = field;
        this.sampler = new FlowSampler(field, maxBatch);
        this.preparer = new ModelInputPreparer(field.imageChannels(), field.resolution(), field.view());
        this.analyzer = new UncertaintyAnalyzer(uncertainty);
        this.maxBatch = maxBatch;
    }

    /**
     * Segments the studies; results come back in the same order.
     *
     * @throws io.flowseg.imaging.ImageRejectedException when an image cannot be used by the model
     */
    public List<StudyResult> segment(List<Study> studies, SamplingProgress progress) {
        List<SamplingJob> requests = new ArrayList<>(studies.size());
        for (Study study : studies) {
            requests.add(request(study));
        }
        List<SampleSet> sampleSets = sampler.sample(requests, progress);
        List<StudyResult> results = new ArrayList<>(studies.size());
        for (int i = 0; i < studies.size(); i++) {
            results.add(summarise(studies.get(i), sampleSets.get(i)));
        }
        return results;
    }

    /** A session on this engine's field and row budget, for studies that join and leave between passes. */
    public SamplingSession newSession() {
        return new SamplingSession(field, maxBatch);
    }

    /**
     * The study's image prepared for the model, as a job for {@link #newSession a session}.
     *
     * @throws io.flowseg.imaging.ImageRejectedException when the image cannot be used by the model
     */
    public SamplingJob request(Study study) {
        return new SamplingJob(study.id(), preparer.prepare(study.image()), study.settings(), study.initialNoise());
    }

    /**
     * The study's samples summarised, with its maps at the image's own size. Areas are those of the
     * field of view's window, the part of the image the model's pixels cover.
     */
    public StudyResult summarise(Study study, SampleSet sampleSet) {
        Image image = study.image();
        int r = field.resolution();
        FieldOfView view = field.view();
        FieldOfView.Window window = view.window(image.width(), image.height());
        UncertaintyReport report = analyzer.analyse(sampleSet.samples(), r, r,
                new OriginalImage(window.width(), window.height(), study.spacing()));
        float[] mean = view.toImage(report.meanMap(), r, image.width(), image.height());
        float[] variance = view.toImage(report.varianceMap(), r, image.width(), image.height());
        boolean[] consensus = view.toImage(toMask(report.consensusMask()), r, image.width(), image.height());
        return new StudyResult(study, sampleSet.request().seed(), sampleSet, report, view, mean, variance, consensus);
    }

    private static boolean[] toMask(float[] values) {
        boolean[] mask = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            mask[i] = values[i] >= 0.5f;
        }
        return mask;
    }
}
