package io.flowseg.evaluation;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.imaging.Masks;
import io.flowseg.sampling.SamplingProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The raters' own consensus as a sampler: every one of the M samples is the at-least-half vote of
 * the case's rater masks (the mask the paper's Dice compares with). It is the perfect deterministic
 * segmenter, with no variance at all, so on real data (where no rater process is known) it is the
 * mark a model's GED is read against: beating it needs samples that spread as the raters do.
 */
public final class ConsensusCaseSampler implements CaseSampler {
    private final int samples;

    public ConsensusCaseSampler(int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        }
        this.samples = samples;
    }

    @Override
    public String name() {
        return "consensus";
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "the raters' consensus (at-least-half vote), repeated M=%d", samples);
    }

    /** No network runs, so there is no progress to report. */
    @Override
    public List<CaseSamples> sample(List<MultiRaterCase> cases, SamplingProgress progress) {
        List<CaseSamples> result = new ArrayList<>(cases.size());
        for (MultiRaterCase c : cases) {
            float[] vote = Masks.toFloats(c.majority());
            float[][] repeated = new float[samples][];
            for (int m = 0; m < samples; m++) {
                repeated[m] = vote.clone();
            }
            result.add(new CaseSamples(repeated, 0));
        }
        return result;
    }
}
