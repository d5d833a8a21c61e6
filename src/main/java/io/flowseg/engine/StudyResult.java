package io.flowseg.engine;

import io.flowseg.imaging.Resampler;
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
 * @param meanMap mean of the samples at original size
 * @param varianceMap pixel-wise variance at original size
 * @param consensusMask majority-vote mask at original size
 */
public record StudyResult(Study study, long seed, SampleSet samples, UncertaintyReport report,
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
        return Resampler.bilinear(samples.samples()[index], report.width(), report.height(), width(), height());
    }
}
