package io.flowseg.sampling;

/**
 * The sampling of one study: its prepared image and its settings.
 *
 * @param id study id (used in progress and results, never logged with patient data)
 * @param image the conditioning image at the model's resolution, flat [C, R, R], values in [0, 1]
 * @param settings M, w, N, the solver and the seed
 * @param initialNoise explicit x(0) per sample, flat [R, R] each, or null to draw it from the seed
 */
public record SamplingJob(String id, float[] image, SamplingSettings settings, float[][] initialNoise) {

    public SamplingJob {
        if (image == null || id == null || settings == null) {
            throw new IllegalArgumentException("id, image and settings are required");
        }
        if (initialNoise != null && initialNoise.length != settings.samples()) {
            throw new IllegalArgumentException("initial noise holds " + initialNoise.length
                    + " samples but " + settings.samples() + " were requested");
        }
    }

    /** The seed of the initial noise (see {@link SamplingSettings#seedFor}). */
    public long seed() {
        return settings.seedFor(id);
    }
}
