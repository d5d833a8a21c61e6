package io.flowseg.model;

/**
 * One batched call of the velocity field, as flat row-major arrays (see VelocityField); {@code stepSizes}
 * is null for a network that does not take them.
 */
record VelocityBatch(float[] x, float[] images, float[] t, float[] stepSizes, int batch, int imageChannels,
                     int resolution) {
}
