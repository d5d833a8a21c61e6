package io.flowseg.model;

/** One batched call of the velocity field, as flat row-major arrays (see VelocityField). */
record VelocityBatch(float[] x, float[] images, float[] t, int batch, int imageChannels, int resolution) {
}
