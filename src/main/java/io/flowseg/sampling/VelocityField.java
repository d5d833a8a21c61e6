package io.flowseg.sampling;

import io.flowseg.imaging.FieldOfView;

/**
 * A learned velocity field u(t, x_t, X) evaluated on a batch. Arrays are flat, row-major:
 * x [B, 1, H, W], images [B, C, H, W], t [B]; an all-zeros image is the null condition.
 * Implementations are not required to be thread-safe: use one per sampling thread.
 */
public interface VelocityField {

    /** Channels C of the conditioning image. */
    int imageChannels();

    /** Side of the square maps the field works on. */
    int resolution();

    /** The centred part of each image those maps cover; the whole image unless the model says otherwise. */
    default FieldOfView view() {
        return FieldOfView.WHOLE;
    }

    /** Returns u for every row, flat [B, 1, H, W]. */
    float[] evaluate(float[] x, float[] images, float[] t, int batch);

    /**
     * Whether u also takes the step size d it will be integrated over (a shortcut model): then u(t, x, X, d)
     * is the average velocity of a step of size d, and d = 0 the instantaneous one.
     */
    default boolean stepConditioned() {
        return false;
    }

    /** Returns u for every row, each for its own step size d [B]; a field that is not step-conditioned ignores d. */
    default float[] evaluate(float[] x, float[] images, float[] t, float[] stepSizes, int batch) {
        return evaluate(x, images, t, batch);
    }
}
