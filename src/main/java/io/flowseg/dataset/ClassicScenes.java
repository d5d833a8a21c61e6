package io.flowseg.dataset;

import io.flowseg.imaging.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The {@code classic} preset: one or two lesion-like blobs of radius 6-20 px (at 128 px) anywhere in
 * the middle half, with sharp or faint borders, on a background of three gratings and pixel noise.
 * Raters put the border at an iso-level in [0.2, 0.8]; 30% of them overlook lesions of contrast
 * below 0.3.
 */
final class ClassicScenes implements SceneComposer {
    static final RaterProcess RATERS = new RaterProcess(0.2, 0.8);
    private static final double FAINT_CONTRAST = 0.3;
    private static final double FAINT_VISIBILITY = 0.7;
    private static final double NOISE = 0.05;

    @Override
    public SyntheticScene compose(int size, Random random) {
        double scale = size / 128.0;
        List<Lesion> lesions = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            boolean faintBorder = random.nextBoolean();
            double x = size * (0.25 + 0.5 * random.nextDouble());
            double y = size * (0.25 + 0.5 * random.nextDouble());
            double radius = scale * (6 + 14 * random.nextDouble());
            double wobble = 0.25 * random.nextDouble();
            int lobes = 2 + random.nextInt(4);
            double phase = 2 * Math.PI * random.nextDouble();
            double softness = scale * (faintBorder ? 2.5 + 3.5 * random.nextDouble() : 0.5 + 0.5 * random.nextDouble());
            double contrast = 0.15 + 0.45 * random.nextDouble();
            lesions.add(new Lesion(x, y, radius, wobble, lobes, phase, softness, contrast,
                    contrast < FAINT_CONTRAST ? FAINT_VISIBILITY : 1));
        }
        return new SyntheticScene(render(size, lesions, random), lesions, RATERS);
    }

    /** Background of three random gratings, the lesions' contrast, and pixel noise, in 0..255. */
    private static Image render(int size, List<Lesion> lesions, Random random) {
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
