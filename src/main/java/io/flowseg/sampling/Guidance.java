package io.flowseg.sampling;

/** Classifier-free guidance: u_g = u_c + w (u_c - u_u) = (1 + w) u_c - w u_u. */
public final class Guidance {
    private Guidance() {
    }

    /**
     * Overwrites {@code velocities[conditional..+n]} with the guided velocity, reading the
     * unconditional one at {@code unconditional}.
     */
    public static void apply(float[] velocities, int conditional, int unconditional, int n, float w) {
        float keep = 1f + w;
        for (int p = 0; p < n; p++) {
            velocities[conditional + p] = keep * velocities[conditional + p] - w * velocities[unconditional + p];
        }
    }
}
