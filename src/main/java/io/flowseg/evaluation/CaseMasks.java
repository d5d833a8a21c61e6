package io.flowseg.evaluation;

/**
 * One evaluated image: M model samples and E rater masks, all flattened to P pixels.
 *
 * @param samples     binarised samples [M][P] (soft sample &gt;= 0.5)
 * @param softSamples decoded soft samples [M][P] in [0,1]; needed for the paper's Dice and for calibration
 * @param raters      rater masks [E][P]
 */
public record CaseMasks(boolean[][] samples, float[][] softSamples, boolean[][] raters) {

    /** Threshold used for every binarisation in this package (inclusive: value &gt;= 0.5 is foreground). */
    public static final double THRESHOLD = 0.5;

    public CaseMasks {
        if (samples.length == 0 || raters.length == 0) {
            throw new IllegalArgumentException("need at least one sample and one rater");
        }
        if (softSamples.length != samples.length) {
            throw new IllegalArgumentException("soft and binary sample counts differ");
        }
        int pixels = samples[0].length;
        for (boolean[] s : samples) {
            requireLength(s.length, pixels);
        }
        for (float[] s : softSamples) {
            requireLength(s.length, pixels);
        }
        for (boolean[] r : raters) {
            requireLength(r.length, pixels);
        }
    }

    /** Builds the case from soft samples, binarising them at {@link #THRESHOLD}. */
    public static CaseMasks fromSoftSamples(float[][] softSamples, boolean[][] raters) {
        boolean[][] binary = new boolean[softSamples.length][];
        for (int m = 0; m < softSamples.length; m++) {
            binary[m] = new boolean[softSamples[m].length];
            for (int p = 0; p < softSamples[m].length; p++) {
                binary[m][p] = softSamples[m][p] >= THRESHOLD;
            }
        }
        return new CaseMasks(binary, softSamples, raters);
    }

    public int sampleCount() {
        return samples.length;
    }

    public int raterCount() {
        return raters.length;
    }

    public int pixelCount() {
        return samples[0].length;
    }

    /** Per-pixel mean of the soft samples (the model's probability map). */
    public double[] meanMap() {
        double[] mean = new double[pixelCount()];
        for (float[] sample : softSamples) {
            for (int p = 0; p < mean.length; p++) {
                mean[p] += sample[p];
            }
        }
        for (int p = 0; p < mean.length; p++) {
            mean[p] /= softSamples.length;
        }
        return mean;
    }

    /** Per-pixel fraction of raters marking the pixel. */
    public double[] raterFrequency() {
        double[] frequency = new double[pixelCount()];
        for (boolean[] rater : raters) {
            for (int p = 0; p < frequency.length; p++) {
                if (rater[p]) {
                    frequency[p] += 1;
                }
            }
        }
        for (int p = 0; p < frequency.length; p++) {
            frequency[p] /= raters.length;
        }
        return frequency;
    }

    private static void requireLength(int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("mask length " + actual + " != " + expected);
        }
    }
}
