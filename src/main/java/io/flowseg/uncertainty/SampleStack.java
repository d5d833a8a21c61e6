package io.flowseg.uncertainty;

/**
 * The M decoded samples of one study with their shape checked: at least one sample, a positive
 * width and height, and every sample holding exactly {@code width * height} row-major values.
 * Value ranges are checked later, during the single accumulation pass over the values.
 */
record SampleStack(float[][] samples, int width, int height) {

    SampleStack {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("map size must be positive, got " + width + "x" + height);
        }
        long pixels = (long) width * height;
        if (pixels > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("map of " + width + "x" + height + " pixels is too large");
        }
        if (samples == null || samples.length == 0) {
            throw new IllegalArgumentException("at least one sample is required");
        }
        for (int m = 0; m < samples.length; m++) {
            if (samples[m] == null) {
                throw new IllegalArgumentException("sample " + m + " is null");
            }
            if (samples[m].length != pixels) {
                throw new IllegalArgumentException("sample " + m + " has " + samples[m].length
                        + " values, expected " + pixels + " (" + width + "x" + height + ")");
            }
        }
    }

    int sampleCount() {
        return samples.length;
    }

    int pixelCount() {
        return width * height;
    }
}
