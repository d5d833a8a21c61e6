package io.flowseg.model;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.flowseg.imaging.FieldOfView;
import io.flowseg.sampling.VelocityField;

/** The velocity field of a {@link VelocityModel} for one thread. */
public final class VelocityPredictor implements VelocityField, AutoCloseable {
    private final Predictor<VelocityBatch, float[]> predictor;
    private final ModelInfo info;
    private final boolean stepConditioned;

    VelocityPredictor(Predictor<VelocityBatch, float[]> predictor, ModelInfo info, boolean stepConditioned) {
        this.predictor = predictor;
        this.info = info;
        this.stepConditioned = stepConditioned;
    }

    @Override
    public int imageChannels() {
        return info.imageChannels();
    }

    @Override
    public int resolution() {
        return info.resolution();
    }

    @Override
    public FieldOfView view() {
        return info.view();
    }

    @Override
    public boolean stepConditioned() {
        return stepConditioned;
    }

    @Override
    public float[] evaluate(float[] x, float[] images, float[] t, int batch) {
        return evaluate(x, images, t, new float[batch], batch);
    }

    @Override
    public float[] evaluate(float[] x, float[] images, float[] t, float[] stepSizes, int batch) {
        try {
            return predictor.predict(new VelocityBatch(x, images, t, stepConditioned ? stepSizes : null, batch,
                    info.imageChannels(), info.resolution()));
        } catch (TranslateException e) {
            throw new IllegalStateException("velocity model " + info.name() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        predictor.close();
    }
}
