package io.flowseg.dataset;

import io.flowseg.imaging.Image;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The {@code lidc} preset: a crop shaped like the LIDC sample's. Dark, faintly textured lung; short
 * bright vessel-like curves and vessel cross-sections (distractors no rater outlines); in some crops the bright chest wall
 * behind a curved border; and one lesion at the centre, ordinary or subtle, whose border is sharp
 * or faint.
 */
final class LidcScenes implements SceneComposer {
    private static final int VESSEL_SEGMENTS = 12;
    private final LidcSceneSettings settings;

    LidcScenes(LidcSceneSettings settings) {
        this.settings = settings;
    }

    @Override
    public SyntheticScene compose(int size, Random random) {
        double scale = size / 128.0;
        Lesion lesion = lesion(size, scale, random);
        double lung = 0.03 + 0.06 * random.nextDouble();
        double noise = 0.015 + 0.02 * random.nextDouble();
        float[] value = new float[size * size];
        Arrays.fill(value, (float) lung);
        addTexture(value, size, random);
        if (random.nextDouble() < settings.chestWallShare()) {
            addChestWall(value, size, scale, random);
        }
        int vessels = settings.vessels().count(random);
        for (int v = 0; v < vessels; v++) {
            addVessel(value, size, scale, random);
        }
        int dots = settings.vessels().count(random);
        for (int d = 0; d < dots; d++) {
            addVesselSection(value, size, scale, random);
        }
        float[] pixels = new float[size * size];
        for (int row = 0; row < size; row++) {
            for (int column = 0; column < size; column++) {
                int p = row * size + column;
                double v = value[p] + lesion.contrast() * lesion.probability(column, row) + noise * random.nextGaussian();
                pixels[p] = (float) Math.round(255 * Math.min(1, Math.max(0, v)));
            }
        }
        return new SyntheticScene(new Image(size, size, 1, pixels), List.of(lesion), settings.raters());
    }

    private Lesion lesion(int size, double scale, Random random) {
        boolean subtle = random.nextDouble() < settings.subtleShare();
        double jitter = settings.centreJitter() * scale;
        double x = size / 2.0 + jitter * (2 * random.nextDouble() - 1);
        double y = size / 2.0 + jitter * (2 * random.nextDouble() - 1);
        double radius = scale * (subtle ? settings.subtleRadius() : settings.radius()).logUniform(random);
        double wobble = 0.12 * random.nextDouble();
        int lobes = 2 + random.nextInt(4);
        double phase = 2 * Math.PI * random.nextDouble();
        double softness = scale * (random.nextBoolean() ? 0.4 + 0.5 * random.nextDouble() : 1 + 1.5 * random.nextDouble());
        double contrast = (subtle ? settings.subtleContrast() : settings.contrast()).uniform(random);
        return new Lesion(x, y, radius, wobble, lobes, phase, softness, contrast,
                subtle ? settings.subtleVisibility() : settings.visibility());
    }

    /** Two low, slow gratings: the lung's uneven density. */
    private static void addTexture(float[] value, int size, Random random) {
        for (int g = 0; g < 2; g++) {
            double angle = Math.PI * random.nextDouble();
            double frequency = 2 * Math.PI * (1 + 3 * random.nextDouble()) / size;
            double fx = Math.cos(angle) * frequency;
            double fy = Math.sin(angle) * frequency;
            double phase = 2 * Math.PI * random.nextDouble();
            double amplitude = 0.01 + 0.02 * random.nextDouble();
            for (int row = 0; row < size; row++) {
                for (int column = 0; column < size; column++) {
                    value[row * size + column] += (float) (amplitude * Math.sin(fx * column + fy * row + phase));
                }
            }
        }
    }

    /** Bright tissue inside a large circle whose border passes 14-56 px from the centre. */
    private static void addChestWall(float[] value, int size, double scale, Random random) {
        double angle = 2 * Math.PI * random.nextDouble();
        double gap = scale * (14 + 42 * random.nextDouble());
        double radius = scale * (150 + 250 * random.nextDouble());
        double cx = size / 2.0 + Math.cos(angle) * (gap + radius);
        double cy = size / 2.0 + Math.sin(angle) * (gap + radius);
        double level = 0.35 + 0.15 * random.nextDouble();
        double border = scale * (0.8 + random.nextDouble());
        for (int row = 0; row < size; row++) {
            for (int column = 0; column < size; column++) {
                double inside = radius - Math.hypot(column + 0.5 - cx, row + 0.5 - cy);
                value[row * size + column] += (float) (level / (1 + Math.exp(-inside / border)));
            }
        }
    }

    /** A short bright curve (a quadratic Bezier, 10-50 px long) with a Gaussian cross-section. */
    private static void addVessel(float[] value, int size, double scale, Random random) {
        double[] xs = new double[VESSEL_SEGMENTS + 1];
        double[] ys = new double[VESSEL_SEGMENTS + 1];
        double x0 = size * random.nextDouble();
        double y0 = size * random.nextDouble();
        double length = scale * (10 + 40 * random.nextDouble());
        double heading = 2 * Math.PI * random.nextDouble();
        double x2 = x0 + length * Math.cos(heading);
        double y2 = y0 + length * Math.sin(heading);
        double bend = length * 0.3 * (2 * random.nextDouble() - 1);
        double x1 = (x0 + x2) / 2 - bend * Math.sin(heading);
        double y1 = (y0 + y2) / 2 + bend * Math.cos(heading);
        for (int s = 0; s <= VESSEL_SEGMENTS; s++) {
            double t = s / (double) VESSEL_SEGMENTS;
            xs[s] = (1 - t) * (1 - t) * x0 + 2 * t * (1 - t) * x1 + t * t * x2;
            ys[s] = (1 - t) * (1 - t) * y0 + 2 * t * (1 - t) * y1 + t * t * y2;
        }
        double width = scale * (0.4 + 0.6 * random.nextDouble());
        double contrast = 0.1 + 0.25 * random.nextDouble();
        double reach = 4 * width;
        for (int row = 0; row < size; row++) {
            for (int column = 0; column < size; column++) {
                double d = distanceToPolyline(column + 0.5, row + 0.5, xs, ys);
                if (d < reach) {
                    value[row * size + column] += (float) (contrast * Math.exp(-d * d / (2 * width * width)));
                }
            }
        }
    }

    /** A vessel cut across: a small bright dot, the distractor most like a tiny nodule. */
    private static void addVesselSection(float[] value, int size, double scale, Random random) {
        double x = size * random.nextDouble();
        double y = size * random.nextDouble();
        double width = scale * (0.6 + 1.0 * random.nextDouble());
        double contrast = 0.1 + 0.3 * random.nextDouble();
        int reach = (int) Math.ceil(4 * width);
        for (int row = Math.max(0, (int) y - reach); row < Math.min(size, (int) y + reach + 1); row++) {
            for (int column = Math.max(0, (int) x - reach); column < Math.min(size, (int) x + reach + 1); column++) {
                double d2 = Math.pow(column + 0.5 - x, 2) + Math.pow(row + 0.5 - y, 2);
                value[row * size + column] += (float) (contrast * Math.exp(-d2 / (2 * width * width)));
            }
        }
    }

    private static double distanceToPolyline(double px, double py, double[] xs, double[] ys) {
        double best = Double.MAX_VALUE;
        for (int s = 0; s + 1 < xs.length; s++) {
            double dx = xs[s + 1] - xs[s];
            double dy = ys[s + 1] - ys[s];
            double length2 = dx * dx + dy * dy;
            double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - xs[s]) * dx + (py - ys[s]) * dy) / length2));
            best = Math.min(best, Math.hypot(px - xs[s] - t * dx, py - ys[s] - t * dy));
        }
        return best;
    }
}
