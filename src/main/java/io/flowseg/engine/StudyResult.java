package io.flowseg.engine;

import io.flowseg.imaging.FieldOfView;
import io.flowseg.sampling.SampleSet;
import io.flowseg.uncertainty.UncertaintyReport;
import io.flowseg.uncertainty.UncertaintySummary;

/**
 * The segmentation of one study: its samples and uncertainty at model resolution, and the maps
 * at the image's original size.
 *
 * @param study what was asked
 * @param seed the seed actually used
 * @param samples the decoded samples at model resolution
 * @param report maps and figures at model resolution (areas already in original pixels)
 * @param view the part of the image the model-resolution maps cover
 * @param meanMap mean of the samples at original size
 * @param varianceMap pixel-wise variance at original size
 * @param consensusMask majority-vote mask at original size
 */
public record StudyResult(Study study, long seed, SampleSet samples, UncertaintyReport report, FieldOfView view,
                          float[] meanMap, float[] varianceMap, boolean[] consensusMask) {

    public UncertaintySummary summary() {
        return report.summary();
    }

    public int width() {
        return study.image().width();
    }

    public int height() {
        return study.image().height();
    }

    /** Sample {@code index} mapped back to the original size. */
    public float[] sampleAtOriginalSize(int index) {
        return view.toImage(samples.samples()[index], report.width(), width(), height());
    }
}
