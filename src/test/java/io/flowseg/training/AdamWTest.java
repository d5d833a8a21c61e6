package io.flowseg.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fused engine update must reproduce torch.optim.AdamW step for step, and leave no gradient behind. */
class AdamWTest {
    private static final float[] START = {0.5f, -1.25f, 2f, 0f};
    private static final float[][] GRADIENTS = {
            {0.3f, -0.7f, 1e-3f, 2f},
            {-0.1f, 0.4f, 5f, 0f},
            {0.2f, 0.2f, -3f, -1e-4f},
    };

    @Test
    void matchesTorchAdamWOverSeveralUpdates() {
        TrainingSettings settings = new TrainingSettings(10, 1, 0.05f, 0, 1f, 0.9f, 0.95f, 0.1f, 0.999f, 0.5f,
                Augmentation.NONE, MaskTarget.SOFT, 1);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(START);
            weight.setRequiresGradient(true);
            AdamW optimizer = new AdamW(settings, List.of(weight), manager);
            for (int update = 1; update <= GRADIENTS.length; update++) {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    // d/dw sum(w * g) = g, added to a gradient the previous update must have zeroed
                    collector.backward(weight.mul(manager.create(GRADIENTS[update - 1])).sum());
                }
                optimizer.update(List.of(weight), update, settings.learningRate());
            }
            assertArrayEquals(torchAdamW(settings), weight.toFloatArray(), 1e-6f);
        }
    }

    /** torch.optim.AdamW's documented algorithm, in double precision. */
    private static float[] torchAdamW(TrainingSettings settings) {
        double lr = settings.learningRate();
        double beta1 = settings.beta1();
        double beta2 = settings.beta2();
        float[] result = new float[START.length];
        for (int i = 0; i < START.length; i++) {
            double w = START[i];
            double m = 0;
            double v = 0;
            for (int t = 1; t <= GRADIENTS.length; t++) {
                double g = GRADIENTS[t - 1][i];
                w *= 1 - lr * settings.weightDecay();
                m = beta1 * m + (1 - beta1) * g;
                v = beta2 * v + (1 - beta2) * g * g;
                double mHat = m / (1 - Math.pow(beta1, t));
                double vHat = v / (1 - Math.pow(beta2, t));
                w -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
            }
            result[i] = (float) w;
        }
        return result;
    }
}
