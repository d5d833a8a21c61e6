package io.flowseg.sampling;

/**
 * The sampling of one study: its prepared image and its own settings.
 *
 * @param id study id (used in progress and results, never logged with patient data)
 * @param image the conditioning image at the model's resolution, flat [C, R, R], values in [0, 1]
 * @param samples M, the number of segmentations to draw
 * @param guidance classifier-free guidance weight w; 0 skips the unconditional evaluation
 * @param steps N, integration steps from t = 0 to t = 1
 * @param solver the ODE solver
 * @param seed seed of the initial noise (see {@link Seeds#forStudy} for requests without one)
 * @param initialNoise explicit x(0) per sample, flat [R, R] each, or null to draw it from the seed
 */
public record SamplingRequest(String id, float[] image, int samples, float guidance, int steps,
                              OdeSolver solver, long seed, float[][] initialNoise) {

    public SamplingRequest {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (!Float.isFinite(guidance)) {
            throw new IllegalArgumentException("guidance must be finite, got " + guidance);
        }
        if (solver == null || image == null || id == null) {
            throw new IllegalArgumentException("id, image and solver are required");
        }
        if (initialNoise != null && initialNoise.length != samples) {
            throw new IllegalArgumentException("initial noise holds " + initialNoise.length
                    + " samples but " + samples + " were requested");
        }
    }

    /** Whether the unconditional velocity is needed. */
    public boolean guided() {
        return guidance != 0f;
    }

    /** Rows one sample occupies in a forward pass: two when guidance needs the null condition. */
    public int rowsPerSample() {
        return guided() ? 2 : 1;
    }

    /** Network evaluations (rows of forward passes) this request costs in total. */
    public long networkEvaluations() {
        return (long) samples * steps * solver.stages() * rowsPerSample();
    }
}
