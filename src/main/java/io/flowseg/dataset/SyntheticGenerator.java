package io.flowseg.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Multi-rater data with known ambiguity, deterministic by seed: scenes of a {@link SyntheticPreset},
 * each outlined by raters drawn from the scene's {@link RaterProcess}.
 */
public final class SyntheticGenerator {
    private final int size;
    private final SyntheticPreset preset;

    public SyntheticGenerator(int size, SyntheticPreset preset) {
        if (size < 16) {
            throw new IllegalArgumentException("synthetic images must be at least 16 pixels wide, got " + size);
        }
        this.size = size;
        this.preset = preset;
    }

    /** {@code cases} cases of {@code raters} raters each; case i depends only on (preset, seed, i). */
    public List<MultiRaterCase> cases(int cases, int raters, long seed) {
        List<MultiRaterCase> result = new ArrayList<>(cases);
        for (int i = 0; i < cases; i++) {
            Random random = preset.random(seed, i);
            SyntheticScene scene = preset.composer().compose(size, random);
            List<boolean[]> masks = new ArrayList<>(raters);
            for (int k = 0; k < raters; k++) {
                masks.add(scene.drawRaterMask(random));
            }
            result.add(new MultiRaterCase(caseId(i), scene.image(), masks));
        }
        return result;
    }

    /** The name of case i (its folder in the folder format). */
    public static String caseId(int caseIndex) {
        return String.format("synth-%05d", caseIndex);
    }

    /** The scene of case i, for drawing oracle masks from the rater process. */
    public SyntheticScene scene(long seed, int caseIndex) {
        return preset.composer().compose(size, preset.random(seed, caseIndex));
    }
}
