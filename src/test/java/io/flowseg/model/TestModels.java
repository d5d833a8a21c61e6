package io.flowseg.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Tiny networks and inputs for the model tests. */
final class TestModels {
    /** 16 px, widths 8 and 16, attention at 8 px and in the middle: a few thousand parameters. */
    static final UNetConfig TINY = new UNetConfig("custom", 1, 16, 8, List.of(1, 2), 1, List.of(8), true, 2, 4);

    private TestModels() {
    }

    /**
     * Writes a flowseg model file of {@code config} whose output convolution, and the last
     * convolution of each residual and attention block, are initialised like every other weight
     * instead of to zero, so that the network's velocity is not identically
     * zero. The file is written the way {@link VelocityModel#save} writes one.
     */
    static Path writeNonZeroModel(UNetConfig config, long seed, Path file, String version) throws IOException {
        Engine.getInstance().setRandomSeed((int) seed);
        ConditionalUNet unet = new ConditionalUNet(config);
        Parameter outputWeight = null;
        for (Pair<String, Parameter> entry : unet.getParameters()) {
            String key = entry.getKey();
            if (key.endsWith("outputConv_weight")) {
                outputWeight = entry.getValue();
            }
            if (key.endsWith("outputConv_weight") || key.endsWith("outConv_weight") || key.endsWith("projection_weight")) {
                entry.getValue().setInitializer(new TorchDefaultInitializer());
            }
        }
        if (outputWeight == null) {
            throw new IllegalStateException("no outputConv weight among " + unet.getParameters().keys());
        }
        try (NDManager manager = NDManager.newBaseManager(ComputeDevice.get(), "PyTorch");
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            unet.initialize(manager, DataType.FLOAT32, unet.inputShapes());
            ModelFile.writeHeader(out, new ModelFile.Header(ModelFile.FORMAT_VERSION, version, config, null));
            unet.saveParameters(out);
        }
        return file;
    }

    /** Uniform values in [low, high), reproducible from the seed. */
    static float[] uniform(long seed, int length, float low, float high) {
        Random random = new Random(seed);
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = low + (high - low) * random.nextFloat();
        }
        return values;
    }

    /** A random batch for {@code config}: x ~ U[-2, 2), image ~ U[0, 1), t ~ U[0, 1). */
    record Batch(float[] x, float[] images, float[] t, int batch) {
    }

    static Batch randomBatch(UNetConfig config, int batch, long seed) {
        int pixels = config.resolution() * config.resolution();
        return new Batch(uniform(seed, batch * pixels, -2f, 2f),
                uniform(seed + 1, batch * config.imageChannels() * pixels, 0f, 1f),
                uniform(seed + 2, batch, 0f, 1f), batch);
    }

    static float[] evaluate(VelocityModel model, Batch batch) {
        try (VelocityPredictor predictor = model.newPredictor()) {
            return predictor.evaluate(batch.x(), batch.images(), batch.t(), batch.batch());
        }
    }

    /** clamp(x / 2 + 0.5, 0, 1), the sampler's decoding (METHOD.md), computed the same way in float. */
    static float[] decode(float[] state) {
        float[] decoded = new float[state.length];
        for (int p = 0; p < state.length; p++) {
            decoded[p] = Math.min(1f, Math.max(0f, state[p] * 0.5f + 0.5f));
        }
        return decoded;
    }

    static double maxAbs(float[] values) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
