package io.flowseg.dataset;

import io.flowseg.imaging.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Multi-rater data with known ambiguity, deterministic by seed: one or two lesion-like blobs
 * with sharp or faint borders on a textured, noisy background, outlined by raters drawn from
 * {@link RaterHabit}'s population.
 */
public final class SyntheticGenerator {
    private static final double NOISE = 0.05;
    private final int size;

    public SyntheticGenerator(int size) {
        if (size < 16) {
            throw new IllegalArgumentException("synthetic images must be at least 16 pixels wide, got " + size);
        }
        this.size = size;
    }

    /** {@code cases} cases of {@code raters} raters each; case i depends only on (seed, i). */
    public List<MultiRaterCase> cases(int cases, int raters, long seed) {
        List<MultiRaterCase> result = new ArrayList<>(cases);
        for (int i = 0; i < cases; i++) {
            Random random = new Random(seed * 1_000_003L + i);
            SyntheticScene scene = scene(random);
            List<boolean[]> masks = new ArrayList<>(raters);
            for (int k = 0; k < raters; k++) {
                masks.add(scene.raterMask(RaterHabit.draw(random)));
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
        return scene(new Random(seed * 1_000_003L + caseIndex));
    }

    private SyntheticScene scene(Random random) {
        double scale = size / 128.0;
        List<Lesion> lesions = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            boolean faintBorder = random.nextBoolean();
            lesions.add(new Lesion(
                    size * (0.25 + 0.5 * random.nextDouble()), size * (0.25 + 0.5 * random.nextDouble()),
                    scale * (6 + 14 * random.nextDouble()), 0.25 * random.nextDouble(), 2 + random.nextInt(4),
                    2 * Math.PI * random.nextDouble(),
                    scale * (faintBorder ? 2.5 + 3.5 * random.nextDouble() : 0.5 + 0.5 * random.nextDouble()),
                    0.15 + 0.45 * random.nextDouble()));
        }
        return new SyntheticScene(render(lesions, random), lesions);
    }

    /** Background of three random gratings, the lesions' contrast, and pixel noise, in 0..255. */
    private Image render(List<Lesion> lesions, Random random) {
        double[][] gratings = new double[3][];
        for (int g = 0; g < gratings.length; g++) {
            double angle = Math.PI * random.nextDouble();
            double frequency = 2 * Math.PI * (1 + 5 * random.nextDouble()) / size;
            gratings[g] = new double[] {Math.cos(angle) * frequency, Math.sin(angle) * frequency,
                2 * Math.PI * random.nextDouble(), 0.03 + 0.07 * random.nextDouble()};
        }
        float[] pixels = new float[size * size];
        for (int row = 0; row < size; row++) {
            for (int column = 0; column < size; column++) {
                double value = 0.3;
                for (double[] g : gratings) {
                    value += g[3] * Math.sin(g[0] * column + g[1] * row + g[2]);
                }
                for (Lesion lesion : lesions) {
                    value += lesion.contrast() * lesion.probability(column, row);
                }
                value += NOISE * random.nextGaussian();
                pixels[row * size + column] = (float) Math.round(255 * Math.min(1, Math.max(0, value)));
            }
        }
        return new Image(size, size, 1, pixels);
    }
}
