package io.flowseg.dataset;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/** The kinds of synthetic scene {@code synth} and {@code train --synthetic} draw. */
public enum SyntheticPreset {
    /** Large blobs anywhere in the middle half on gratings (the generator's first design). */
    CLASSIC(new ClassicScenes(), false),
    /** Shaped like the LIDC sample: {@link LidcSceneSettings#MATCHED}. */
    LIDC(new LidcScenes(LidcSceneSettings.MATCHED), true);

    private final SceneComposer composer;
    private final boolean mixedSeeds;

    SyntheticPreset(SceneComposer composer, boolean mixedSeeds) {
        this.composer = composer;
        this.mixedSeeds = mixedSeeds;
    }

    /**
     * The random source of case i. java.util.Random seeded with neighbouring numbers starts with
     * nearly equal draws (the first nextDouble moves by about 1e-4 from one case to the next), so
     * newer presets mix the seed first. {@code classic} keeps its original seeding, so folders
     * written before stay rebuildable from their manifests.
     */
    Random random(long seed, int caseIndex) {
        long caseSeed = seed * 1_000_003L + caseIndex;
        return new Random(mixedSeeds ? new SplittableRandom(caseSeed).nextLong() : caseSeed);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    SceneComposer composer() {
        return composer;
    }

    public static SyntheticPreset parse(String id) {
        for (SyntheticPreset preset : values()) {
            if (preset.id().equalsIgnoreCase(id)) {
                return preset;
            }
        }
        throw new IllegalArgumentException("unknown synthetic preset '" + id + "'; known: "
                + Arrays.stream(values()).map(SyntheticPreset::id).collect(Collectors.joining(", ")));
    }
}
