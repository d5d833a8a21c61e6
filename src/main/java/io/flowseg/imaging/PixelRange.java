package io.flowseg.imaging;

/** Smallest and largest sample of an image, the basis of per-image min-max normalisation. */
record PixelRange(float min, float max) {

    /**
     * @throws ImageRejectedException with {@link RejectionReason#NON_FINITE_PIXELS} if any sample
     *                                is NaN or infinite, since no meaningful range exists then
     */
    static PixelRange of(float[] samples) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < samples.length; i++) {
            float sample = samples[i];
            if (!Float.isFinite(sample)) {
                throw new ImageRejectedException(RejectionReason.NON_FINITE_PIXELS,
                        "image contains a non-finite value (" + sample + ") at sample " + i);
            }
            min = Math.min(min, sample);
            max = Math.max(max, sample);
        }
        return new PixelRange(min, max);
    }

    boolean isConstant() {
        return min == max;
    }

    /** Maps min to 0 and max to 1; in double, because max - min can overflow float for extreme inputs. */
    float[] normalise(float[] samples) {
        double range = (double) max - min;
        float[] normalised = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            normalised[i] = (float) ((samples[i] - (double) min) / range);
        }
        return normalised;
    }
}
