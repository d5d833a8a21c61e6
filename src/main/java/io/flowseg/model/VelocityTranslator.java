package io.flowseg.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/**
 * Moves a batch between Java arrays and the device. Every array of a call lives in the
 * predictor's per-call manager, so nothing outlives the call: memory stays flat however long
 * the sampler runs.
 */
final class VelocityTranslator implements Translator<VelocityBatch, float[]> {

    @Override
    public NDList processInput(TranslatorContext ctx, VelocityBatch in) {
        NDManager manager = ctx.getNDManager();
        long r = in.resolution();
        NDList inputs = new NDList(
                manager.create(in.x(), new Shape(in.batch(), 1, r, r)),
                manager.create(in.images(), new Shape(in.batch(), in.imageChannels(), r, r)),
                manager.create(in.t(), new Shape(in.batch())));
        if (in.stepSizes() != null) {
            inputs.add(manager.create(in.stepSizes(), new Shape(in.batch())));
        }
        return inputs;
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        return list.head().toFloatArray();
    }

    @Override
    public Batchifier getBatchifier() {
        return null;
    }
}
