package io.flowseg.training;

import java.util.SplittableRandom;

/**
 * Label-preserving augmentation for tiny multi-rater sets, each part switchable: the 8 rotations
 * and mirror images of the square, integer translations, a zoom about the centre (meant to let a
 * few lesions teach every size; off by default, since on LIDC it measured worse: see the README),
 * and intensity jitter of the image alone
 * (contrast about the mean, gamma, additive noise). One {@link Draw} moves the image and every
 * mask it is paired with by the same geometry.
 *
 * @param dihedral whether rows take one of the 8 symmetries of the square at random
 * @param maxShift largest translation in pixels along each axis (0: none); edges are repeated
 * @param scale    zoom factor drawn as exp(U[-scale, scale]) about the plane's centre, sampled
 *                 bilinearly with edges repeated (0: none, and pixels move by whole steps only)
 * @param contrast contrast factor drawn from U[1 - contrast, 1 + contrast] (0: none)
 * @param gamma    gamma drawn as exp(U[-gamma, gamma]) (0: none)
 * @param noise    standard deviation of added Gaussian noise on the [0, 1] image (0: none)
 */
public record Augmentation(boolean dihedral, int maxShift, float scale, float contrast, float gamma, float noise) {

    /** No augmentation at all. */
    public static final Augmentation NONE = new Augmentation(false, 0, 0, 0, 0, 0);
    /** What {@code train} uses unless told otherwise. */
    public static final Augmentation DEFAULT = new Augmentation(true, 3, 0, 0.15f, 0.2f, 0.02f);

    public Augmentation {
        if (maxShift < 0 || scale < 0 || scale > 1 || contrast < 0 || contrast >= 1 || gamma < 0 || noise < 0) {
            throw new IllegalArgumentException("augmentation: shift, gamma and noise must not be negative,"
                    + " scale must lie in [0, 1] and contrast in [0, 1)");
        }
    }

    /** Draws one row's transform. */
    Draw draw(SplittableRandom random) {
        int symmetry = dihedral ? random.nextInt(8) : 0;
        int dx = maxShift == 0 ? 0 : random.nextInt(-maxShift, maxShift + 1);
        int dy = maxShift == 0 ? 0 : random.nextInt(-maxShift, maxShift + 1);
        // Drawn only when asked, so runs without a zoom keep the random stream they always had.
        float zoom = scale == 0 ? 1f : (float) Math.exp(scale * (2 * random.nextDouble() - 1));
        float contrastFactor = contrast == 0 ? 1f : (float) (1 + contrast * (2 * random.nextDouble() - 1));
        float gammaExponent = gamma == 0 ? 1f : (float) Math.exp(gamma * (2 * random.nextDouble() - 1));
        long noiseSeed = random.nextLong();
        return new Draw(symmetry, dx, dy, zoom, contrastFactor, gammaExponent, noise, noiseSeed);
    }

    /**
     * One drawn transform.
     *
     * @param symmetry  0-3: rotation by that many quarter turns; 4-7: the same after a horizontal mirror
     * @param dx        translation in columns
     * @param dy        translation in rows
     * @param zoom      magnification about the plane's centre (1: none; above 1 the content grows)
     */
    record Draw(int symmetry, int dx, int dy, float zoom, float contrast, float gamma, float noise, long noiseSeed) {

        boolean movesPixels() {
            return symmetry != 0 || dx != 0 || dy != 0 || zoom != 1f;
        }

        /**
         * The geometry, applied alike to images and masks: planar CHW, square planes. Each output
         * pixel is translated, scaled back about the centre and un-rotated, then sampled bilinearly;
         * without a zoom the source lies on the grid and every pixel is an exact copy, and with one
         * soft mask targets stay soft.
         */
        float[] geometric(float[] planes, int resolution, int channels) {
            if (!movesPixels()) {
                return planes;
            }
            float[] moved = new float[planes.length];
            int plane = resolution * resolution;
            int last = resolution - 1;
            double centre = last / 2.0;
            for (int y = 0; y < resolution; y++) {
                for (int x = 0; x < resolution; x++) {
                    double u = clamp(centre + (x - dx - centre) / zoom, last);
                    double v = clamp(centre + (y - dy - centre) / zoom, last);
                    double[] source = unrotated(u, v, last);
                    int x0 = (int) source[0];
                    int y0 = (int) source[1];
                    int x1 = Math.min(last, x0 + 1);
                    int y1 = Math.min(last, y0 + 1);
                    double fx = source[0] - x0;
                    double fy = source[1] - y0;
                    for (int c = 0; c < channels; c++) {
                        int base = c * plane;
                        double top = (1 - fx) * planes[base + y0 * resolution + x0] + fx * planes[base + y0 * resolution + x1];
                        double bottom = (1 - fx) * planes[base + y1 * resolution + x0] + fx * planes[base + y1 * resolution + x1];
                        moved[base + y * resolution + x] = (float) ((1 - fy) * top + fy * bottom);
                    }
                }
            }
            return moved;
        }

        private static double clamp(double coordinate, int last) {
            return Math.min(last, Math.max(0, coordinate));
        }

        /** Where a pixel of the rotated and mirrored plane comes from in the original one. */
        private double[] unrotated(double x, double y, int last) {
            double sx = x;
            double sy = y;
            for (int turn = 0; turn < (symmetry & 3); turn++) {
                double rotated = sy;
                sy = last - sx;
                sx = rotated;
            }
            if (symmetry >= 4) {
                sx = last - sx;
            }
            return new double[] {sx, sy};
        }

        /** Contrast, gamma and noise, on the image only; values stay in [0, 1] like a normalised image. */
        float[] intensity(float[] image) {
            if (contrast == 1f && gamma == 1f && noise == 0f) {
                return image;
            }
            double mean = 0;
            for (float value : image) {
                mean += value;
            }
            mean /= image.length;
            SplittableRandom random = new SplittableRandom(noiseSeed);
            float[] jittered = new float[image.length];
            for (int p = 0; p < image.length; p++) {
                double value = mean + contrast * (image[p] - mean);
                value = Math.pow(Math.min(1, Math.max(0, value)), gamma);
                if (noise > 0) {
                    value += noise * random.nextGaussian();
                }
                jittered[p] = (float) Math.min(1, Math.max(0, value));
            }
            return jittered;
        }
    }
}
