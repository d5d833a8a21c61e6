package io.flowseg.evaluation;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.dataset.MultiRaterFolder;
import io.flowseg.dataset.SyntheticGenerator;
import io.flowseg.dataset.SyntheticPreset;
import io.flowseg.dataset.SyntheticManifest;
import io.flowseg.model.UNetConfig;
import io.flowseg.model.VelocityModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Small synthetic data and a tiny untrained network, so evaluations run in well under a second. */
public final class EvaluationFixtures {
    public static final int SIZE = 32;
    public static final int CASES = 3;
    public static final int RATERS = 2;
    public static final long SEED = 7;
    /** 16 px, widths 8 and 16, attention in the middle only: a few thousand parameters. */
    public static final UNetConfig TINY = new UNetConfig("custom", 1, 16, 8, List.of(1, 2), 1, List.of(), true, 2, 4);

    private EvaluationFixtures() {
    }

    /** The synthetic cases, in memory. */
    public static List<MultiRaterCase> cases() {
        return new SyntheticGenerator(SIZE, SyntheticPreset.CLASSIC).cases(CASES, RATERS, SEED);
    }

    /** The synthetic cases written to a folder with their synthetic.json, as {@code ./flowseg synth} writes them. */
    public static Path writeSynthetic(Path folder) throws IOException {
        new MultiRaterFolder().write(folder, cases());
        SyntheticManifest.of(SyntheticPreset.CLASSIC, SIZE, CASES, RATERS, SEED).write(folder);
        return folder;
    }

    /** The tiny network, untrained; the caller closes it. */
    public static VelocityModel tinyModel() {
        return VelocityModel.untrained(TINY, 0);
    }

    /** The tiny network saved as a majority-vote baseline (what {@code train --objective majority-vote} writes). */
    public static Path writeTinyBaseline(Path file) throws IOException {
        try (VelocityModel model = tinyModel()) {
            model.save(file, "tiny-baseline", "majority-vote");
        }
        return file;
    }

    /** The tiny network saved as a model file. */
    public static Path writeTinyModel(Path file) throws IOException {
        try (VelocityModel model = tinyModel()) {
            model.save(file, "tiny");
        }
        return file;
    }
}
