package io.flowseg.evaluation;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.dataset.SyntheticManifest;
import io.flowseg.dataset.SyntheticScene;
import io.flowseg.imaging.Masks;
import io.flowseg.sampling.SamplingProgress;
import io.flowseg.sampling.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The best any model could do on synthetic data: each sample is the mask of a freshly drawn rater
 * of the known rater process ({@link SyntheticScene#drawRaterMask}) on the case's scene. Its scores are the
 * ceiling to read a model's scores against. Seeds work as for the flow model: a given seed is
 * used for every case, otherwise each case's seed derives from its id.
 */
public final class OracleCaseSampler implements CaseSampler {
    private final SyntheticManifest manifest;
    private final int samples;
    private final Long seed;

    public OracleCaseSampler(SyntheticManifest manifest, int samples, Long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        }
        this.manifest = manifest;
        this.samples = samples;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "oracle (synthetic rater process), M=%d, %s", samples,
                CaseSampler.seedText(seed));
    }

    /** No network runs, so there is no progress to report. */
    @Override
    public List<CaseSamples> sample(List<MultiRaterCase> cases, SamplingProgress progress) {
        List<CaseSamples> result = new ArrayList<>(cases.size());
        for (MultiRaterCase c : cases) {
            SyntheticScene scene = manifest.scene(c.id());
            if (scene.image().width() != c.image().width() || scene.image().height() != c.image().height()) {
                throw new IllegalArgumentException("case " + c.id() + " is " + c.image().width() + "x"
                        + c.image().height() + ", its synthetic scene " + scene.image().width() + "x"
                        + scene.image().height());
            }
            Random random = new Random(seed != null ? seed : Seeds.forStudy(c.id()));
            float[][] soft = new float[samples][];
            for (int m = 0; m < samples; m++) {
                soft[m] = Masks.toFloats(scene.drawRaterMask(random));
            }
            result.add(new CaseSamples(soft, 0));
        }
        return result;
    }
}
